import { Injectable } from '@nestjs/common';

/**
 * Every per-request DataLoader, grouped by feature. Each feature adds its group to this
 * interface by declaration merging, next to the class that makes it, e.g.
 *
 *     declare module '../common/graphql/loaders.js' {
 *       interface Loaders { systems: ReturnType<SystemLoaders['create']> }
 *     }
 *
 * and registers that class's `create` with the LoadersRegistry, so nothing here names a
 * feature and a new feature edits only its own folder.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each feature
export interface Loaders {}

/** The features' loader groups; `create()` makes a fresh set for each request. */
@Injectable()
export class LoadersRegistry {
  private readonly groups = new Map<keyof Loaders, () => unknown>();

  register<K extends keyof Loaders>(name: K, create: () => Loaders[K]): void {
    if (this.groups.has(name)) throw new Error(`Loaders "${String(name)}" registered twice`);
    this.groups.set(name, create);
  }

  create(): Loaders {
    const loaders: Record<string, unknown> = {};
    for (const [name, create] of this.groups) loaders[name] = create();
    return loaders as unknown as Loaders;
  }
}
