import 'reflect-metadata';
import { ValidationPipe, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './common/config/config.js';
import type { Database } from './common/database/database.js';
import { registerGraphiql } from './common/http/graphiql/routes.js';

/** Largest request body accepted, in bytes. */
export const BODY_LIMIT = 1024 * 1024;

/** Builds the Nest application on an open database; shared by main.ts, the scripts and the tests. */
export async function createApp(
  config: AppConfig,
  database: Database,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, database.dataSource),
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT,
      trustProxy: config.trustProxy,
      // Fastify validates the GraphQL request's parameters against Mercurius' schema;
      // without coercion `"query": 1` is refused rather than read as the text "1".
      ajv: { customOptions: { coerceTypes: false } },
    }),
    // Nest's body parsers would add application/x-www-form-urlencoded; Fastify's own
    // JSON parser is the one GraphQL needs, and /graphql refuses any other type.
    { logger, bodyParser: false },
  );
  // The in-browser IDE, with its assets served from here (Mercurius' own page uses a CDN).
  if (config.graphiql) registerGraphiql(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  return app;
}
