import {
  amendmentInput,
  CAST_VOTE,
  committeeMember,
  draftVersion,
  proposeAmendment,
  signUp,
  stewardToken,
  systemFacts,
  transition,
  type Account,
  type Transition,
} from '../../testkit/factories/index.js';
import { gql, ok } from '../../testkit/graphql-client.js';
import type { Pool } from './fuzz-values.js';
import type { TestApp } from './test-app.js';

export const CALLERS = ['anonymous', 'member', 'committee', 'steward'] as const;
export type CallerKind = (typeof CALLERS)[number];

interface AmendmentRow {
  number: number;
  status: string;
  revision: number;
  on_ratified: boolean;
}

/**
 * The accounts fuzzed requests are sent as, and what the database holds right now:
 * the pool of real values by argument name, and OSAID amendments in each state so
 * structured cases (castVote on a VOTING amendment, ratifyVersion of ACCEPTED ones…)
 * reach the code behind the validation.
 */
export class FuzzWorld {
  tokens: Partial<Record<CallerKind, string>> = {};
  /** Handles no fuzzed role change may touch: the callers'. */
  protectedHandles = new Set<string>();
  /** Accounts that fuzzed grantRole, revokeRole and signOut may use up. */
  sacrificial: Account[] = [];
  member!: Account;
  pool: Pool = {};
  amendments: AmendmentRow[] = [];
  ratified = '1.0';
  draftVersion = '';
  keys: string[] = [];
  commentIds: string[] = [];
  concernIds: string[] = [];
  facts: Record<string, unknown> = {};

  private constructor(readonly app: TestApp) {}

  static async create(app: TestApp): Promise<FuzzWorld> {
    const world = new FuzzWorld(app);
    const steward = await stewardToken(app);
    world.member = await signUp(app);
    const committee = await committeeMember(app, steward);
    world.tokens = { member: world.member.token, committee: committee.token, steward };
    for (const token of Object.values(world.tokens)) {
      const me = await ok<{ me: { handle: string } }>(app.url, `{ me { handle } }`, {}, token);
      world.protectedHandles.add(me.me.handle.toLowerCase());
    }
    for (let i = 0; i < 3; i++) world.sacrificial.push(await signUp(app));
    world.facts = await systemFacts(app, 'olmo');
    await world.refresh();
    return world;
  }

  token(caller: CallerKind): string | undefined {
    return this.tokens[caller];
  }

  numbers(...statuses: string[]): number[] {
    return this.amendments
      .filter((a) => statuses.includes(a.status) && a.on_ratified)
      .map((a) => a.number);
  }

  revision(number: number): number {
    return this.amendments.find((a) => a.number === number)?.revision ?? 1;
  }

  /** Re-reads the database and brings back an OSAID amendment in each state a workflow needs. */
  async refresh(): Promise<void> {
    await this.reread();
    const steward = this.tokens.steward!;
    const voters = [steward, this.tokens.committee!, ...this.sacrificial.map((a) => a.token)];
    const want: Array<[string, Array<Transition | 'vote'>]> = [
      ['DRAFT', []],
      ['OPEN', ['openComments']],
      ['VOTING', ['openVoting']],
      ['ACCEPTED', ['openVoting', 'vote', 'closeVoting']],
    ];
    let changed = false;
    for (const [status, steps] of want) {
      if (this.numbers(status).length > 0) continue;
      changed = true;
      const n = await this.propose();
      for (const step of steps) {
        if (step === 'vote') {
          // Some voters may have lost their role to fuzzed revokeRole calls; that is fine.
          const input = { definition: 'osaid', number: n, choice: 'APPROVE' };
          for (const token of voters) await gql(this.app.url, CAST_VOTE, { input }, token);
        } else {
          await transition(this.app, steward, step, n);
        }
      }
    }
    if (!this.draftVersion) {
      this.draftVersion = 'fuzz-draft';
      await draftVersion(this.app, steward, { label: 'fuzz-draft', parent: '1.0' });
      changed = true;
    }
    if (changed) await this.reread();
  }

  private async propose(): Promise<number> {
    const input = amendmentInput({
      baseVersion: this.ratified,
      title: 'Fuzzing fixture',
      rationale: 'Keeps an amendment in each state for the fuzzer.',
      changes: [
        { kind: 'MODIFY', key: this.keys[0], rule: 'components.modelParameters.available' },
      ],
    });
    return (await proposeAmendment(this.app, this.member.token, input)).number;
  }

  /** Re-reads the pool and the amendments' states, creating nothing. */
  async reread(): Promise<void> {
    const sql = this.app.sql.bind(this.app);
    const [version] = await sql<{ id: string; label: string }>(
      `SELECT v.id, v.label FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
        WHERE d.slug = 'osaid' AND v.status = 'RATIFIED'`,
    );
    this.ratified = version.label;
    this.amendments = await sql<AmendmentRow>(
      `SELECT a.number, a.status, a.revision, a.base_version_id = $1 AS on_ratified
         FROM amendments a JOIN definitions d ON d.id = a.definition_id
        WHERE d.slug = 'osaid' ORDER BY a.number`,
      [version.id],
    );
    const column = async (query: string) =>
      (await sql<{ value: string }>(query)).map((row) => row.value);
    this.keys = await column(
      `SELECT key AS value FROM criteria WHERE version_id = '${version.id}' ORDER BY position`,
    );
    const drafts = await column(
      `SELECT v.label AS value FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
        WHERE d.slug = 'osaid' AND v.status = 'DRAFT' ORDER BY v.created_at`,
    );
    this.draftVersion = drafts[0] ?? '';
    const comments = (this.commentIds = await column(
      `SELECT id::text AS value FROM comments ORDER BY created_at DESC LIMIT 20`,
    ));
    const concerns = (this.concernIds = await column(
      `SELECT id::text AS value FROM concerns WHERE resolved_at IS NULL ORDER BY raised_at DESC LIMIT 20`,
    ));
    const labels = await column(`SELECT DISTINCT label AS value FROM definition_versions`);
    const systems = await column(`SELECT slug AS value FROM ai_systems ORDER BY slug LIMIT 20`);
    const definitions = await column(`SELECT slug AS value FROM definitions ORDER BY slug`);
    this.pool = {
      definition: definitions,
      slug: [...systems, ...definitions],
      system: systems,
      baseVersion: labels,
      version: labels,
      label: labels,
      parent: labels,
      number: this.amendments.map((a) => a.number),
      amendments: this.numbers('ACCEPTED'),
      expectedRevision: [1, 2, 3],
      id: [...comments, ...concerns],
      parentId: comments,
      handle: this.sacrificial.map((a) => a.handle),
      key: this.keys,
      criterionKey: this.keys,
      email: [this.member.email, ...this.sacrificial.map((a) => a.email)],
      password: [this.member.password],
    };
  }
}
