import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The invariants PostgreSQL itself enforces beyond keys and checks: handles unique
 * regardless of case, ratified versions and their criteria frozen, fact revisions
 * never rewritten, and an append-only, hash-chained audit trail.
 */
export class Invariants1795856729531 implements MigrationInterface {
  name = 'Invariants1795856729531';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "stakeholders_handle_lower" ON "stakeholders" (lower("handle"))`,
    );

    await queryRunner.query(`
      CREATE FUNCTION redline_criteria_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        frozen text;
      BEGIN
        SELECT status INTO frozen FROM definition_versions
         WHERE id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.version_id END,
                      CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.version_id END)
           AND status IN ('RATIFIED', 'SUPERSEDED')
         LIMIT 1;
        IF frozen IS NOT NULL THEN
          RAISE EXCEPTION 'The criteria of a % version cannot be changed', lower(frozen)
            USING ERRCODE = 'P0001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER criteria_frozen BEFORE INSERT OR UPDATE OR DELETE ON criteria
      FOR EACH ROW EXECUTE FUNCTION redline_criteria_frozen()`);

    // A ratified version may only become superseded; nothing else about it changes.
    await queryRunner.query(`
      CREATE FUNCTION redline_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('RATIFIED', 'SUPERSEDED') AND (
             TG_OP = 'DELETE'
             OR NOT (OLD.status = 'RATIFIED' AND NEW.status = 'SUPERSEDED'
                     AND to_jsonb(NEW) - 'status' = to_jsonb(OLD) - 'status')) THEN
          RAISE EXCEPTION 'A % version cannot be changed', lower(OLD.status) USING ERRCODE = 'P0001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER version_frozen BEFORE UPDATE OR DELETE ON definition_versions
      FOR EACH ROW EXECUTE FUNCTION redline_version_frozen()`);

    await queryRunner.query(`
      CREATE FUNCTION redline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER fact_revisions_append_only BEFORE UPDATE OR DELETE ON fact_revisions
      FOR EACH ROW EXECUTE FUNCTION redline_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION redline_append_only()`);

    // The audit chain: each event's hash covers its content and the previous hash.
    await queryRunner.query(`
      CREATE FUNCTION redline_audit_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          e.prev_hash, e.seq::text, (extract(epoch FROM e.occurred_at) * 1000000)::bigint::text,
          coalesce(e.actor_id::text, ''), e.entity_type, e.entity_id::text, e.action,
          coalesce(e.from_state, ''), coalesce(e.to_state, ''), e.data::text), 'UTF8')), 'hex')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION redline_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last audit_events;
      BEGIN
        -- One append at a time, so sequence numbers and links follow commit order.
        PERFORM pg_advisory_xact_lock(hashtext('redline.audit'));
        SELECT * INTO last FROM audit_events ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last.seq, 0) + 1;
        NEW.prev_hash := coalesce(last.hash, '');
        NEW.hash := redline_audit_hash(NEW);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION redline_audit_chain()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_chain ON audit_events`);
    await queryRunner.query(`DROP FUNCTION redline_audit_chain()`);
    await queryRunner.query(`DROP FUNCTION redline_audit_hash(audit_events)`);
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP TRIGGER fact_revisions_append_only ON fact_revisions`);
    await queryRunner.query(`DROP FUNCTION redline_append_only()`);
    await queryRunner.query(`DROP TRIGGER version_frozen ON definition_versions`);
    await queryRunner.query(`DROP FUNCTION redline_version_frozen()`);
    await queryRunner.query(`DROP TRIGGER criteria_frozen ON criteria`);
    await queryRunner.query(`DROP FUNCTION redline_criteria_frozen()`);
    await queryRunner.query(`DROP INDEX "stakeholders_handle_lower"`);
  }
}
