import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from './common/config/config.module.js';
import type { AppConfig } from './common/config/config.js';
import { GraphqlExceptionFilter } from './common/errors/graphql-exception.filter.js';
import { graphqlOptions } from './common/graphql/graphql-options.js';
import { LoadersRegistry } from './common/graphql/loaders.js';
import { LoadersModule } from './common/graphql/loaders.module.js';
import { AmendmentsModule } from './amendments/amendments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CriteriaModule } from './criteria/criteria.module.js';
import { DefinitionsModule } from './definitions/definitions.module.js';
import { DiffModule } from './diff/diff.module.js';
import { EventsModule } from './events/events.module.js';
import { ImpactModule } from './impact/impact.module.js';
import { AccessGuard } from './stakeholders/access.guard.js';
import { SeedModule } from './seed/seed.module.js';
import { StakeholdersModule } from './stakeholders/stakeholders.module.js';
import { SystemsModule } from './systems/systems.module.js';
import { VerdictsModule } from './verdicts/verdicts.module.js';

/**
 * The application, given its configuration and an initialised, migrated
 * DataSource (see database.ts): the module itself never decides where the
 * database is.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoadersModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [LoadersRegistry],
          useFactory: (loaders: LoadersRegistry) => graphqlOptions(config, loaders),
        }),
        AuditModule,
        EventsModule,
        CriteriaModule,
        StakeholdersModule,
        DefinitionsModule,
        SystemsModule,
        VerdictsModule,
        DiffModule,
        ImpactModule,
        AmendmentsModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
      ],
    };
  }
}
