import { Check, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StakeholderEntity } from './stakeholder.entity.js';

export const ROLES = ['STEWARD', 'COMMITTEE', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

@Entity('stakeholder_roles')
@Check('stakeholder_roles_role', `"role" IN ('STEWARD','COMMITTEE','MEMBER')`)
export class StakeholderRoleEntity {
  @PrimaryColumn({ type: 'uuid' })
  stakeholderId: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'CASCADE' })
  stakeholder: Relation<StakeholderEntity>;

  @PrimaryColumn({ type: 'text' })
  role: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}
