import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-in attempts counted per account and per client address (see SignInThrottle). */
export class SignInRateLimits1795859813044 implements MigrationInterface {
  name = 'SignInRateLimits1795859813044';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sign_in_attempts" ("key" character varying(64) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "sign_in_attempts_count" CHECK ("count" > 0), CONSTRAINT "PK_df3d09968fb1f35413047cd2010" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sign_in_attempts_window_start" ON "sign_in_attempts"  ("window_start") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."sign_in_attempts_window_start"');
    await queryRunner.query('DROP TABLE "sign_in_attempts"');
  }
}
