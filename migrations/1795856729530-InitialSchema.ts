import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795856729530 implements MigrationInterface {
  name = 'InitialSchema1795856729530';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "definitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "steward_organization" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "levels" text array NOT NULL DEFAULT \'{}\', "policy" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "definitions_slug_format" CHECK ("slug" ~ \'^[a-z0-9]+(-[a-z0-9]+)*$\'), CONSTRAINT "PK_7150abc574293b2a1063b0ed7bb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "definitions_slug" ON "definitions"  ("slug") ');
    await queryRunner.query(
      'CREATE TABLE "definition_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "definition_id" uuid NOT NULL, "label" text NOT NULL, "status" text NOT NULL DEFAULT \'DRAFT\', "parent_id" uuid, "preamble" text NOT NULL DEFAULT \'\', "published_at" date, "ratified_at" TIMESTAMP WITH TIME ZONE, "license_list_version" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "definition_versions_label_format" CHECK ("label" ~ \'^[0-9A-Za-z][0-9A-Za-z.\\-]{0,31}$\'), CONSTRAINT "definition_versions_status" CHECK ("status" IN (\'DRAFT\',\'RELEASE_CANDIDATE\',\'RATIFIED\',\'SUPERSEDED\')), CONSTRAINT "PK_64205f9d53a207fd49ca504db7a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "definition_versions_definition_label" ON "definition_versions"  ("definition_id", "label") ',
    );
    await queryRunner.query(
      'CREATE TABLE "stakeholders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "handle" text NOT NULL, "display_name" text NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "organization" text NOT NULL DEFAULT \'\', "sector" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stakeholders_handle_format" CHECK ("handle" ~ \'^[A-Za-z0-9_-]{2,40}$\'), CONSTRAINT "stakeholders_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "stakeholders_sector" CHECK ("sector" IN (\'ACADEMIA\',\'INDUSTRY\',\'CIVIL_SOCIETY\',\'GOVERNMENT\',\'INDIVIDUAL\')), CONSTRAINT "PK_74b5b503a4a44039a4a4b117ec6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "stakeholders_email" ON "stakeholders"  ("email") ',
    );
    await queryRunner.query(
      'CREATE TABLE "amendments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "definition_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "rationale" text NOT NULL, "proposer_id" uuid NOT NULL, "base_version_id" uuid NOT NULL, "revision" integer NOT NULL DEFAULT \'1\', "status" text NOT NULL DEFAULT \'DRAFT\', "comments_close_at" TIMESTAMP WITH TIME ZONE, "voting_close_at" TIMESTAMP WITH TIME ZONE, "merged_into_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "amendments_merged_has_version" CHECK (("status" = \'MERGED\') = ("merged_into_id" IS NOT NULL)), CONSTRAINT "amendments_revision_positive" CHECK ("revision" > 0), CONSTRAINT "amendments_number_positive" CHECK ("number" > 0), CONSTRAINT "amendments_status" CHECK ("status" IN (\'DRAFT\',\'OPEN\',\'VOTING\',\'ACCEPTED\',\'REJECTED\',\'WITHDRAWN\',\'MERGED\')), CONSTRAINT "PK_232751b4529e81fd8a6b2847ace" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "amendments_definition_status" ON "amendments"  ("definition_id", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "amendments_definition_number" ON "amendments"  ("definition_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "amendment_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "amendment_id" uuid NOT NULL, "revision" integer NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "key" text NOT NULL, "title" text, "text" text, "rule" text, "component" text, "level" text, CONSTRAINT "amendment_changes_add_complete" CHECK ("kind" <> \'ADD\' OR ("title" IS NOT NULL AND "text" IS NOT NULL AND "rule" IS NOT NULL AND "component" IS NOT NULL)), CONSTRAINT "amendment_changes_kind" CHECK ("kind" IN (\'ADD\',\'MODIFY\',\'REMOVE\')), CONSTRAINT "PK_81f966de0985649eeaafe76299c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "amendment_changes_key" ON "amendment_changes"  ("amendment_id", "revision", "key") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "amendment_changes_position" ON "amendment_changes"  ("amendment_id", "revision", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "amendment_id" uuid NOT NULL, "author_id" uuid NOT NULL, "parent_id" uuid, "body" text NOT NULL, "stance" text NOT NULL DEFAULT \'NEUTRAL\', "criterion_key" text, "quote" text, "amendment_revision" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_reason" text, "hidden_by_id" uuid, CONSTRAINT "comments_hidden_reason" CHECK (("hidden_at" IS NULL) = ("hidden_reason" IS NULL)), CONSTRAINT "comments_stance" CHECK ("stance" IN (\'SUPPORT\',\'OPPOSE\',\'NEUTRAL\',\'QUESTION\')), CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "comments_amendment" ON "comments"  ("amendment_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "comment_edits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "comment_id" uuid NOT NULL, "previous_body" text NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_880623d6a48f949ad7bb15d6a02" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "comment_edits_comment" ON "comment_edits"  ("comment_id", "edited_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "concerns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "amendment_id" uuid NOT NULL, "raised_by_id" uuid NOT NULL, "body" text NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "resolution" text, CONSTRAINT "concerns_resolution_complete" CHECK (("resolved_at" IS NULL) = ("resolution" IS NULL) AND ("resolved_at" IS NULL) = ("resolved_by_id" IS NULL)), CONSTRAINT "PK_743844335346f7379d1fc28950a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "concerns_amendment" ON "concerns"  ("amendment_id") ');
    await queryRunner.query(
      'CREATE TABLE "votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "amendment_id" uuid NOT NULL, "voter_id" uuid NOT NULL, "choice" text NOT NULL, "rationale" text NOT NULL DEFAULT \'\', "amendment_revision" integer NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "votes_choice" CHECK ("choice" IN (\'APPROVE\',\'REJECT\',\'ABSTAIN\',\'RECUSE\')), CONSTRAINT "PK_f3d9fd4a0af865152c3f59db8ff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "votes_amendment_voter" ON "votes"  ("amendment_id", "voter_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("seq" bigint NOT NULL DEFAULT \'0\', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_id" uuid, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "action" text NOT NULL, "from_state" text, "to_state" text, "data" jsonb NOT NULL DEFAULT \'{}\', "prev_hash" text NOT NULL DEFAULT \'\', "hash" text NOT NULL DEFAULT \'\', CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE TABLE "criteria" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "key" text NOT NULL, "component" text NOT NULL, "title" text NOT NULL, "text" text NOT NULL, "rule" text NOT NULL, "level" text, "position" integer NOT NULL, CONSTRAINT "criteria_key_format" CHECK ("key" ~ \'^[a-z0-9]+([.-][a-z0-9]+)*$\'), CONSTRAINT "PK_91cd5f7ff7be5ade9bca5b98cfb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "criteria_version_key" ON "criteria"  ("version_id", "key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "conflicts_of_interest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "stakeholder_id" uuid NOT NULL, "definition_id" uuid, "description" text NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0be43c14eac716e40346c72071a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "conflicts_of_interest_stakeholder" ON "conflicts_of_interest"  ("stakeholder_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "stakeholder_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sessions_stakeholder" ON "sessions"  ("stakeholder_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "stakeholder_roles" ("stakeholder_id" uuid NOT NULL, "role" text NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stakeholder_roles_role" CHECK ("role" IN (\'STEWARD\',\'COMMITTEE\',\'MEMBER\')), CONSTRAINT "PK_cd7970bdc7d507551f9dfb1ee25" PRIMARY KEY ("stakeholder_id", "role"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ai_systems" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "developer" text NOT NULL, "current_revision" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ai_systems_slug_format" CHECK ("slug" ~ \'^[a-z0-9]+(-[a-z0-9]+)*$\'), CONSTRAINT "PK_ca090df9614e1a21cf7fc9c460a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ai_systems_slug" ON "ai_systems"  ("slug") ');
    await queryRunner.query(
      'CREATE TABLE "fact_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "system_id" uuid NOT NULL, "revision" integer NOT NULL, "facts" jsonb NOT NULL, "evidence" jsonb NOT NULL DEFAULT \'[]\', "recorded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fact_revisions_facts_object" CHECK (jsonb_typeof("facts") = \'object\'), CONSTRAINT "fact_revisions_revision_positive" CHECK ("revision" > 0), CONSTRAINT "PK_c495fcb85deebb48b9beec5305f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "fact_revisions_system_revision" ON "fact_revisions"  ("system_id", "revision") ',
    );
    await queryRunner.query(
      'CREATE TABLE "verdicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "system_id" uuid NOT NULL, "version_id" uuid NOT NULL, "fact_revision_id" uuid, "source" text NOT NULL, "outcome" text NOT NULL, "level" text, "criteria" jsonb NOT NULL DEFAULT \'[]\', "notes" text NOT NULL DEFAULT \'\', "recorded_by_id" uuid, "assessed_by" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "verdicts_computed_has_revision" CHECK ("source" <> \'COMPUTED\' OR "fact_revision_id" IS NOT NULL), CONSTRAINT "verdicts_source" CHECK ("source" IN (\'COMPUTED\',\'ASSESSED\')), CONSTRAINT "verdicts_outcome" CHECK ("outcome" IN (\'PASS\',\'FAIL\',\'UNKNOWN\')), CONSTRAINT "PK_2c4a14769fb5ae0dac9cafbb941" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "verdicts_system" ON "verdicts"  ("system_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "verdicts_assessed_unique" ON "verdicts"  ("version_id", "system_id") WHERE "source" = \'ASSESSED\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "verdicts_computed_unique" ON "verdicts"  ("version_id", "fact_revision_id") WHERE "source" = \'COMPUTED\'',
    );
    await queryRunner.query(
      'ALTER TABLE "definition_versions" ADD CONSTRAINT "FK_e77cf7171c0343f3ec2e2415b63" FOREIGN KEY ("definition_id") REFERENCES "definitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "definition_versions" ADD CONSTRAINT "FK_7065ba51253cf5d5f7c0eb79bd1" FOREIGN KEY ("parent_id") REFERENCES "definition_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" ADD CONSTRAINT "FK_31193c9f5b52823d26b96ebcc6a" FOREIGN KEY ("definition_id") REFERENCES "definitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" ADD CONSTRAINT "FK_bc9acd497d236ae0a9118cb1dac" FOREIGN KEY ("proposer_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" ADD CONSTRAINT "FK_ecff596f786d1e92b63749565ef" FOREIGN KEY ("base_version_id") REFERENCES "definition_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" ADD CONSTRAINT "FK_d4b2fc38357073310364691812a" FOREIGN KEY ("merged_into_id") REFERENCES "definition_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "amendment_changes" ADD CONSTRAINT "FK_3519893ee8c4cd3ae0ff94257e1" FOREIGN KEY ("amendment_id") REFERENCES "amendments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_c7dc3977e9aee31c24b5b90cfa0" FOREIGN KEY ("amendment_id") REFERENCES "amendments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY ("author_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_d6f93329801a93536da4241e386" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_87b5f31fd7617c8ff9b650f53de" FOREIGN KEY ("hidden_by_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comment_edits" ADD CONSTRAINT "FK_5f4ca90310019c6c6602f07a362" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "concerns" ADD CONSTRAINT "FK_cec0d268841d60d0802652fc433" FOREIGN KEY ("amendment_id") REFERENCES "amendments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "concerns" ADD CONSTRAINT "FK_cdf70a10c4747b73453f0f142e0" FOREIGN KEY ("raised_by_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "concerns" ADD CONSTRAINT "FK_3948c13c820e29bdbe485e02949" FOREIGN KEY ("resolved_by_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "votes" ADD CONSTRAINT "FK_d9b2a10ce2a2f30a7cfc0080d4a" FOREIGN KEY ("amendment_id") REFERENCES "amendments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "votes" ADD CONSTRAINT "FK_907ed58b724f8debe4200e51af3" FOREIGN KEY ("voter_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_events" ADD CONSTRAINT "FK_04c7c044146c6632491a370fc04" FOREIGN KEY ("actor_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "criteria" ADD CONSTRAINT "FK_7afe27f52b034946a0645b9c379" FOREIGN KEY ("version_id") REFERENCES "definition_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "FK_a497f53ed79bc329e26d9b4fab4" FOREIGN KEY ("stakeholder_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "FK_bccf8ea57d653336b585e352fb2" FOREIGN KEY ("definition_id") REFERENCES "definitions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_c99454b38251ea4e03f06a1fdca" FOREIGN KEY ("stakeholder_id") REFERENCES "stakeholders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stakeholder_roles" ADD CONSTRAINT "FK_eb3ac52570be350e7c2e6a49543" FOREIGN KEY ("stakeholder_id") REFERENCES "stakeholders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "fact_revisions" ADD CONSTRAINT "FK_ddd5f132af985bfd4abbddc741f" FOREIGN KEY ("system_id") REFERENCES "ai_systems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "fact_revisions" ADD CONSTRAINT "FK_15d70a0977de3507c5884753fc0" FOREIGN KEY ("recorded_by_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" ADD CONSTRAINT "FK_15d332cdc499d70809ebac67f76" FOREIGN KEY ("system_id") REFERENCES "ai_systems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" ADD CONSTRAINT "FK_7dfca42254496486145ef942076" FOREIGN KEY ("version_id") REFERENCES "definition_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" ADD CONSTRAINT "FK_b7152bc3348cfa9bd7a1b0f026a" FOREIGN KEY ("fact_revision_id") REFERENCES "fact_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" ADD CONSTRAINT "FK_cef499c7e06ff7691a106e7c502" FOREIGN KEY ("recorded_by_id") REFERENCES "stakeholders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "verdicts" DROP CONSTRAINT "FK_cef499c7e06ff7691a106e7c502"',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" DROP CONSTRAINT "FK_b7152bc3348cfa9bd7a1b0f026a"',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" DROP CONSTRAINT "FK_7dfca42254496486145ef942076"',
    );
    await queryRunner.query(
      'ALTER TABLE "verdicts" DROP CONSTRAINT "FK_15d332cdc499d70809ebac67f76"',
    );
    await queryRunner.query(
      'ALTER TABLE "fact_revisions" DROP CONSTRAINT "FK_15d70a0977de3507c5884753fc0"',
    );
    await queryRunner.query(
      'ALTER TABLE "fact_revisions" DROP CONSTRAINT "FK_ddd5f132af985bfd4abbddc741f"',
    );
    await queryRunner.query(
      'ALTER TABLE "stakeholder_roles" DROP CONSTRAINT "FK_eb3ac52570be350e7c2e6a49543"',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" DROP CONSTRAINT "FK_c99454b38251ea4e03f06a1fdca"',
    );
    await queryRunner.query(
      'ALTER TABLE "conflicts_of_interest" DROP CONSTRAINT "FK_bccf8ea57d653336b585e352fb2"',
    );
    await queryRunner.query(
      'ALTER TABLE "conflicts_of_interest" DROP CONSTRAINT "FK_a497f53ed79bc329e26d9b4fab4"',
    );
    await queryRunner.query(
      'ALTER TABLE "criteria" DROP CONSTRAINT "FK_7afe27f52b034946a0645b9c379"',
    );
    await queryRunner.query(
      'ALTER TABLE "audit_events" DROP CONSTRAINT "FK_04c7c044146c6632491a370fc04"',
    );
    await queryRunner.query('ALTER TABLE "votes" DROP CONSTRAINT "FK_907ed58b724f8debe4200e51af3"');
    await queryRunner.query('ALTER TABLE "votes" DROP CONSTRAINT "FK_d9b2a10ce2a2f30a7cfc0080d4a"');
    await queryRunner.query(
      'ALTER TABLE "concerns" DROP CONSTRAINT "FK_3948c13c820e29bdbe485e02949"',
    );
    await queryRunner.query(
      'ALTER TABLE "concerns" DROP CONSTRAINT "FK_cdf70a10c4747b73453f0f142e0"',
    );
    await queryRunner.query(
      'ALTER TABLE "concerns" DROP CONSTRAINT "FK_cec0d268841d60d0802652fc433"',
    );
    await queryRunner.query(
      'ALTER TABLE "comment_edits" DROP CONSTRAINT "FK_5f4ca90310019c6c6602f07a362"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_87b5f31fd7617c8ff9b650f53de"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_d6f93329801a93536da4241e386"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_e6d38899c31997c45d128a8973b"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_c7dc3977e9aee31c24b5b90cfa0"',
    );
    await queryRunner.query(
      'ALTER TABLE "amendment_changes" DROP CONSTRAINT "FK_3519893ee8c4cd3ae0ff94257e1"',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" DROP CONSTRAINT "FK_d4b2fc38357073310364691812a"',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" DROP CONSTRAINT "FK_ecff596f786d1e92b63749565ef"',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" DROP CONSTRAINT "FK_bc9acd497d236ae0a9118cb1dac"',
    );
    await queryRunner.query(
      'ALTER TABLE "amendments" DROP CONSTRAINT "FK_31193c9f5b52823d26b96ebcc6a"',
    );
    await queryRunner.query(
      'ALTER TABLE "definition_versions" DROP CONSTRAINT "FK_7065ba51253cf5d5f7c0eb79bd1"',
    );
    await queryRunner.query(
      'ALTER TABLE "definition_versions" DROP CONSTRAINT "FK_e77cf7171c0343f3ec2e2415b63"',
    );
    await queryRunner.query('DROP INDEX "public"."verdicts_computed_unique"');
    await queryRunner.query('DROP INDEX "public"."verdicts_assessed_unique"');
    await queryRunner.query('DROP INDEX "public"."verdicts_system"');
    await queryRunner.query('DROP TABLE "verdicts"');
    await queryRunner.query('DROP INDEX "public"."fact_revisions_system_revision"');
    await queryRunner.query('DROP TABLE "fact_revisions"');
    await queryRunner.query('DROP INDEX "public"."ai_systems_slug"');
    await queryRunner.query('DROP TABLE "ai_systems"');
    await queryRunner.query('DROP TABLE "stakeholder_roles"');
    await queryRunner.query('DROP INDEX "public"."sessions_stakeholder"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."conflicts_of_interest_stakeholder"');
    await queryRunner.query('DROP TABLE "conflicts_of_interest"');
    await queryRunner.query('DROP INDEX "public"."criteria_version_key"');
    await queryRunner.query('DROP TABLE "criteria"');
    await queryRunner.query('DROP INDEX "public"."audit_events_entity"');
    await queryRunner.query('DROP TABLE "audit_events"');
    await queryRunner.query('DROP INDEX "public"."votes_amendment_voter"');
    await queryRunner.query('DROP TABLE "votes"');
    await queryRunner.query('DROP INDEX "public"."concerns_amendment"');
    await queryRunner.query('DROP TABLE "concerns"');
    await queryRunner.query('DROP INDEX "public"."comment_edits_comment"');
    await queryRunner.query('DROP TABLE "comment_edits"');
    await queryRunner.query('DROP INDEX "public"."comments_amendment"');
    await queryRunner.query('DROP TABLE "comments"');
    await queryRunner.query('DROP INDEX "public"."amendment_changes_position"');
    await queryRunner.query('DROP INDEX "public"."amendment_changes_key"');
    await queryRunner.query('DROP TABLE "amendment_changes"');
    await queryRunner.query('DROP INDEX "public"."amendments_definition_number"');
    await queryRunner.query('DROP INDEX "public"."amendments_definition_status"');
    await queryRunner.query('DROP TABLE "amendments"');
    await queryRunner.query('DROP INDEX "public"."stakeholders_email"');
    await queryRunner.query('DROP TABLE "stakeholders"');
    await queryRunner.query('DROP INDEX "public"."definition_versions_definition_label"');
    await queryRunner.query('DROP TABLE "definition_versions"');
    await queryRunner.query('DROP INDEX "public"."definitions_slug"');
    await queryRunner.query('DROP TABLE "definitions"');
  }
}
