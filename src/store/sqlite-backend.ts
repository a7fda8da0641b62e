/**
 * The embedded default: one SQLite file through `@keyv/sqlite`, table `annex`, rows keyed
 * `<namespace>:<key>` (keyv's own prefixing). The adapter opens its own connection and keyv
 * writes the namespace onto it, so each namespace gets its own adapter; WAL lets several
 * connections (and processes) read while one writes, and busyTimeout makes writers wait their
 * turn instead of failing.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { scanSqlByKey, type Backend, type BackendNamespace } from './backend.js';

const TABLE = 'annex';
const PAGE = 500;
const BUSY_TIMEOUT_MS = 10_000;

interface SqliteAdapter {
  query(sql: string, ...params: unknown[]): Promise<Array<Record<string, unknown>>>;
  disconnect(): Promise<void>;
}

export async function openSqliteBackend(url: string, options: { timeoutMs?: number } = {}): Promise<Backend> {
  const { KeyvSqlite } = await import('@keyv/sqlite');
  const file = url.replace(/^sqlite:\/\//, '');
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(resolve(file)), { recursive: true });
    } catch {
      // Reported as "store unavailable" on first use, like any other failure to open it.
    }
  }
  const adapters: SqliteAdapter[] = [];
  const makeAdapter = (): SqliteAdapter => {
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, table: TABLE, busyTimeout: BUSY_TIMEOUT_MS });
    // keyv attaches its listener for namespaces; the ping adapter needs one of its own, or a
    // failure to open the file would be an unheard 'error' event.
    adapter.on('error', () => undefined);
    const a = adapter as unknown as SqliteAdapter;
    if (file !== ':memory:') {
      // sqlite3 runs a connection's statements concurrently: hold every query until WAL is on.
      const query = a.query.bind(a);
      const wal = query('PRAGMA journal_mode=WAL').catch(() => undefined);
      a.query = async (sql, ...params) => {
        await wal;
        return query(sql, ...params);
      };
    }
    adapters.push(a);
    return a;
  };
  let pingAdapter: SqliteAdapter | undefined;

  return {
    kind: 'sqlite',
    // Above busyTimeout: a writer waiting for the lock is slow, not down.
    timeoutMs: options.timeoutMs ?? BUSY_TIMEOUT_MS + 5_000,
    open(namespace): BackendNamespace {
      const adapter = makeAdapter();
      const keyv = new Keyv({ store: adapter as never, namespace, throwOnErrors: true });
      return {
        keyv,
        scan: (prefix) =>
          scanSqlByKey(namespace, prefix, PAGE, async (pattern, after, limit) =>
            (await adapter.query(`SELECT key, value FROM ${TABLE} WHERE key LIKE ? ESCAPE '\\' AND key > ? ORDER BY key LIMIT ?`, pattern, after, limit)) as Array<{ key: string; value: unknown }>,
          ),
      };
    },
    async ping() {
      const adapter = (pingAdapter ??= makeAdapter());
      try {
        await adapter.query('SELECT 1');
      } catch (err) {
        // A file that could not be opened stays failed in its adapter: try afresh next time.
        pingAdapter = undefined;
        throw err;
      }
    },
    async close() {
      await Promise.allSettled(adapters.map((a) => a.disconnect()));
    },
  };
}
