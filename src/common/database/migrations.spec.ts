import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './migrations.js';

describe('MIGRATIONS', () => {
  it('lists every file in migrations/, in timestamp order', () => {
    const files = readdirSync('migrations')
      .filter((file) => file.endsWith('.ts'))
      .sort();
    const names = files.map((file) => {
      const [timestamp, name] = file.replace(/\.ts$/, '').split('-');
      return `${name}${timestamp}`;
    });
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(names);
  });
});
