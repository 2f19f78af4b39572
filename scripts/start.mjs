// `npm start`: builds only when a source is newer than the build, then runs the server
// in this very process, so the signal a supervisor sends to `npm start`'s child reaches
// the server itself. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist/src/main.js');
/** What the build compiles, and what changes how it compiles. */
const SOURCES = ['src', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time under `path`, in ms; 0 when it does not exist. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its directory
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

// tsc rewrites every output on each build, so main.js is as old as the build.
const built = newest(main);
const sources = Math.max(...SOURCES.map((source) => newest(join(root, source))));
if (built < sources) {
  console.log(built === 0 ? 'Building…' : 'Sources changed since the last build; building…');
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(main).href);
