/**
 * The `Store` port over keyv: `@keyv/sqlite` (the embedded default), `@keyv/redis` or
 * `@keyv/postgres`, chosen by the URL. Each collection is its own keyv namespace on the backend
 * (see the backend files for how keys are laid out on each), so collections never mix, even when
 * one name is a prefix of another.
 *
 * Contract, the same on every backend (the contract tests run on all three):
 * - every backend failure, including an operation that takes longer than the backend's bound,
 *   surfaces as `StoreUnavailableError`, so callers can tell "not found" from "the store is down"
 *   and the user is told to try again rather than shown an empty register; nothing hangs;
 * - a stored record that is not valid JSON, not keyv's envelope, or fails the collection's schema
 *   is skipped and logged (`get` answers undefined, `list` leaves it out), never fatal;
 * - `list` pages through the namespace by key or cursor and returns records in key order;
 * - expiring collections can be read by key but never listed (see store.ts).
 */
import type Keyv from 'keyv';
import type { z } from 'zod';
import { redactUrl, storeKindOf } from '../config.js';
import { StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Backend, BackendNamespace } from './backend.js';
import { openPostgresBackend } from './postgres-backend.js';
import { openRedisBackend } from './redis-backend.js';
import { openSqliteBackend } from './sqlite-backend.js';
import type { Collection, CollectionOptions, Store } from './store.js';
import { MalformedValue, readScanned, tolerantDeserializer, type StoredEnvelope } from './stored-value.js';

const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const PREFIX_PATTERN = /^[a-z0-9-]*$/;
/**
 * Keys are built from platform ids (a Teams conversation id alone can pass 100 characters), and
 * end up, namespace in front, in PostgreSQL's VARCHAR(1024) key column and its index. The same
 * bound on every backend, so a key that works on SQLite cannot fail on PostgreSQL.
 */
const MAX_KEY_BYTES = 900;

export interface KeyvStoreOptions {
  url: string;
  logger: Logger;
  /**
   * Put in front of every collection's namespace (`[a-z0-9-]`), so several deployments or test
   * runs can share one Redis or PostgreSQL without seeing each other's records.
   */
  namespacePrefix?: string;
  /** Connect and command timeout for Redis and PostgreSQL, in ms (default 3000). */
  timeoutMs?: number;
}

/** Rejects when `op` has not settled within `ms`; `op`'s own late failure is then ignored. */
function bounded<T>(op: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`store ${what} took longer than ${ms} ms`)), ms);
  });
  op.catch(() => undefined);
  return Promise.race([op, timeout]).finally(() => clearTimeout(timer));
}

function checkKey(collection: string, key: string): void {
  const bytes = typeof key === 'string' ? Buffer.byteLength(key) : 0;
  if (bytes === 0 || bytes > MAX_KEY_BYTES) {
    throw new Error(`collection ${collection}: keys are 1 to ${MAX_KEY_BYTES} bytes (got ${typeof key === 'string' ? bytes : typeof key})`);
  }
}

interface StoreState {
  backend: Backend;
  logger: Logger;
  closed: boolean;
}

class KeyvCollection<T> implements Collection<T> {
  private ns: { keyv: Keyv; scan: BackendNamespace['scan']; deserialize: (data: string) => StoredEnvelope } | undefined;

  constructor(
    readonly name: string,
    private readonly namespace: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: CollectionOptions,
    private readonly state: StoreState,
  ) {}

  /** Opened on first use: an adapter that is never used never opens a connection or file. */
  private open() {
    if (this.state.closed) throw new StoreUnavailableError(new Error('the store is closed'));
    if (!this.ns) {
      const { keyv, scan } = this.state.backend.open(this.namespace);
      const deserialize = tolerantDeserializer(keyv.deserialize as (data: string) => unknown);
      keyv.deserialize = deserialize as never;
      // keyv re-emits every adapter error and then throws it to the caller, who handles it; the
      // listener is still needed (an unheard 'error' would crash the process).
      keyv.on('error', (err: unknown) => this.state.logger.debug({ collection: this.name, err: String(err) }, 'store operation failed'));
      this.ns = { keyv, scan, deserialize };
    }
    return this.ns;
  }

  private async run<R>(what: string, op: (ns: NonNullable<KeyvCollection<T>['ns']>) => Promise<R>): Promise<R> {
    try {
      return await bounded(op(this.open()), this.state.backend.timeoutMs, `${what} in ${this.name}`);
    } catch (err) {
      throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
    }
  }

  private validate(key: string, raw: unknown): T | undefined {
    if (raw instanceof MalformedValue) {
      this.state.logger.warn({ collection: this.name, key, reason: raw.reason }, 'skipped a malformed stored record');
      return undefined;
    }
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.state.logger.warn(
      { collection: this.name, key, reason: 'schema', issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
      'skipped a malformed stored record',
    );
    return undefined;
  }

  async get(key: string): Promise<T | undefined> {
    checkKey(this.name, key);
    const raw = await this.run('get', (ns) => ns.keyv.get(key) as Promise<unknown>);
    return raw === undefined ? undefined : this.validate(key, raw);
  }

  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    checkKey(this.name, key);
    if (ttlMs !== undefined && !this.options.expiring) throw new Error(`collection ${this.name} is listed and cannot hold expiring entries`);
    const checked = this.schema.parse(value);
    const ok = await this.run('set', (ns) => ns.keyv.set(key, checked, ttlMs));
    if (!ok) throw new StoreUnavailableError(new Error(`store set in ${this.name} was not acknowledged`));
  }

  async delete(key: string): Promise<void> {
    checkKey(this.name, key);
    await this.run('delete', (ns) => ns.keyv.delete(key));
  }

  async list(prefix = ''): Promise<Array<{ key: string; value: T }>> {
    if (this.options.expiring) throw new Error(`collection ${this.name} holds expiring entries and cannot be listed`);
    const ns = (() => {
      try {
        return this.open();
      } catch (err) {
        throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
      }
    })();
    const seen = new Map<string, T>();
    const iterator = ns.scan(prefix)[Symbol.asyncIterator]();
    const limit = this.state.backend.timeoutMs;
    try {
      for (;;) {
        // Each page is bounded, not the whole listing: a long register is slow, not down.
        const step = await bounded(iterator.next(), limit, `list page in ${this.name}`);
        if (step.done) break;
        const [key, raw] = step.value;
        if (!key.startsWith(prefix) || seen.has(key)) continue;
        const envelope = readScanned(raw, ns.deserialize);
        if (!envelope) continue;
        if (typeof envelope.expires === 'number' && envelope.expires < Date.now()) continue;
        const value = this.validate(key, envelope.value);
        if (value !== undefined) seen.set(key, value);
      }
    } catch (err) {
      void Promise.resolve(iterator.return?.()).catch(() => undefined);
      throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
    }
    return [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
  }
}

async function openBackend(options: KeyvStoreOptions): Promise<Backend> {
  const kind = storeKindOf(options.url);
  const timeouts = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  switch (kind) {
    case 'sqlite':
      return openSqliteBackend(options.url);
    case 'redis':
      return openRedisBackend(options.url, { logger: options.logger, ...timeouts });
    case 'postgres':
      return openPostgresBackend(options.url, { logger: options.logger, ...timeouts });
    default:
      throw new Error(`unsupported store URL ${redactUrl(options.url)}`);
  }
}

export async function openKeyvStore(options: KeyvStoreOptions): Promise<Store> {
  const prefix = options.namespacePrefix ?? '';
  if (!PREFIX_PATTERN.test(prefix)) throw new Error('namespacePrefix may only contain a-z, 0-9 and -');
  const backend = await openBackend(options);
  const state: StoreState = { backend, logger: options.logger, closed: false };
  const collections = new Map<string, Collection<unknown>>();

  return {
    kind: backend.kind,
    description: `${backend.kind} ${redactUrl(options.url)}`,
    collection<S extends z.ZodType>(name: string, schema: S, collectionOptions: CollectionOptions = {}) {
      if (!NAME_PATTERN.test(name)) throw new Error(`invalid collection name ${name}`);
      const existing = collections.get(name);
      if (existing) return existing as Collection<z.output<S>>;
      const created = new KeyvCollection<z.output<S>>(name, `${prefix}${name}`, schema as z.ZodType<z.output<S>>, collectionOptions, state);
      collections.set(name, created as Collection<unknown>);
      return created;
    },
    async ping() {
      if (state.closed) throw new StoreUnavailableError(new Error('the store is closed'));
      try {
        await bounded(backend.ping(), backend.timeoutMs, 'ping');
      } catch (err) {
        throw new StoreUnavailableError(err);
      }
    },
    async close() {
      if (state.closed) return;
      state.closed = true;
      await backend.close();
    },
  };
}
