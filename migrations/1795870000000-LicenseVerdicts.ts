import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The licence lookup table that criteria pushed down to SQL join on, filled for every
 * licence already on record, and a trigger that refuses a fact revision naming a licence
 * the table does not know: a missing row would turn a licence verdict into "unknown" in
 * SQL while the in-memory engine says true or false.
 *
 * Self-contained, as a migration must be (it imports no application code, which would
 * change under it): the licences already on record get a row marked as not yet computed
 * (an empty list version), which the application computes with the engine's own licence
 * functions when it starts, before it serves anything (LicenseTable).
 */
export class LicenseVerdicts1795870000000 implements MigrationInterface {
  name = 'LicenseVerdicts1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "license_verdicts" ("expression" text NOT NULL, "osi_approved" boolean NOT NULL, "open_data" boolean NOT NULL, "list_version" text NOT NULL, CONSTRAINT "PK_license_verdicts" PRIMARY KEY ("expression"))',
    );
    const known: Array<{ expression: string }> = await queryRunner.query(
      `SELECT DISTINCT c.value ->> 'license' AS expression
         FROM fact_revisions fr,
              jsonb_each(COALESCE(fr.facts -> 'components', '{}'::jsonb)) AS c
        WHERE c.value ? 'license'`,
    );
    if (known.length > 0) {
      await queryRunner.query(
        `INSERT INTO license_verdicts (expression, osi_approved, open_data, list_version)
         SELECT expression, false, false, '' FROM unnest($1::text[]) AS expression`,
        [known.map((row) => row.expression)],
      );
    }
    await queryRunner.query(`
      CREATE FUNCTION redline_licenses_known() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        missing text;
      BEGIN
        SELECT c.value ->> 'license' INTO missing
          FROM jsonb_each(COALESCE(NEW.facts -> 'components', '{}'::jsonb)) AS c
         WHERE c.value ? 'license'
           AND NOT EXISTS (SELECT 1 FROM license_verdicts l WHERE l.expression = c.value ->> 'license')
         LIMIT 1;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'licence "%" has no row in license_verdicts', missing
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER fact_revisions_licenses_known BEFORE INSERT ON fact_revisions
      FOR EACH ROW EXECUTE FUNCTION redline_licenses_known()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER fact_revisions_licenses_known ON fact_revisions');
    await queryRunner.query('DROP FUNCTION redline_licenses_known()');
    await queryRunner.query('DROP TABLE "license_verdicts"');
  }
}
