import { StakeholderModel } from './models/stakeholder.model.js';
import type { StakeholderEntity } from './stakeholder.entity.js';

/**
 * Maps an account to its public shape. `showEmail` for a sign-in's payload only: anywhere
 * else the email is shown when the caller is that stakeholder (see `email` below).
 */
export function toStakeholderModel(entity: StakeholderEntity, showEmail = false): StakeholderModel {
  return Object.assign(new StakeholderModel(), {
    id: entity.id,
    handle: entity.handle,
    displayName: entity.displayName,
    organization: entity.organization,
    sector: entity.sector,
    createdAt: entity.createdAt,
    accountEmail: entity.email,
    showEmail,
  });
}
