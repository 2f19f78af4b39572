/**
 * Licence host functions for criteria: `osiApproved(expr)` and `openDataLicense(expr)`.
 *
 * Expressions are parsed with spdx-expression-parse and walked: OR = any side, AND = all
 * sides. Anything the walk cannot vouch for (a `WITH` exception, a `LicenseRef-…` not listed
 * below, an unparsable string) is "not approved"; the functions never throw, because a rule
 * that throws on odd facts would turn a clear FAIL into an error.
 */
import { createRequire } from 'node:module';
import parseSpdx from 'spdx-expression-parse';
import spdxLicenseList from 'spdx-license-list';

/**
 * The spdx-license-list version the OSI verdicts come from. A list update can change
 * verdicts, so computed verdicts should record it.
 */
export const LICENSE_LIST_VERSION: string = (
  createRequire(import.meta.url)('spdx-license-list/package.json') as { version: string }
).version;

/**
 * Open-data licences, as the Model Openness Framework tools count them: public-domain
 * dedications, attribution and share-alike licences for data (international/unported
 * Creative Commons versions only, no NC/ND variants), and OpenMDW for model materials,
 * which SPDX lists as `OpenMDW-1.0` and older records spell `LicenseRef-OpenMDW-1.0`.
 * Kept explicit so a change to what counts as open is a reviewed diff, not a regex.
 */
export const OPEN_DATA_LICENSES: ReadonlySet<string> = new Set([
  'CC0-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC-BY-SA-1.0',
  'CC-BY-SA-2.0',
  'CC-BY-SA-2.5',
  'CC-BY-SA-3.0',
  'CC-BY-SA-4.0',
  'CDLA-Permissive-1.0',
  'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0',
  'ODC-By-1.0',
  'ODbL-1.0',
  'PDDL-1.0',
  'OpenMDW-1.0',
  'LicenseRef-OpenMDW-1.0',
]);

type SpdxNode = parseSpdx.Info;

/** Verdicts are memoized per expression; the cap keeps hostile input from growing them forever. */
const MEMO_LIMIT = 10_000;

const parsed = new Map<string, SpdxNode | null>();

function parse(expression: string): SpdxNode | null {
  let node = parsed.get(expression);
  if (node === undefined) {
    try {
      node = parseSpdx(expression);
    } catch {
      node = null;
    }
    if (parsed.size >= MEMO_LIMIT) parsed.clear();
    parsed.set(expression, node);
  }
  return node;
}

function satisfies(node: SpdxNode, accepts: (id: string) => boolean): boolean {
  if ('conjunction' in node) {
    return node.conjunction === 'or'
      ? satisfies(node.left, accepts) || satisfies(node.right, accepts)
      : satisfies(node.left, accepts) && satisfies(node.right, accepts);
  }
  // An exception changes the licence's terms; treat it as not approved unless a policy says otherwise.
  // `plus` ("or later") keeps the named version available, so it counts as that version.
  return node.exception === undefined && accepts(node.license);
}

function memoized(accepts: (id: string) => boolean): (expression: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (expression) => {
    let verdict = verdicts.get(expression);
    if (verdict === undefined) {
      const node = parse(expression);
      verdict = node !== null && satisfies(node, accepts);
      if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
      verdicts.set(expression, verdict);
    }
    return verdict;
  };
}

/** True when the SPDX expression is OSI-approved per spdx-license-list. */
export const osiApproved: (spdxExpression: string) => boolean = memoized(
  (id) => Object.hasOwn(spdxLicenseList, id) && spdxLicenseList[id].osiApproved,
);

/** True when the SPDX expression is an open-data licence per {@link OPEN_DATA_LICENSES}. */
export const openDataLicense: (spdxExpression: string) => boolean = memoized((id) =>
  OPEN_DATA_LICENSES.has(id),
);

/** True when the string parses as an SPDX expression (known ids or `LicenseRef-…`). */
export function isSpdxExpression(expression: string): boolean {
  return parse(expression) !== null;
}
