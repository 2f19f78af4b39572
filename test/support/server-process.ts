import { spawn, type ChildProcess } from 'node:child_process';
import { gql } from '../../testkit/graphql-client.js';
import { freePort, sleep, within } from '../../testkit/processes.js';

export interface ServerProcess {
  pid: number;
  url: string;
  /** Resolves once the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  gone(): boolean;
  /** The last lines it printed, for a failure message. */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Spawns `node <main>` (a build's `src/main.js`) with `env` on a free port, without
 * waiting for it.
 */
export async function launch(main: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // The child gets the environment it is given, not the test runner's (no
  // DATABASE_URL leaking in, no Jest VM-modules flag).
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Workloads sign up many accounts from one address.
      SIGN_UPS_PER_ADDRESS: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 60));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let gone = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      gone = true;
      done({ code, signal });
    }),
  );
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}/graphql`,
    exited,
    gone: () => gone,
    output: () => lines.join('\n'),
    kill: (signal) => void child.kill(signal),
  };
}

/**
 * Launches the server and resolves once it answers a GraphQL query; fails (and
 * kills it) after `readyMs` or as soon as it exits.
 */
export async function startServer(
  main: string,
  env: Record<string, string>,
  readyMs: number,
): Promise<ServerProcess> {
  const server = await launch(main, env);
  const deadline = Date.now() + readyMs;
  while (Date.now() < deadline && !server.gone()) {
    if (await answers(server.url)) return server;
    await sleep(100);
  }
  const gone = server.gone();
  server.kill('SIGKILL');
  await within(server.exited, 10_000, 'a server that never became ready to exit');
  throw new Error(
    `The server ${gone ? 'exited' : `did not answer within ${readyMs} ms`}:\n${server.output()}`,
  );
}

/** Stops it with `signal` and waits (bounded) for it to exit. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals, ms = 15_000) {
  server.kill(signal);
  return within(server.exited, ms, `the server to exit after ${signal}`);
}

/** Whether it serves GraphQL yet: the reference definitions are listed. */
async function answers(url: string): Promise<boolean> {
  try {
    const { data } = await gql(url, '{ definitions { slug } }', {}, undefined, { timeoutMs: 2000 });
    return (data?.definitions?.length ?? 0) > 0;
  } catch {
    return false;
  }
}
