import type { ComponentFacts, DataInformationFacts, ReferenceSystem } from './types.js';

/** Small builders shared by the reference systems' facts. */

export const released = (license: string, complete?: boolean): ComponentFacts =>
  complete === undefined ? { available: true, license } : { available: true, license, complete };
export const published: ComponentFacts = Object.freeze({ available: true });
export const withheld: ComponentFacts = Object.freeze({ available: false });

export const allDataInformation: DataInformationFacts = Object.freeze({
  describesAllData: true,
  publicDataListed: true,
  thirdPartyDataListed: true,
  unshareableDataDescribed: true,
});
export const noDataInformation: DataInformationFacts = Object.freeze({
  describesAllData: false,
  publicDataListed: false,
  thirdPartyDataListed: false,
  unshareableDataDescribed: false,
});

export const assessed = (
  outcome: 'PASS' | 'FAIL',
  inferred: string,
): ReferenceSystem['assessed'] => ({
  definition: 'osaid',
  version: '1.0',
  outcome,
  assessedBy: 'Open Source Initiative',
  assessedAt: '2024-10-28',
  notes:
    'OSI published group-level outcomes of its validation phase only, and says they are not ' +
    `certifications (discuss.opensource.org/t/368). Redline's inference of why: ${inferred}`,
});

export const arxiv = (id: string, label: string) => ({ label, url: `https://arxiv.org/abs/${id}` });
