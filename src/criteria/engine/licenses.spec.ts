import { createRequire } from 'node:module';
import {
  LICENSE_LIST_VERSION,
  OPEN_DATA_LICENSES,
  isSpdxExpression,
  openDataLicense,
  osiApproved,
} from './licenses.js';

describe('osiApproved', () => {
  it.each([
    ['Apache-2.0', true],
    ['MIT', true],
    ['GPL-2.0-or-later', true],
    ['Apache-2.0+', true],
    ['MIT OR LicenseRef-x', true],
    ['LicenseRef-x OR MIT', true],
    ['MIT AND Apache-2.0', true],
    ['(MIT AND (LicenseRef-x OR BSD-3-Clause))', true],
    ['MIT AND LicenseRef-x', false],
    ['GPL-2.0-only WITH Classpath-exception-2.0', false],
    ['LicenseRef-Llama-2-Community', false],
    ['CC-BY-4.0', false],
    ['DocumentRef-spdx:LicenseRef-MIT', false],
    ['garbage', false],
    ['mit', false],
    ['MIT AND', false],
    ['', false],
  ])('says %j is %s', (expression, approved) => {
    expect(osiApproved(expression)).toBe(approved);
  });

  it('gives the same verdict when asked again', () => {
    expect([osiApproved('MIT OR LicenseRef-y'), osiApproved('MIT OR LicenseRef-y')]).toEqual([
      true,
      true,
    ]);
  });
});

describe('openDataLicense', () => {
  it.each([
    ['CC0-1.0', true],
    ['CC-BY-4.0', true],
    ['CC-BY-SA-3.0', true],
    ['CDLA-Permissive-2.0', true],
    ['ODC-By-1.0', true],
    ['ODbL-1.0', true],
    ['OpenMDW-1.0', true],
    ['LicenseRef-OpenMDW-1.0', true],
    ['CC-BY-NC-4.0', false],
    ['CC-BY-ND-4.0', false],
    ['ODC-By-1.0 AND CC-BY-NC-4.0', false],
    ['ODC-By-1.0 OR CC-BY-NC-4.0', true],
    ['Apache-2.0', false],
    ['not an expression', false],
  ])('says %j is %s', (expression, open) => {
    expect(openDataLicense(expression)).toBe(open);
  });

  it('lists only ids that parse as SPDX expressions', () => {
    expect([...OPEN_DATA_LICENSES].filter((id) => !isSpdxExpression(id))).toEqual([]);
  });
});

describe('LICENSE_LIST_VERSION', () => {
  it('is the version of the installed spdx-license-list', () => {
    const pkg = createRequire(import.meta.url)('spdx-license-list/package.json') as {
      version: string;
    };
    expect(LICENSE_LIST_VERSION).toBe(pkg.version);
    expect(LICENSE_LIST_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
