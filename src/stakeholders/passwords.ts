import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

// Verified against when the email is unknown, so both failures take as long.
let decoy: Promise<string> | undefined;

/** Checks a password; with no stored hash it still does the work, so timing does not reveal unknown emails. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    decoy ??= hashPassword('redline-decoy-password');
    await argon2.verify(await decoy, password);
    return false;
  }
  return argon2.verify(hash, password);
}
