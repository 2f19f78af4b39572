import 'reflect-metadata';
import { ValidationPipe, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './common/config/config.js';
import type { Database } from './common/database/database.js';

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
    new FastifyAdapter({ bodyLimit: BODY_LIMIT, trustProxy: config.trustProxy }),
    { logger },
  );
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  return app;
}
