import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** A loader of rows by primary key: one `WHERE id IN (…)` per request tick. */
export function loaderById<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A loader of the rows whose `column` equals each key, in `order`: one query per request tick. */
export function loaderGroupedBy<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  column: K,
  order: Partial<Record<keyof T, 'ASC' | 'DESC'>>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource
      .getRepository(entity)
      .find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(row[column])?.push(row);
    return keys.map((key) => groups.get(key)!);
  });
}
