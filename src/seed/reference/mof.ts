import type { ComponentName, ReferenceCriterion, ReferenceDefinition } from './types.js';

/**
 * The Model Openness Framework 1.0 (LF AI & Data, arXiv 2403.13784): three cumulative
 * classes, one criterion per required component per class. Interpretation choices:
 *
 * - Code components need an OSI-approved licence. MOF also accepts FSF-approved licences;
 *   the engine has no FSF list, so an FSF-only licence fails here.
 * - Data and parameter components accept an open-data licence or an OSI-approved one.
 * - Documentation components (model card, data card, technical report, research paper,
 *   evaluation results) must be available; their licence is checked only when one is
 *   recorded (few releases state one for a model card).
 * - A research paper may stand in for the technical report (MOF says so).
 * - MOF's optional components (supporting libraries, model metadata, sample outputs) have
 *   no criterion.
 */

const CLASS_III = 'Class III';
const CLASS_II = 'Class II';
const CLASS_I = 'Class I';

const code = (c: ComponentName) =>
  `components.${c}.available && osiApproved(components.${c}.license)`;

const dataOrParameters = (c: ComponentName) =>
  `components.${c}.available && ` +
  `(openDataLicense(components.${c}.license) || osiApproved(components.${c}.license))`;

const documentation = (c: ComponentName) =>
  `components.${c}.available && (has(components.${c}.license) ? ` +
  `openDataLicense(components.${c}.license) || osiApproved(components.${c}.license) : true)`;

interface Row {
  slug: string;
  kind: 'Code' | 'Data' | 'Model' | 'Documentation';
  title: string;
  text: string;
  rule: string;
}

const criterion = (level: string, r: Row): ReferenceCriterion => ({
  key: `${level.toLowerCase().replace(' ', '-')}.${r.slug}`,
  component: r.kind,
  title: r.title,
  text: r.text,
  rule: r.rule,
  level,
});

const classIII: Row[] = [
  {
    slug: 'model-architecture',
    kind: 'Model',
    title: 'Model architecture',
    text: 'The code defining the model architecture is released under an open source licence.',
    rule: code('modelArchitecture'),
  },
  {
    slug: 'model-parameters',
    kind: 'Model',
    title: 'Final model parameters',
    text: 'The final trained parameters are released under an open licence.',
    rule: dataOrParameters('modelParameters'),
  },
  {
    slug: 'evaluation-results',
    kind: 'Documentation',
    title: 'Evaluation results',
    text: 'The results of evaluating the model are published.',
    rule: documentation('evaluationResults'),
  },
  {
    slug: 'model-card',
    kind: 'Documentation',
    title: 'Model card',
    text: 'A model card describes the model, its intended uses and its limitations.',
    rule: documentation('modelCard'),
  },
  {
    slug: 'data-card',
    kind: 'Documentation',
    title: 'Data card',
    text: 'A data card describes the training data: sources, composition and processing.',
    rule: documentation('dataCard'),
  },
  {
    slug: 'technical-report',
    kind: 'Documentation',
    title: 'Technical report',
    text: 'A technical report documents how the model was built; a research paper may stand in.',
    rule: `(${documentation('technicalReport')}) || (${documentation('researchPaper')})`,
  },
];

const classII: Row[] = [
  {
    slug: 'training-code',
    kind: 'Code',
    title: 'Training code',
    text: 'The code used to train the model is released under an open source licence.',
    rule: code('trainingCode'),
  },
  {
    slug: 'inference-code',
    kind: 'Code',
    title: 'Inference code',
    text: 'The code used to run the model is released under an open source licence.',
    rule: code('inferenceCode'),
  },
  {
    slug: 'evaluation-code',
    kind: 'Code',
    title: 'Evaluation code',
    text: 'The code used to evaluate the model is released under an open source licence.',
    rule: code('evaluationCode'),
  },
  {
    slug: 'evaluation-data',
    kind: 'Data',
    title: 'Evaluation data',
    text: 'The data used to evaluate the model is released under an open licence.',
    rule: dataOrParameters('evaluationData'),
  },
];

const classI: Row[] = [
  {
    slug: 'datasets',
    kind: 'Data',
    title: 'Training datasets',
    text: 'The datasets used to train the model are released under an open licence.',
    rule: dataOrParameters('datasets'),
  },
  {
    slug: 'data-preprocessing-code',
    kind: 'Code',
    title: 'Data pre-processing code',
    text: 'The code used to prepare the training data is released under an open source licence.',
    rule: code('dataPreprocessingCode'),
  },
  {
    slug: 'intermediate-parameters',
    kind: 'Model',
    title: 'Intermediate model parameters',
    text: 'Checkpoints from intermediate stages of training are released under an open licence.',
    rule: dataOrParameters('modelParametersIntermediate'),
  },
  {
    slug: 'research-paper',
    kind: 'Documentation',
    title: 'Research paper',
    text: 'A research paper describes the model and its training in a reproducible way.',
    rule: documentation('researchPaper'),
  },
];

export const MOF: ReferenceDefinition = {
  slug: 'mof',
  name: 'Model Openness Framework',
  stewardOrganization: 'LF AI & Data',
  description:
    'A framework that grades how completely and openly a model is released, in three ' +
    'cumulative classes: Open Model, Open Tooling and Open Science.',
  levels: [CLASS_III, CLASS_II, CLASS_I],
  // No amendment procedure is published for MOF either; Redline defaults.
  policy: { quorum: 0.5, approvalThreshold: 2 / 3, commentPeriodDays: 30, voterRole: 'COMMITTEE' },
  versions: [
    {
      label: '1.0',
      status: 'RATIFIED',
      parentLabel: null,
      // Approximate: arXiv 2403.13784 (v1) was submitted in March 2024.
      publishedAt: '2024-03-20',
      preamble:
        'Class III (Open Model) releases the model and its documentation; Class II (Open ' +
        'Tooling) adds the code and data to train, run and evaluate it; Class I (Open Science) ' +
        'adds the training data, its processing code, intermediate checkpoints and a paper. ' +
        'Each class includes the ones below it.',
      criteria: [
        ...classIII.map((r) => criterion(CLASS_III, r)),
        ...classII.map((r) => criterion(CLASS_II, r)),
        ...classI.map((r) => criterion(CLASS_I, r)),
      ],
    },
  ],
};
