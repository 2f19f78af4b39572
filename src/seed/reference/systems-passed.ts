import {
  allDataInformation,
  arxiv,
  assessed,
  published,
  released,
  withheld,
} from './system-helpers.js';
import type { ReferenceSystem } from './types.js';

/** The five systems OSI's validation found to meet OSAID 1.0. */

export const PYTHIA: ReferenceSystem = {
  slug: 'pythia',
  name: 'Pythia',
  developer: 'EleutherAI',
  facts: {
    components: {
      modelArchitecture: released('Apache-2.0'), // GPT-NeoX
      modelParameters: released('Apache-2.0'),
      modelParametersIntermediate: released('Apache-2.0'), // 154 checkpoints per model
      trainingCode: released('Apache-2.0', true), // GPT-NeoX with the published configs
      inferenceCode: released('Apache-2.0'),
      dataPreprocessingCode: released('MIT'),
      evaluationCode: released('MIT'), // lm-evaluation-harness
      evaluationData: published,
      // The Pile: still obtainable (pre-tokenised, in training order); its licence status
      // is contested (Books3 was taken down), so none is recorded.
      datasets: published,
      modelCard: published,
      dataCard: published, // the Pile datasheet
      researchPaper: published,
      evaluationResults: published,
    },
    dataInformation: allDataInformation,
    terms: {},
  },
  evidence: [
    { label: 'Pythia repository', url: 'https://github.com/EleutherAI/pythia' },
    { label: 'Model card (6.9B)', url: 'https://huggingface.co/EleutherAI/pythia-6.9b' },
    { label: 'GPT-NeoX', url: 'https://github.com/EleutherAI/gpt-neox' },
    arxiv('2304.01373', 'Pythia paper'),
    arxiv('2101.00027', 'The Pile paper'),
    arxiv('2201.07311', 'The Pile datasheet'),
  ],
  assessed: assessed('PASS', 'every required component is released under open terms.'),
};

export const OLMO: ReferenceSystem = {
  slug: 'olmo',
  name: 'OLMo',
  developer: 'Allen Institute for AI',
  facts: {
    components: {
      modelArchitecture: released('Apache-2.0'),
      modelParameters: released('Apache-2.0'),
      modelParametersIntermediate: released('Apache-2.0'),
      trainingCode: released('Apache-2.0', true),
      inferenceCode: released('Apache-2.0'),
      dataPreprocessingCode: released('Apache-2.0'), // Dolma toolkit
      evaluationCode: released('Apache-2.0'),
      evaluationData: published, // Paloma: click-through access, no licence tag
      datasets: released('ODC-By-1.0'), // Dolma
      modelCard: published,
      dataCard: published, // Dolma datasheet
      researchPaper: published,
      evaluationResults: published,
    },
    dataInformation: allDataInformation,
    terms: {},
  },
  evidence: [
    { label: 'Model card (7B)', url: 'https://huggingface.co/allenai/OLMo-7B' },
    { label: 'OLMo repository', url: 'https://github.com/allenai/OLMo' },
    { label: 'Dolma toolkit', url: 'https://github.com/allenai/dolma' },
    { label: 'Dolma dataset', url: 'https://huggingface.co/datasets/allenai/dolma' },
    arxiv('2402.00838', 'OLMo paper'),
    arxiv('2402.00159', 'Dolma paper'),
  ],
  assessed: assessed('PASS', 'every required component is released under open terms.'),
};

// Amber and CrystalCoder were released the same way (the LLM360 recipe).
const llm360 = (): ReferenceSystem['facts'] => ({
  components: {
    modelArchitecture: released('Apache-2.0'),
    modelParameters: released('Apache-2.0'),
    modelParametersIntermediate: released('Apache-2.0'), // 360 (Amber) / 143 checkpoints
    trainingCode: released('Apache-2.0', true), // <model>-train
    inferenceCode: released('Apache-2.0'),
    dataPreprocessingCode: released('Apache-2.0'), // <model>-data-prep
    evaluationCode: released('Apache-2.0'), // Analysis360
    evaluationData: published,
    // The dataset repository's licence tag is odc-by (Amber's card text also says Apache 2.0).
    datasets: released('ODC-By-1.0'),
    modelCard: published,
    dataCard: published,
    researchPaper: published, // LLM360 paper covers both models
    evaluationResults: published,
  },
  dataInformation: allDataInformation,
  terms: {},
});

export const AMBER: ReferenceSystem = {
  slug: 'amber',
  name: 'Amber',
  developer: 'LLM360',
  facts: llm360(),
  evidence: [
    { label: 'Model card', url: 'https://huggingface.co/LLM360/Amber' },
    { label: 'Training code', url: 'https://github.com/LLM360/amber-train' },
    { label: 'Data preparation code', url: 'https://github.com/LLM360/amber-data-prep' },
    { label: 'Training data', url: 'https://huggingface.co/datasets/LLM360/AmberDatasets' },
    arxiv('2312.06550', 'LLM360 paper'),
  ],
  assessed: assessed('PASS', 'every required component is released under open terms.'),
};

export const CRYSTALCODER: ReferenceSystem = {
  slug: 'crystalcoder',
  name: 'CrystalCoder',
  developer: 'LLM360',
  facts: llm360(),
  evidence: [
    { label: 'Model card', url: 'https://huggingface.co/LLM360/CrystalCoder' },
    { label: 'Training code', url: 'https://github.com/LLM360/crystalcoder-train' },
    { label: 'Data preparation code', url: 'https://github.com/LLM360/crystalcoder-data-prep' },
    {
      label: 'Training data',
      url: 'https://huggingface.co/datasets/LLM360/CrystalCoderDatasets',
    },
    arxiv('2312.06550', 'LLM360 paper'),
  ],
  assessed: assessed('PASS', 'every required component is released under open terms.'),
};

export const T5: ReferenceSystem = {
  slug: 't5',
  name: 'T5',
  developer: 'Google',
  facts: {
    components: {
      modelArchitecture: released('Apache-2.0'),
      modelParameters: released('Apache-2.0'),
      modelParametersIntermediate: withheld, // only the final pre-trained checkpoints
      trainingCode: released('Apache-2.0', true),
      inferenceCode: released('Apache-2.0'),
      dataPreprocessingCode: released('Apache-2.0'), // the C4 builder in TensorFlow Datasets
      evaluationCode: released('Apache-2.0'),
      evaluationData: published, // GLUE, SuperGLUE, SQuAD, WMT …: mixed terms
      // Google publishes the script; the processed C4 is hosted by AI2 under ODC-By.
      datasets: released('ODC-By-1.0'),
      modelCard: published,
      dataCard: published,
      researchPaper: published,
      evaluationResults: published,
    },
    dataInformation: allDataInformation, // Common Crawl (April 2019) and the filters, in code
    terms: {},
  },
  evidence: [
    {
      label: 'T5 repository',
      url: 'https://github.com/google-research/text-to-text-transfer-transformer',
    },
    { label: 'Model card (base)', url: 'https://huggingface.co/google-t5/t5-base' },
    { label: 'C4 in TensorFlow Datasets', url: 'https://www.tensorflow.org/datasets/catalog/c4' },
    { label: 'C4 (processed, AI2)', url: 'https://huggingface.co/datasets/allenai/c4' },
    arxiv('1910.10683', 'T5 paper'),
  ],
  assessed: assessed('PASS', 'every required component is released under open terms.'),
};
