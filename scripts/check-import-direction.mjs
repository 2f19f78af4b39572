// CI: proves the import-direction lint rules (eslint.config.js) still bite. It plants a
// wrong-way import in common, in the criteria engine, in a feature, in a unit spec, in
// testkit/ and in bench/, lints them, and fails unless each is refused; the planted files
// are removed whatever happens.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLANTED = {
  'src/common/planted-wrong-way.ts': `import { AmendmentEntity } from '../../amendments/amendment.entity.js';\nexport const planted = AmendmentEntity;\n`,
  'src/criteria/engine/planted-wrong-way.ts': `import { Injectable } from '@nestjs/common';\nimport { LicenseTable } from '../license-table.js';\nexport const planted = [Injectable, LicenseTable];\n`,
  'src/definitions/planted-wrong-way.ts': `import { ImpactService } from '../impact/impact.service.js';\nexport const planted = ImpactService;\n`,
  'src/impact/planted-wrong-way.spec.ts': `import { record } from '../../bench/results.js';\nexport const planted = record;\n`,
  'testkit/planted-wrong-way.ts': `import { startTestApp } from '../test/support/test-app.js';\nexport const planted = startTestApp;\n`,
  'bench/planted-wrong-way.ts': `import { startTestApp } from '../test/support/test-app.js';\nexport const planted = startTestApp;\n`,
};
/** The refusals each planted file must get. */
const EXPECTED = {
  'src/common': 1,
  'src/criteria/engine': 2,
  'src/definitions': 1,
  'src/impact': 1,
  testkit: 1,
  bench: 1,
};
/** The feature-direction rule, and the test code's (a rule of its own, so both apply). */
const RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports']);

let failed = false;
try {
  for (const [file, text] of Object.entries(PLANTED)) writeFileSync(join(root, file), text);
  const results = await new ESLint({ cwd: root }).lintFiles(Object.keys(PLANTED));
  for (const result of results) {
    const refusals = result.messages.filter((m) => RULES.has(m.ruleId)).length;
    const folder = dirname(result.filePath.slice(root.length + 1));
    const ok = refusals === EXPECTED[folder];
    failed ||= !ok;
    console.log(
      `${ok ? 'refused' : 'NOT REFUSED'}: ${folder} (${refusals} of ${EXPECTED[folder]})`,
    );
  }
} finally {
  for (const file of Object.keys(PLANTED)) rmSync(join(root, file), { force: true });
}
if (failed) {
  console.error('The import-direction rule let a wrong-way import through.');
  process.exit(1);
}
