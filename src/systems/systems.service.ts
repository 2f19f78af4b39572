import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { LicenseTable } from '../criteria/license-table.js';
import { FactsValidationError, validateFacts } from '../criteria/engine/index.js';
import { badInput, notFound } from '../common/errors/app-error.js';
import { AiSystemEntity } from './ai-system.entity.js';
import type { UpsertSystemInput } from './dto/upsert-system.input.js';
import { FactRevisionEntity } from './fact-revision.entity.js';
import { SystemsRepository, type SystemWithFacts } from './systems.repository.js';

@Injectable()
export class SystemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: SystemsRepository,
    private readonly audit: AuditService,
    private readonly licenses: LicenseTable,
  ) {}

  async bySlug(slug: string): Promise<SystemWithFacts> {
    const system = await this.systems.bySlug(slug, this.dataSource.manager);
    if (!system) throw notFound('NO_SYSTEM', `No system "${slug}"`);
    return system;
  }

  /**
   * Creates the system or updates its name and developer, and always records the
   * facts as a new revision: earlier facts, and the verdicts computed from them,
   * stay readable.
   */
  async upsert(actorId: string | null, input: UpsertSystemInput): Promise<SystemWithFacts> {
    const id = await this.dataSource.transaction((manager) =>
      this.upsertIn(manager, actorId, input),
    );
    const [system] = await this.systems.byIds([id]);
    return system;
  }

  /**
   * `upsert` in `manager`'s transaction (an importer's, the reference data's); returns the
   * system's id. Facts that do not fit the schema are refused before anything is written.
   */
  async upsertIn(
    manager: EntityManager,
    actorId: string | null,
    input: Omit<UpsertSystemInput, 'facts'> & { facts: unknown },
  ): Promise<string> {
    let facts;
    try {
      facts = validateFacts(input.facts);
    } catch (error) {
      if (error instanceof FactsValidationError) {
        throw badInput('INVALID_FACTS', `facts: ${error.message}`, {
          field: 'facts',
          path: error.path,
        });
      }
      throw error;
    }
    // Insert-or-lock in one statement, so concurrent upserts of one slug serialise on the row.
    const [row]: Array<{ id: string; current_revision: number; inserted: boolean }> =
      await manager.query(
        `INSERT INTO ai_systems (slug, name, developer) VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, developer = EXCLUDED.developer, updated_at = now()
       RETURNING id, current_revision, (xmax = 0) AS inserted`,
        [input.slug, input.name.trim(), input.developer.trim()],
      );
    const revision = row.current_revision + 1;
    await this.licenses.ensure(manager, facts);
    await manager.insert(FactRevisionEntity, {
      systemId: row.id,
      revision,
      facts,
      evidence: input.evidence.map(({ label, url }) => ({ label, url })),
      recordedById: actorId,
    });
    await manager.update(AiSystemEntity, { id: row.id }, { currentRevision: revision });
    await this.audit.record(manager, {
      actorId,
      entityType: 'system',
      entityId: row.id,
      action: row.inserted ? 'system.created' : 'system.facts-revised',
      data: { slug: input.slug, revision },
    });
    return row.id;
  }
}
