/**
 * The SQL side of criteria: a scope that collects a query's parameters and the licence
 * lookups its translated rules need, over a facts column aliased in the query.
 */
import type { LicenseFunction, SqlScope } from './engine/index.js';

const COLUMN: Record<LicenseFunction, string> = {
  osiApproved: 'osi_approved',
  openDataLicense: 'open_data',
};

export class CriteriaSqlScope implements SqlScope {
  readonly params: unknown[] = [];
  /** Licence fact path (`components.x.license`) → alias of its license_verdicts join. */
  readonly #lookups = new Map<string, string>();

  /** `facts`: the jsonb facts column as the query names it, e.g. `fr.facts`. */
  constructor(readonly facts: string) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  license(fn: LicenseFunction, path: readonly string[]): string {
    const key = path.join(',');
    let alias = this.#lookups.get(key);
    if (alias === undefined) {
      alias = `lv${this.#lookups.size}`;
      this.#lookups.set(key, alias);
    }
    return `${alias}.${COLUMN[fn]}`;
  }

  /**
   * The joins the licence lookups need, one per licence fact read. A LEFT JOIN: an absent
   * licence stays NULL (unknown); a present one always has its row (a trigger on
   * fact_revisions refuses facts naming a licence the table lacks).
   */
  joins(): string {
    return [...this.#lookups]
      .map(
        ([path, alias]) =>
          `LEFT JOIN license_verdicts ${alias} ON ${alias}.expression = ${this.facts} #>> '{${path}}'`,
      )
      .join('\n');
  }
}
