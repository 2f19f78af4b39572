import { Check, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Role } from '../common/auth/principal.js';
import { StakeholderEntity } from './stakeholder.entity.js';

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
