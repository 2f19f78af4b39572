import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';
import { AppError } from '../common/errors/app-error.js';
import { AmendmentsService } from './amendments.service.js';

/**
 * Closes votes whose deadline has passed. It sweeps at start-up — so a deadline
 * that passed while the server was down is honoured when it comes back — and then
 * every `deadlineSweepMs`. With several nodes, each sweeps; closing takes a row
 * lock and re-checks the status, so an amendment is closed exactly once.
 */
@Injectable()
export class VotingDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VotingDeadlines');
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly amendments: AmendmentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.deadlineSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Closes every vote that is due; returns when done. Overlapping calls share one sweep. */
  sweep(): Promise<void> {
    this.sweeping ??= this.closeDue().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async closeDue(): Promise<void> {
    const due: Array<{ slug: string; number: number }> = await this.dataSource.query(
      `SELECT d.slug, a.number FROM amendments a JOIN definitions d ON d.id = a.definition_id
        WHERE a.status = 'VOTING' AND a.voting_close_at <= now() ORDER BY a.voting_close_at`,
    );
    for (const { slug, number } of due) {
      try {
        const closed = await this.amendments.closeVoting(null, slug, number);
        this.logger.log(`Voting on ${slug} #${number} closed at its deadline: ${closed.status}`);
      } catch (error) {
        // Another node (or a steward) closed it first.
        if (error instanceof AppError && error.code === 'CONFLICT') continue;
        this.logger.error(
          `Closing ${slug} #${number} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
