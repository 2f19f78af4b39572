import type { ReferenceCriterion, ReferenceDefinition, ReferenceVersion } from './types.js';

/**
 * The Open Source AI Definition (OSI): draft 0.0.9, release candidate 1.0-RC1 and the
 * ratified 1.0. Titles and texts are Redline's paraphrases of each version, not quotes.
 * Rules are Redline's interpretation (reference/osaid.md, "starter encoding"); keys are
 * stable across versions so that a version diff shows what each version really changed:
 *
 * - 0.0.9 → RC1: `data-information.description` modified (any one documentation form →
 *   a detailed description of all data), `data-information.sources` added, `code.training`
 *   modified (code must now be complete).
 * - RC1 → 1.0: rules unchanged; texts change ("detailed" → "complete" description,
 *   "cleaning" → "processing and filtering", parameters need no specific legal mechanism).
 */

const rule = {
  // The four freedoms for any purpose, without asking permission. Redline reads every
  // recorded restriction kind as a denial of "any purpose"; `terms` must be present
  // (reviewed), otherwise `has()` on it is an error and the criterion is UNKNOWN.
  freedoms:
    '!has(terms.maxMonthlyActiveUsers) && !has(terms.maxAnnualRevenueUsd) && ' +
    '!has(terms.fieldOfUseRestrictions) && !has(terms.nonCommercialOnly)',
  dataDescription: 'dataInformation.describesAllData && dataInformation.unshareableDataDescribed',
  dataSources: 'dataInformation.publicDataListed && dataInformation.thirdPartyDataListed',
  // 0.0.9's checklist: at least one of these four. CEL's `||` is commutative over errors:
  // one `true` passes even if the others are absent (unknown); all known `false` fails;
  // `false`s mixed with absent keys stay UNKNOWN.
  anyDataDocument:
    'components.datasets.available || components.researchPaper.available || ' +
    'components.technicalReport.available || components.dataCard.available',
  dataProcessing:
    'components.dataPreprocessingCode.available && ' +
    'osiApproved(components.dataPreprocessingCode.license)',
  trainingIncomplete:
    'components.trainingCode.available && osiApproved(components.trainingCode.license)',
  trainingComplete:
    'components.trainingCode.available && components.trainingCode.complete && ' +
    'osiApproved(components.trainingCode.license)',
  inference: 'components.inferenceCode.available && osiApproved(components.inferenceCode.license)',
  architecture:
    'components.modelArchitecture.available && osiApproved(components.modelArchitecture.license)',
  parameters:
    'components.modelParameters.available && osiApproved(components.modelParameters.license)',
};

const freedoms: ReferenceCriterion = {
  key: 'freedoms.any-purpose',
  component: 'Freedoms',
  title: 'Use, study, modify and share for any purpose',
  text:
    'The system is made available on terms that let anyone use it for any purpose, study how ' +
    'it works, modify it and share it, without having to ask permission.',
  rule: rule.freedoms,
};

const inference: ReferenceCriterion = {
  key: 'code.inference',
  component: 'Code',
  title: 'Inference code',
  text: 'The code used to run the system is available under an OSI-approved licence.',
  rule: rule.inference,
};

const architecture: ReferenceCriterion = {
  key: 'code.architecture',
  component: 'Code',
  title: 'Model architecture',
  text: 'The code that defines the model architecture is available under an OSI-approved licence.',
  rule: rule.architecture,
};

const dataProcessing: ReferenceCriterion = {
  key: 'code.data-processing',
  component: 'Code',
  title: 'Data pre-processing code',
  text: 'The code used to prepare the training data is available under an OSI-approved licence.',
  rule: rule.dataProcessing,
};

const dataSources: ReferenceCriterion = {
  key: 'data-information.sources',
  component: 'Data Information',
  title: 'Listing of public and third-party training data',
  text:
    'Data information lists all publicly available training data and where to get it, and all ' +
    'training data obtainable from third parties, including for a fee, and where to get it.',
  rule: rule.dataSources,
};

const completeTraining: ReferenceCriterion = {
  key: 'code.training',
  component: 'Code',
  title: 'Complete training code',
  text:
    'The complete code used for training, validation and testing, with its arguments and ' +
    'settings, is available under an OSI-approved licence, so that it fully specifies how the ' +
    'system was trained.',
  rule: rule.trainingComplete,
};

const v009: ReferenceVersion = {
  label: '0.0.9',
  status: 'SUPERSEDED',
  parentLabel: null,
  publishedAt: '2024-08-22',
  preamble:
    'Draft 0.0.9. An Open Source AI is made available on terms that grant the freedoms to use, ' +
    'study, modify and share it. The preferred form for making modifications is data ' +
    'information, code and weights.',
  criteria: [
    freedoms,
    {
      key: 'data-information.description',
      component: 'Data Information',
      title: 'Data information in at least one form',
      text:
        'Information about the training data is detailed enough for a skilled person to recreate ' +
        'a substantially equivalent system. The checklist accepts any one of: the datasets, a ' +
        'research paper, a technical report or a data card.',
      rule: rule.anyDataDocument,
    },
    dataProcessing,
    {
      key: 'code.training',
      component: 'Code',
      title: 'Training code',
      text:
        'The code used for training, validation and testing is available under an OSI-approved ' +
        'licence. This draft does not yet require it to be complete.',
      rule: rule.trainingIncomplete,
    },
    inference,
    architecture,
    {
      key: 'parameters.terms',
      component: 'Parameters',
      title: 'Weights under OSI-approved terms',
      text: 'The model weights are made available under OSI-approved terms.',
      rule: rule.parameters,
    },
  ],
};

const vRc1: ReferenceVersion = {
  label: '1.0-RC1',
  status: 'SUPERSEDED',
  parentLabel: '0.0.9',
  // Approximate: the forum thread for RC1 (discuss.opensource.org/t/628) opened early October.
  publishedAt: '2024-10-02',
  preamble:
    'Release candidate 1. An Open Source AI is made available on terms that grant the freedoms ' +
    'to use, study, modify and share it. The preferred form for making modifications is data ' +
    'information, complete code and parameters; copyleft-style terms are acceptable.',
  criteria: [
    freedoms,
    {
      key: 'data-information.description',
      component: 'Data Information',
      title: 'Detailed description of all training data',
      text:
        'Data information gives a detailed description of all data used for training, including ' +
        'unshareable data: provenance, scope and characteristics, how it was obtained and ' +
        'selected, labelling procedures and data cleaning methods.',
      rule: rule.dataDescription,
    },
    dataSources,
    dataProcessing,
    completeTraining,
    inference,
    architecture,
    {
      key: 'parameters.terms',
      component: 'Parameters',
      title: 'Parameters under OSI-approved terms',
      text: 'The model parameters, such as weights, are made available under OSI-approved terms.',
      rule: rule.parameters,
    },
  ],
};

const v10: ReferenceVersion = {
  label: '1.0',
  status: 'RATIFIED',
  parentLabel: '1.0-RC1',
  publishedAt: '2024-10-28',
  preamble:
    'Version 1.0, released at All Things Open. An Open Source AI is made available on terms ' +
    'and in a way that grant the freedoms to use, study, modify and share it. The preferred ' +
    'form for making modifications is data information, complete code and parameters.',
  criteria: [
    freedoms,
    {
      key: 'data-information.description',
      component: 'Data Information',
      title: 'Complete description of all training data',
      text:
        'Data information gives a complete description of all data used for training, including ' +
        'unshareable data: provenance, scope and characteristics, how it was obtained and ' +
        'selected, labelling procedures and data processing and filtering methods.',
      rule: rule.dataDescription,
    },
    dataSources,
    dataProcessing,
    completeTraining,
    inference,
    architecture,
    {
      key: 'parameters.terms',
      component: 'Parameters',
      title: 'Parameters under OSI-approved terms',
      text:
        'The model parameters, such as weights, are made available under OSI-approved terms. No ' +
        'particular legal mechanism is required, but they must be freely available to all.',
      rule: rule.parameters,
    },
  ],
};

export const OSAID: ReferenceDefinition = {
  slug: 'osaid',
  name: 'Open Source AI Definition',
  stewardOrganization: 'Open Source Initiative',
  description:
    'The OSI definition of when an AI system may be called open source: the four freedoms, ' +
    'and the preferred form for making modifications (data information, code, parameters).',
  // OSI has published no amendment procedure (governance sits with its board); these are
  // Redline defaults that a steward can change, not OSI rules.
  policy: { quorum: 0.5, approvalThreshold: 2 / 3, commentPeriodDays: 30, voterRole: 'COMMITTEE' },
  versions: [v009, vRc1, v10],
};
