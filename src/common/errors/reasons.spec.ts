import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The reasons the code can give: helper calls, `reason:` extensions, the constraint table and its fallbacks. */
function reasonsInCode(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\b(?:badInput|notFound|conflict|forbidden|unauthenticated)\(\s*'([A-Z][A-Z0-9_]+)'/g,
    /\breason: '([A-Z][A-Z0-9_]+)'/g,
    /^\s+[a-z_]+: \[\s*'([A-Z][A-Z0-9_]+)',/gm,
    /\btooMany\(\w+, '([A-Z][A-Z0-9_]+)'\)/g,
    /\|\| '([A-Z][A-Z0-9_]+)',/g,
    /\bbyConstraint\('[A-Z_]+', \w+, '([A-Z][A-Z0-9_]+)'/g,
  ];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        for (const reason of match.slice(1)) if (reason) found.add(reason);
      }
    }
  }
  return found;
}

/** The reasons docs/errors.md lists: the first column of its tables. */
function reasonsInDocs(): Set<string> {
  const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  return new Set([...text.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((match) => match[1]));
}

describe('Refusal reasons', () => {
  it('lists in docs/errors.md every reason the code gives, and gives every reason it lists', () => {
    const code = reasonsInCode();
    const docs = reasonsInDocs();
    expect(code.size).toBeGreaterThan(40);
    expect([...code].filter((reason) => !docs.has(reason)).sort()).toEqual([]);
    expect([...docs].filter((reason) => !code.has(reason)).sort()).toEqual([]);
  });
});
