import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'redline-config-'));

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database and a development secret kept in DATA_DIR', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: dir,
      nodeEnv: 'development',
      steward: null,
    });
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /JWT_SECRET is required when NODE_ENV=production/,
    );
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        STEWARD_EMAIL: 'a@b.c',
        DATA_DIR: dataDir(),
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT must be an integer/);
      expect(message).toMatch(/DATABASE_URL must be a postgres/);
      expect(message).toMatch(/STEWARD_EMAIL and STEWARD_PASSWORD must be set together/);
    }
  });

  it('takes the steward account from STEWARD_EMAIL and STEWARD_PASSWORD', () => {
    const config = loadConfig({
      STEWARD_EMAIL: 'osi@example.org',
      STEWARD_PASSWORD: 'long-enough-pw',
      DATA_DIR: dataDir(),
    });
    expect(config.steward).toEqual({ email: 'osi@example.org', password: 'long-enough-pw' });
  });
});
