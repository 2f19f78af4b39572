import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An AI system whose facts are judged against definition versions. */
@Entity('ai_systems')
@Index('ai_systems_slug', ['slug'], { unique: true })
@Check('ai_systems_slug_format', `"slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class AiSystemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  developer: string;

  /** The newest fact revision; verdicts are computed from it. */
  @Column({ type: 'integer', default: 0 })
  currentRevision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
