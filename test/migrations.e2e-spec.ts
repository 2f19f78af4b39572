/**
 * Servers started together on an empty database (replicas after a deploy) migrate one
 * after the other: every one of them opens, and each migration is applied once.
 */
import { openDatabase } from '../src/common/database/database.js';
import { MIGRATIONS } from '../src/common/database/migrations.js';
import { createScratchDatabase, type ScratchDatabase } from './support/scratch-database.js';
import { ENTITIES } from '../src/entities.js';

const onServer = process.env.DATABASE_URL ? describe : describe.skip;

onServer('migrations on one database from several servers at once (needs DATABASE_URL)', () => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'redline_migrations');
  });

  afterAll(async () => {
    await scratch?.drop();
  });

  it('lets four servers open an empty database at the same moment', async () => {
    const opened = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        openDatabase({
          entities: ENTITIES,
          databaseUrl: scratch.url,
          dataDir: null,
          poolSize: 2,
        }),
      ),
    );
    for (const result of opened) {
      if (result.status === 'fulfilled') await result.value.dataSource.destroy();
    }
    expect(opened.map((result) => result.status)).toEqual(Array(4).fill('fulfilled'));
    const applied = await scratch.sql<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
