import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only triggers catch row-level UPDATE and DELETE, but TRUNCATE fires
 * statement-level triggers only: without these, emptying the audit trail (or the
 * fact revisions) would go unnoticed, since an empty chain verifies as intact.
 */
export class RefuseTruncate1795862000000 implements MigrationInterface {
  name = 'RefuseTruncate1795862000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION redline_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER fact_revisions_no_truncate BEFORE TRUNCATE ON fact_revisions
      FOR EACH STATEMENT EXECUTE FUNCTION redline_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER fact_revisions_no_truncate ON fact_revisions`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
  }
}
