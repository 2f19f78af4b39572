import {
  arxiv,
  assessed,
  noDataInformation,
  published,
  released,
  withheld,
} from './system-helpers.js';
import type { ReferenceSystem } from './types.js';

/** The four systems OSI's validation found not to meet OSAID 1.0. */

export const LLAMA_2: ReferenceSystem = {
  slug: 'llama-2',
  name: 'Llama 2',
  developer: 'Meta',
  facts: {
    components: {
      modelArchitecture: released('LicenseRef-Llama-2-Community'),
      modelParameters: released('LicenseRef-Llama-2-Community'),
      modelParametersIntermediate: withheld,
      trainingCode: withheld,
      inferenceCode: released('LicenseRef-Llama-2-Community'),
      dataPreprocessingCode: withheld,
      datasets: withheld,
      modelCard: published,
      dataCard: withheld,
      researchPaper: published,
      evaluationResults: published,
    },
    // The paper says only "publicly available sources", without listing them.
    dataInformation: noDataInformation,
    terms: {
      // Licensees above 700 M monthly active users need Meta's permission.
      maxMonthlyActiveUsers: 700000000,
      fieldOfUseRestrictions: [
        'no use to improve other LLMs',
        'acceptable use policy: nothing that violates the law or the rights of others',
        'acceptable use policy: no military, warfare, nuclear or espionage use',
        'acceptable use policy: no use risking death or bodily harm (weapons, drugs, critical infrastructure)',
        'acceptable use policy: no deceiving or misleading (fraud, disinformation, impersonation)',
        'acceptable use policy: dangers of the AI system must be disclosed to end users',
      ],
    },
  },
  evidence: [
    { label: 'Model card (7B)', url: 'https://huggingface.co/meta-llama/Llama-2-7b' },
    { label: 'Llama repository', url: 'https://github.com/meta-llama/llama' },
    { label: 'Licence', url: 'https://github.com/meta-llama/llama/blob/main/LICENSE' },
    {
      label: 'Acceptable use policy',
      url: 'https://github.com/meta-llama/llama/blob/main/USE_POLICY.md',
    },
    arxiv('2307.09288', 'Llama 2 paper'),
  ],
  assessed: assessed(
    'FAIL',
    'the licence caps users and restricts fields of use; no training or data-processing code; ' +
      'training data neither listed nor described.',
  ),
};

export const GROK_1: ReferenceSystem = {
  slug: 'grok-1',
  name: 'Grok-1',
  developer: 'xAI',
  facts: {
    components: {
      modelArchitecture: released('Apache-2.0'), // JAX example code
      modelParameters: released('Apache-2.0'),
      modelParametersIntermediate: withheld,
      trainingCode: withheld,
      inferenceCode: released('Apache-2.0'),
      dataPreprocessingCode: withheld,
      datasets: withheld,
      modelCard: published,
      dataCard: withheld,
      technicalReport: withheld,
      researchPaper: withheld,
      evaluationResults: published,
    },
    dataInformation: noDataInformation,
    terms: {},
  },
  evidence: [
    { label: 'Grok-1 repository', url: 'https://github.com/xai-org/grok-1' },
    { label: 'Weights', url: 'https://huggingface.co/xai-org/grok-1' },
  ],
  assessed: assessed(
    'FAIL',
    'open weights and inference code, but no training or data-processing code and no data ' +
      'information.',
  ),
};

export const PHI_2: ReferenceSystem = {
  slug: 'phi-2',
  name: 'Phi-2',
  developer: 'Microsoft',
  facts: {
    components: {
      modelArchitecture: released('MIT'), // modelling code in the model repository
      modelParameters: released('MIT'), // relicensed to MIT in January 2024
      modelParametersIntermediate: withheld,
      trainingCode: withheld,
      inferenceCode: released('MIT'),
      dataPreprocessingCode: withheld,
      datasets: withheld,
      modelCard: published,
      dataCard: withheld,
      technicalReport: withheld, // a blog post only; the phi-1.5 report predates it
      researchPaper: withheld,
      evaluationResults: published,
    },
    dataInformation: {
      // Synthetic data generated with GPT-3.5 plus filtered web data, summarised in the card.
      describesAllData: false,
      unshareableDataDescribed: false,
      // Names its web sources, but not the filtered subset that was used.
      publicDataListed: false,
      // thirdPartyDataListed: unknown.
    },
    terms: {},
  },
  evidence: [
    { label: 'Model card', url: 'https://huggingface.co/microsoft/phi-2' },
    {
      label: 'Announcement',
      url: 'https://www.microsoft.com/en-us/research/blog/phi-2-the-surprising-power-of-small-language-models/',
    },
  ],
  assessed: assessed(
    'FAIL',
    'open weights, but no training or data-processing code, and the training data is neither ' +
      'released nor completely described.',
  ),
};

export const MIXTRAL_8X7B: ReferenceSystem = {
  slug: 'mixtral-8x7b',
  name: 'Mixtral 8x7B',
  developer: 'Mistral AI',
  facts: {
    components: {
      modelArchitecture: released('Apache-2.0'),
      modelParameters: released('Apache-2.0'),
      modelParametersIntermediate: withheld,
      trainingCode: withheld,
      inferenceCode: released('Apache-2.0'),
      dataPreprocessingCode: withheld,
      datasets: withheld,
      modelCard: published,
      dataCard: withheld,
      researchPaper: published,
      evaluationResults: published,
    },
    // The paper says only "data extracted from the open web".
    dataInformation: noDataInformation,
    terms: {},
  },
  evidence: [
    { label: 'Model card', url: 'https://huggingface.co/mistralai/Mixtral-8x7B-v0.1' },
    { label: 'Inference code', url: 'https://github.com/mistralai/mistral-inference' },
    { label: 'Announcement', url: 'https://mistral.ai/news/mixtral-of-experts/' },
    arxiv('2401.04088', 'Mixtral paper'),
  ],
  assessed: assessed(
    'FAIL',
    'open weights and inference code, but no training or data-processing code and no data ' +
      'information.',
  ),
};
