import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src/common/database/database.js';
import { ENTITIES } from '../src/entities.js';

/**
 * `migration:generate <Name>` writes the migration that brings a fully migrated
 * database in line with the entities; `migration:check` fails when there would be
 * one (CI's drift check). Both run against DATABASE_URL, or an in-memory embedded
 * database when it is unset.
 */
const [command, name] = process.argv.slice(2);
const database = await openDatabase({
  entities: ENTITIES,
  databaseUrl: process.env.DATABASE_URL ?? null,
  dataDir: null,
});
let exitCode = 0;
try {
  const sql = await database.dataSource.driver.createSchemaBuilder().log();
  const up = sql.upQueries.map((q) => q.query);
  const down = sql.downQueries.map((q) => q.query).reverse();
  if (command === 'check') {
    if (up.length > 0) {
      console.error(
        `The entities differ from the migrations; run npm run migration:generate -- <Name>:\n${up.join(';\n')}`,
      );
      exitCode = 1;
    } else {
      console.log('Migrations match the entities.');
    }
  } else if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name)) {
    if (up.length === 0) {
      console.log('Nothing to generate: migrations match the entities.');
    } else {
      const timestamp = Date.now();
      const file = join('migrations', `${timestamp}-${name}.ts`);
      writeFileSync(file, render(`${name}${timestamp}`, up, down));
      console.log(`Wrote ${file}; add it to src/common/database/migrations.ts`);
    }
  } else {
    console.error('Usage: migrations check | migrations generate <PascalCaseName>');
    exitCode = 2;
  }
} finally {
  await database.dataSource.destroy();
  await database.stopEmbedded();
}
process.exit(exitCode);

function render(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}
