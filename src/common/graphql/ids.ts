import { createHash } from 'node:crypto';

/**
 * Redline's namespace for name-based ids: fixed for good, since every derived id
 * depends on it.
 */
const REDLINE_NAMESPACE = 'b43f94dd-ee96-4bf1-a62d-61cb5f8f8d6b';

/** A name-based UUID (RFC 9562, version 5: SHA-1) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of an object that has no row UUID of its own, derived from what identifies
 * it: shaped like every other id (a UUID), the same on every node and every request,
 * and distinct from other kinds of object (see docs/decisions.md).
 */
export const derivedId = (kind: string, ...parts: string[]): string =>
  uuidV5(REDLINE_NAMESPACE, [kind, ...parts].join('\u0000'));
