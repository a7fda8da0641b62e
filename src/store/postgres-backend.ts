/**
 * PostgreSQL through `@keyv/postgres`: table `annex` (key, value), rows keyed
 * `<namespace>:<key>` (keyv's own prefixing), one connection pool for the whole store.
 *
 * The adapter as shipped keeps one module-wide pool with no 'error' listener (an idle connection
 * dropped by a server restart would end the process), lets any adapter's `disconnect()` end the
 * pool every other adapter uses, and creates its table only once, in its constructor (so a store
 * opened while the server was down never gets one). So each adapter here runs its queries on a
 * pool this store owns: listened to, bounded by timeouts, ended once on close, and the table is
 * created on first use and again after any failure.
 */
import { createRequire } from 'node:module';
import KeyvPostgres from '@keyv/postgres';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';
import { scanSqlByKey, type Backend, type BackendNamespace } from './backend.js';

const TABLE = 'annex';
const PAGE = 500;
/** Room for the longest key the store accepts (900 bytes) plus its namespace. */
const KEY_SIZE = 1024;

/** The part of `pg`'s Pool used here. */
interface PgPool {
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  on(event: 'error', listener: (err: Error) => void): void;
  end(): Promise<void>;
}

/** The `pg` that `@keyv/postgres` itself depends on (it is not a dependency of ours). */
function loadPg(): { Pool: new (config: Record<string, unknown>) => PgPool } {
  const require = createRequire(import.meta.url);
  const pg = createRequire(require.resolve('@keyv/postgres'))('pg') as { Pool?: unknown; default?: { Pool?: unknown } };
  return (pg.Pool ? pg : pg.default) as { Pool: new (config: Record<string, unknown>) => PgPool };
}

type Query = (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** `@keyv/postgres` running its SQL on the store's pool instead of its module-wide one. */
class PooledKeyvPostgres extends KeyvPostgres {
  override async connect(): Promise<Query> {
    // Called from the parent constructor; `opts` is already set then.
    return (this.opts as unknown as { annexQuery: Query }).annexQuery;
  }
  override async disconnect(): Promise<void> {
    // The store owns the pool and ends it once.
  }
}

export async function openPostgresBackend(url: string, options: { logger: Logger; timeoutMs?: number }): Promise<Backend> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const { Pool } = loadPg();
  const pool = new Pool({
    connectionString: url,
    max: 10,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: timeoutMs,
    // Client-side bound on waiting for an answer, and the server's own bound on running it.
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    keepAlive: true,
  });
  pool.on('error', (err) => options.logger.warn({ store: 'postgres', err: `${err.name}: ${err.message}` }, 'an idle store connection failed; it will be replaced'));

  async function createOrWidenTable(): Promise<void> {
    try {
      await pool.query(`CREATE TABLE IF NOT EXISTS public.${TABLE}(key VARCHAR(${KEY_SIZE}) PRIMARY KEY, value TEXT)`);
    } catch (err) {
      // Two processes creating the table at once: one of them sees a duplicate; it exists.
      if (!['23505', '42P07'].includes((err as { code?: string }).code ?? '')) throw err;
    }
    // A table made by `@keyv/postgres` itself (or an earlier version) has VARCHAR(255) keys.
    // Widening a VARCHAR only changes the catalog; without the right to, keep going and say so.
    const { rows } = await pool.query(
      `SELECT character_maximum_length AS size FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'key'`,
      [TABLE],
    );
    const size = Number(rows[0]?.size ?? KEY_SIZE);
    if (size >= KEY_SIZE) return;
    try {
      await pool.query(`ALTER TABLE public.${TABLE} ALTER COLUMN key TYPE VARCHAR(${KEY_SIZE})`);
      options.logger.info({ store: 'postgres', from: size, to: KEY_SIZE }, 'widened the key column of the store table');
    } catch (err) {
      options.logger.warn({ store: 'postgres', size, err: String(err) }, `the store table's keys are limited to ${size} characters; long keys will fail`);
    }
  }

  let schema: Promise<void> | undefined;
  const ensureSchema = (): Promise<void> => {
    // Once per store; again after a failure (the server may have been down at the first try).
    schema ??= createOrWidenTable().catch((err: unknown) => {
      schema = undefined;
      throw err;
    });
    return schema;
  };
  const query: Query = async (sql, values) => {
    await ensureSchema();
    return (await pool.query(sql, values)).rows;
  };

  let ended = false;
  return {
    kind: 'postgres',
    timeoutMs: timeoutMs + 500,
    open(namespace): BackendNamespace {
      const adapter = new PooledKeyvPostgres({ uri: url, table: TABLE, keySize: KEY_SIZE, annexQuery: query } as never);
      const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
      return {
        keyv,
        scan: (prefix) =>
          scanSqlByKey(namespace, prefix, PAGE, async (pattern, after, limit) =>
            (await query(`SELECT key, value FROM public.${TABLE} WHERE key LIKE $1 ESCAPE '\\' AND key > $2 ORDER BY key LIMIT $3`, [pattern, after, limit])) as Array<{ key: string; value: unknown }>,
          ),
      };
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (ended) return;
      ended = true;
      await pool.end().catch(() => undefined);
    },
  };
}
