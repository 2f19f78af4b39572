import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything Redline reads from the environment, validated once at start-up. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** A PostgreSQL server; when absent Redline runs on the embedded database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  /** Lifetime of a sign-in token, in seconds. */
  tokenTtlSeconds: number;
  steward: { email: string; password: string } | null;
  /** The in-browser IDE; on by default outside production. */
  graphiql: boolean;
  /** Load the reference definitions and systems when the database has none. */
  seedOnStart: boolean;
  /** How often voting deadlines are checked, in milliseconds. */
  deadlineSweepMs: number;
  /**
   * From how many systems amendment impact is computed in PostgreSQL rather than in
   * memory (docs/performance.md has the measurements behind the default).
   */
  impactSqlThreshold: number;
  /** Accounts one client address may create per hour. */
  signUpsPerAddress: number;
  /**
   * Fastify's `trustProxy`: behind a load balancer, take the client's address from
   * X-Forwarded-For (the per-address limits count clients, not the proxy). `true` (any
   * hop), or a comma-separated list of the proxies' addresses or CIDRs; off by default.
   */
  trustProxy: boolean | string[];
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Accounts one client address may create per hour, by default. */
export const SIGN_UPS_PER_ADDRESS = 10;

/** The default of `impactSqlThreshold`. */
export const IMPACT_SQL_THRESHOLD = 1_000;

const NODE_ENVS = ['development', 'production', 'test'] as const;

/**
 * Reads and validates the configuration. Collects every problem before failing so
 * that one start-up attempt tells the operator everything that is wrong.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!NODE_ENVS.includes(nodeEnv)) {
    problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (got "${env.NODE_ENV}")`);
  }

  const port = parseInteger(env.PORT, 3000, 'PORT', problems, 0, 65535);
  const deadlineSweepMs = parseInteger(
    env.DEADLINE_SWEEP_MS,
    5000,
    'DEADLINE_SWEEP_MS',
    problems,
    50,
  );
  const impactSqlThreshold = parseInteger(
    env.IMPACT_SQL_THRESHOLD,
    IMPACT_SQL_THRESHOLD,
    'IMPACT_SQL_THRESHOLD',
    problems,
    0,
  );
  const signUpsPerAddress = parseInteger(
    env.SIGN_UPS_PER_ADDRESS,
    SIGN_UPS_PER_ADDRESS,
    'SIGN_UPS_PER_ADDRESS',
    problems,
    1,
  );
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const tokenTtlSeconds = parseInteger(
    env.TOKEN_TTL_SECONDS,
    86400,
    'TOKEN_TTL_SECONDS',
    problems,
    60,
  );

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const dataDir = resolve(env.DATA_DIR?.trim() || './.data');

  const stewardEmail = env.STEWARD_EMAIL?.trim();
  const stewardPassword = env.STEWARD_PASSWORD;
  if (Boolean(stewardEmail) !== Boolean(stewardPassword)) {
    problems.push('STEWARD_EMAIL and STEWARD_PASSWORD must be set together');
  }
  if (stewardPassword !== undefined && stewardPassword.length > 0 && stewardPassword.length < 12) {
    problems.push('STEWARD_PASSWORD must be at least 12 characters');
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  } else if (!jwtSecret && nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  if (!jwtSecret) jwtSecret = developmentSecret(dataDir);

  return {
    nodeEnv,
    port,
    databaseUrl,
    dataDir,
    jwtSecret,
    tokenTtlSeconds,
    steward:
      stewardEmail && stewardPassword ? { email: stewardEmail, password: stewardPassword } : null,
    graphiql: env.GRAPHIQL ? env.GRAPHIQL === 'true' : nodeEnv !== 'production',
    seedOnStart: env.SEED_ON_START ? env.SEED_ON_START === 'true' : true,
    deadlineSweepMs,
    impactSqlThreshold,
    signUpsPerAddress,
    trustProxy,
  };
}

function parseTrustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Outside production a signing secret is generated once and kept beside the
 * embedded database, so tokens survive restarts without any set-up.
 */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function parseInteger(
  raw: string | undefined,
  fallback: number,
  name: string,
  problems: string[],
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}
