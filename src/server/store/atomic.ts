/**
 * Several writes as one statement: a guarded first write (an UPDATE … WHERE <state> RETURNING …) and the
 * writes that belong with it, as data-modifying CTEs that run only when the first one changed a row. Run
 * on its own (auto-commit) it is one round trip and one durable commit, and all or nothing by
 * construction: when the first write finds nothing to change, nothing at all is written.
 */
import type { Queryable } from "./db.ts";

/** One statement's text with `$1…` parameters, and their values. */
export interface Write {
  sql: string;
  values: unknown[];
}

/** The condition a dependent write carries: the guarded first write changed a row. */
export const IF_FIRST_CHANGED = "EXISTS (SELECT 1 FROM first_write)";

/** `sql` with its parameters renumbered from `$1` to `$(1 + offset)`. */
export function shifted(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * Runs `first` and, when it returned a row, every write of `then` (each built with `IF_FIRST_CHANGED` as
 * its condition), in one statement. Returns the row `first` returned, or null when nothing was written.
 */
export async function writeTogether<T>(q: Queryable, first: Write, then: readonly Write[]): Promise<T | null> {
  const values: unknown[] = [...first.values];
  const parts = [`first_write AS (${first.sql})`];
  then.forEach((write, i) => {
    parts.push(`then_${i} AS (${shifted(write.sql, values.length)})`);
    values.push(...write.values);
  });
  const { rows } = await q.query<T>(`WITH ${parts.join(",\n")}\nSELECT * FROM first_write`, values);
  return rows[0] ?? null;
}
