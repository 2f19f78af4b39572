import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A computed verdict holds only as long as the criteria it was computed from: any change
 * to a version's criteria (possible only while it is a DRAFT; `criteria_frozen` refuses the
 * rest) deletes that version's COMPUTED verdicts in the same transaction, whoever makes
 * the change — the service, a migration or an operator with psql.
 */
export class CriteriaInvalidateVerdicts1795870000001 implements MigrationInterface {
  name = 'CriteriaInvalidateVerdicts1795870000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION redline_criteria_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM verdicts
         WHERE source = 'COMPUTED'
           AND version_id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.version_id END,
                              CASE WHEN TG_OP <> 'DELETE' THEN NEW.version_id END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER criteria_invalidate_verdicts AFTER INSERT OR UPDATE OR DELETE ON criteria
      FOR EACH ROW EXECUTE FUNCTION redline_criteria_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER criteria_invalidate_verdicts ON criteria');
    await queryRunner.query('DROP FUNCTION redline_criteria_changed()');
  }
}
