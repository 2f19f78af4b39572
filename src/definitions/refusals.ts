import { badInput, notFound } from '../common/errors/app-error.js';
import type { DefinitionEntity } from './definition.entity.js';

/** The refusals every feature that names definitions, versions and levels shares. */
export const noSuchDefinition = (slug: string) =>
  notFound('NO_DEFINITION', `No definition "${slug}"`);

export const noSuchVersion = (slug: string, label: string) =>
  notFound('NO_VERSION', `No version "${label}" of "${slug}"`);

/** A level must be one of the definition's tiers; `details` say where it was given. */
export function assertLevel(
  definition: Pick<DefinitionEntity, 'levels'>,
  level: string | null | undefined,
  details: Record<string, unknown> = { field: 'level' },
  prefix = '',
): void {
  if (level == null || definition.levels.includes(level)) return;
  throw badInput(
    'UNKNOWN_LEVEL',
    `${prefix}level "${level}" is not one of ${JSON.stringify(definition.levels)}`,
    details,
  );
}
