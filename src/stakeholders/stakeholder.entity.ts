import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SECTORS = [
  'ACADEMIA',
  'INDUSTRY',
  'CIVIL_SOCIETY',
  'GOVERNMENT',
  'INDIVIDUAL',
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * A person taking part in governance. Emails are stored lower-cased; handles keep
 * their case but are unique regardless of it (a functional index in the migrations).
 */
@Entity('stakeholders')
@Index('stakeholders_email', ['email'], { unique: true })
@Index('stakeholders_handle_lower', { synchronize: false })
@Check(
  'stakeholders_sector',
  `"sector" IN ('ACADEMIA','INDUSTRY','CIVIL_SOCIETY','GOVERNMENT','INDIVIDUAL')`,
)
@Check('stakeholders_email_lower', `"email" = lower("email")`)
@Check('stakeholders_handle_format', `"handle" ~ '^[A-Za-z0-9_-]{2,40}$'`)
export class StakeholderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  handle: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  email: string;

  /** argon2id hash; never leaves the server. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', default: '' })
  organization: string;

  @Column({ type: 'text' })
  sector: Sector;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
