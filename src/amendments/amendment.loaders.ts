import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { loaderById, loaderGroupedBy } from '../common/graphql/batch-loaders.js';
import { ImpactService, type AmendmentChanges } from '../impact/impact.service.js';
import type { ImpactModel } from '../impact/models/impact.model.js';
import type { Role } from '../common/auth/principal.js';
import { AmendmentChangeEntity } from './amendment-change.entity.js';
import { AmendmentEntity } from './amendment.entity.js';
import { CommentEditEntity } from './comment-edit.entity.js';
import { CommentEntity } from './comment.entity.js';
import { ConcernEntity } from './concern.entity.js';
import { VoteEntity } from './vote.entity.js';
import { LoadersRegistry } from '../common/graphql/loaders.js';
import { countEligibleVoters } from './tally-inputs.js';

/** The key of `changes`: an amendment and one of its revisions. */
export const revisionKey = (amendmentId: string, revision: number) => `${amendmentId}:${revision}`;

/** Per-request batching: each kind of row costs one query per request, whatever the list size. */
@Injectable()
export class AmendmentLoaders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly impacts: ImpactService,
    registry: LoadersRegistry,
  ) {
    registry.register('amendments', () => this.create());
  }

  create() {
    const ds = this.dataSource;
    return {
      /** Keyed by `revisionKey`: every amendment of a listing in one impact computation. */
      impact: new DataLoader<AmendmentChanges & { key: string }, ImpactModel, string>(
        (amendments) => this.impacts.impacts(amendments),
        { cacheKeyFn: (amendment) => amendment.key },
      ),
      byId: loaderById(ds, AmendmentEntity),
      changes: new DataLoader<string, AmendmentChangeEntity[]>(async (keys) => {
        const pairs = keys.map((key) => key.split(':'));
        const rows = await ds
          .getRepository(AmendmentChangeEntity)
          .createQueryBuilder('c')
          .where(
            '(c.amendment_id, c.revision) IN (SELECT * FROM unnest(:ids::uuid[], :revisions::int[]))',
            {
              ids: pairs.map(([id]) => id),
              revisions: pairs.map(([, revision]) => Number(revision)),
            },
          )
          .orderBy('c.position', 'ASC')
          .getMany();
        const groups = new Map<string, AmendmentChangeEntity[]>(keys.map((key) => [key, []]));
        for (const row of rows) groups.get(revisionKey(row.amendmentId, row.revision))?.push(row);
        return keys.map((key) => groups.get(key)!);
      }),
      comments: loaderGroupedBy(ds, CommentEntity, 'amendmentId', { createdAt: 'ASC' }),
      commentEdits: loaderGroupedBy(ds, CommentEditEntity, 'commentId', { editedAt: 'ASC' }),
      votes: loaderGroupedBy(ds, VoteEntity, 'amendmentId', { castAt: 'ASC' }),
      concerns: loaderGroupedBy(ds, ConcernEntity, 'amendmentId', { raisedAt: 'ASC' }),
      history: loaderGroupedBy(ds, AuditEventEntity, 'entityId', { seq: 'ASC' }),
      /** How many stakeholders hold a role (directly or through one that implies it). */
      eligibleVoters: new DataLoader<Role, number>(async (roles) =>
        Promise.all(roles.map((role) => countEligibleVoters(ds, role))),
      ),
    };
  }
}

declare module '../common/graphql/loaders.js' {
  interface Loaders {
    amendments: ReturnType<AmendmentLoaders['create']>;
  }
}
