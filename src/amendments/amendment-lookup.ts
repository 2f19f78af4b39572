import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors/app-error.js';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { AmendmentEntity } from './amendment.entity.js';
import { noSuchDefinition } from '../definitions/refusals.js';

export const noSuchAmendment = (slug: string, number: number) =>
  notFound('NO_AMENDMENT', `No amendment ${slug} #${number}`);

export interface Located {
  definition: DefinitionEntity;
  amendment: AmendmentEntity;
}

/**
 * An amendment by definition slug and number, optionally locked for the rest of
 * the transaction: FOR UPDATE for status changes, FOR SHARE for votes and comments
 * (many at once, but never while a status change is under way).
 */
export async function locate(
  manager: EntityManager,
  slug: string,
  number: number,
  lock?: 'update' | 'share',
): Promise<Located> {
  const definition = await manager.findOneBy(DefinitionEntity, { slug });
  if (!definition) throw noSuchDefinition(slug);
  const query = manager
    .getRepository(AmendmentEntity)
    .createQueryBuilder('a')
    .where('a.definition_id = :definitionId AND a.number = :number', {
      definitionId: definition.id,
      number,
    });
  if (lock === 'update') query.setLock('pessimistic_write');
  if (lock === 'share') query.setLock('pessimistic_read');
  const amendment = await query.getOne();
  if (!amendment) throw noSuchAmendment(slug, number);
  return { definition, amendment };
}
