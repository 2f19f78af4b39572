import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';
import { AppError } from '../common/errors/app-error.js';

/** Length of a sign-in counting window, in seconds: it starts at the first counted attempt. */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/**
 * Failed attempts on one account from one client address per window; the next from that
 * address is refused before any password check. Counted per address so that someone
 * elsewhere guessing cannot lock the owner (a steward included) out of their account.
 */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts from one client address per window, whichever emails they name. */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Length of a sign-up counting window, in seconds. */
export const SIGN_UP_WINDOW_SECONDS = 60 * 60;

/** Expired rows deleted per failed attempt, so the table holds about one window of keys. */
const PRUNE_BATCH = 100;

/** The keys an admitted attempt is counted under. */
export interface Admission {
  account: string;
  address: string;
}

interface Counted {
  count: number;
  retry_after: number;
}

// Seconds until the window ($2 seconds) of the row at hand ends; PostgreSQL's clock, so nodes agree.
const RETRY_AFTER = `GREATEST(1, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now())))::int AS retry_after`;

/**
 * Rate limits on accounts shared by every node, in the `sign_in_attempts` table.
 *
 * Sign-in: an attempt is counted against its account and address when it is admitted,
 * not after the password check, so a burst of parallel guesses cannot all slip past the
 * limit; a successful sign-in then clears that count. The address also counts its
 * failures on any account, so many people signing in at once from one address (an
 * office, a test suite) are never refused while one guesser is. Unknown and known emails
 * are counted and refused alike, before the database is asked whether the account exists.
 *
 * Sign-up: each attempt counts against its address, so neither a script nor fifty
 * aliases in one request can create accounts by the thousand.
 */
@Injectable()
export class AccountThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the attempt, or refuses it with TOO_MANY_REQUESTS and `retryAfterSeconds`. */
  async admitSignIn(email: string, address: string): Promise<Admission> {
    const keys = {
      account: keyOf('account', JSON.stringify([email, address])),
      address: keyOf('address', address),
    };
    // The address first: an address over its limit must not lock accounts out as well.
    const [byAddress] = await this.dataSource.query<Counted[]>(
      `SELECT count, ${RETRY_AFTER} FROM sign_in_attempts
        WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
      [keys.address, SIGN_IN_WINDOW_SECONDS],
    );
    if (byAddress && byAddress.count >= MAX_FAILURES_PER_ADDRESS)
      throw tooMany(byAddress, 'TOO_MANY_SIGN_INS');
    const byAccount = await this.count(keys.account, SIGN_IN_WINDOW_SECONDS);
    if (byAccount.count > MAX_FAILURES_PER_ACCOUNT) throw tooMany(byAccount, 'TOO_MANY_SIGN_INS');
    return keys;
  }

  /** Counts a sign-up from `address`, or refuses it with TOO_MANY_REQUESTS. */
  async admitSignUp(address: string): Promise<void> {
    const counted = await this.count(keyOf('sign-up', address), SIGN_UP_WINDOW_SECONDS);
    if (counted.count > this.config.signUpsPerAddress) throw tooMany(counted, 'TOO_MANY_SIGN_UPS');
  }

  /** A wrong email or password: counts against the address and prunes expired windows. */
  async failedSignIn(admission: Admission): Promise<void> {
    await this.count(admission.address, SIGN_IN_WINDOW_SECONDS);
    // SKIP LOCKED: nodes pruning at once neither wait for nor deadlock with each other.
    await this.dataSource.query(
      `DELETE FROM sign_in_attempts WHERE key IN (
         SELECT key FROM sign_in_attempts WHERE window_start <= now() - make_interval(secs => $1)
          LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`,
      [Math.max(SIGN_IN_WINDOW_SECONDS, SIGN_UP_WINDOW_SECONDS)],
    );
  }

  /** The right password: the account starts afresh from that address. */
  async succeededSignIn(admission: Admission): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_attempts WHERE key = $1`, [admission.account]);
  }

  /** One more attempt under `key`, atomically; an expired window starts over at 1. */
  private async count(key: string, windowSeconds: number): Promise<Counted> {
    const [counted] = await this.dataSource.query<Counted[]>(
      `INSERT INTO sign_in_attempts AS a (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN a.window_start > now() - make_interval(secs => $2)
                      THEN a.count + 1 ELSE 1 END,
         window_start = CASE WHEN a.window_start > now() - make_interval(secs => $2)
                             THEN a.window_start ELSE now() END
       RETURNING count, ${RETRY_AFTER}`,
      [key, windowSeconds],
    );
    return counted;
  }
}

/** Fixed-size keys whatever the client sends; kinds prefixed so an email never meets an address. */
export const keyOf = (kind: 'account' | 'address' | 'sign-up', value: string): string =>
  createHash('sha256').update(`${kind}:${value}`).digest('hex');

// One message for both sign-in limits and for known and unknown emails alike.
const tooMany = ({ retry_after }: Counted, reason: 'TOO_MANY_SIGN_INS' | 'TOO_MANY_SIGN_UPS') =>
  new AppError(
    'TOO_MANY_REQUESTS',
    reason,
    `Too many ${reason === 'TOO_MANY_SIGN_INS' ? 'sign-in' : 'sign-up'} attempts; try again later`,
    { retryAfterSeconds: retry_after },
  );
