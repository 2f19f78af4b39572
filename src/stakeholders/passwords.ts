import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default variant) with OWASP's recommended cost:
 * 19 MiB of memory, two passes, one lane. `@node-rs/argon2` ships its native
 * binary as a platform package, so installing it compiles nothing.
 */
export const hashPassword = (password: string): Promise<string> =>
  hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });

// Verified against when the email is unknown, so both failures take as long.
let decoy: Promise<string> | undefined;

/** Checks a password; with no stored hash it still does the work, so timing does not reveal unknown emails. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoy ??= hashPassword('redline-decoy-password');
    await verify(await decoy, password);
    return false;
  }
  return verify(stored, password);
}
