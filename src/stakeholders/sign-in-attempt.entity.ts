import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-in attempts counted per key (an account's normalised email or a client
 * address) in a fixed window that starts at the first counted attempt. Kept in
 * PostgreSQL rather than in memory so that every node behind the load balancer
 * enforces the same limit. The key is a SHA-256 of its kind and value: a fixed size
 * whatever the client sends, and no plain emails or addresses at rest.
 */
@Entity('sign_in_attempts')
@Index('sign_in_attempts_window_start', ['windowStart'])
@Check('sign_in_attempts_count', `"count" > 0`)
export class SignInAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  count: number;
}
