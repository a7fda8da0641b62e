/**
 * What `keyv-store.ts` needs from each backend (SQLite, Redis, PostgreSQL). A backend owns its
 * connections (one shared client or pool per store, not one per collection where the driver
 * allows it), makes a keyv for each namespace, and lists a namespace by iteration itself.
 *
 * Why the backends list instead of keyv's `iterator`: keyv's generated iterator throws on the
 * first unparsable value (and on a key deleted between Redis's SCAN and MGET), deletes expired
 * entries while paging (which makes the SQLite adapter's LIMIT/OFFSET paging skip live rows), and
 * the PostgreSQL adapter's iterator ends silently on a query error, so an outage would list an
 * empty register. Each `scan` here pages by key (SQL) or by SCAN cursor (Redis) and throws on
 * any failure.
 */
import type Keyv from 'keyv';
import type { StoreKind } from '../config.js';

/** One namespace (one collection) on a backend. */
export interface BackendNamespace {
  /** keyv over this namespace: `get`/`set`/`delete` take the caller's keys, unprefixed. */
  keyv: Keyv;
  /**
   * Every entry whose key starts with `prefix`, as `[key, serialized value]` with the key as the
   * caller wrote it. May yield a key twice (Redis SCAN does); never swallows an error.
   */
  scan(prefix: string): AsyncIterable<[string, unknown]>;
}

export interface Backend {
  readonly kind: StoreKind;
  /** Upper bound (ms) for one operation, including one page of a listing. */
  readonly timeoutMs: number;
  open(namespace: string): BackendNamespace;
  /** One cheap round trip to the server (or file). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Escapes `%`, `_` and `\` for a SQL `LIKE ... ESCAPE '\'` pattern. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Pages through `<namespace>:<prefix>*` rows of a keyv SQL table in key order, resuming after the
 * last key seen (rows written or deleted meanwhile never shift a page the way OFFSET does).
 * `page(pattern, after, limit)` runs the backend's SELECT.
 */
export async function* scanSqlByKey(
  namespace: string,
  prefix: string,
  pageSize: number,
  page: (pattern: string, after: string, limit: number) => Promise<Array<{ key: string; value: unknown }>>,
): AsyncGenerator<[string, unknown]> {
  const stored = `${namespace}:`;
  const pattern = likePrefix(`${stored}${prefix}`);
  let after = '';
  for (;;) {
    const rows = await page(pattern, after, pageSize);
    for (const row of rows) {
      // SQLite's LIKE ignores ASCII case: keep only exact matches.
      if (typeof row.key === 'string' && row.key.startsWith(stored)) yield [row.key.slice(stored.length), row.value];
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.key;
  }
}
