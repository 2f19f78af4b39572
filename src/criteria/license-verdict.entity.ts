import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the licence host functions answer for one SPDX expression, so that criteria pushed
 * down to SQL can join on it instead of calling JavaScript. A row exists for every licence
 * any fact revision names (a trigger refuses a revision whose licence has none), written in
 * the same transaction as the facts, and recomputed at start-up when the installed SPDX
 * licence list is a different version from the one a row was computed with.
 */
@Entity('license_verdicts')
export class LicenseVerdictEntity {
  @PrimaryColumn({ type: 'text' })
  expression: string;

  /** `osiApproved(expression)`. */
  @Column({ type: 'boolean' })
  osiApproved: boolean;

  /** `openDataLicense(expression)`. */
  @Column({ type: 'boolean' })
  openData: boolean;

  /** The spdx-license-list version both answers come from. */
  @Column({ type: 'text' })
  listVersion: string;
}
