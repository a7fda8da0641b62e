/**
 * The `Store` port over keyv: `@keyv/sqlite` (the embedded default), `@keyv/redis` or
 * `@keyv/postgres`, chosen by the URL. Each collection is its own keyv namespace (and, for SQLite
 * and PostgreSQL, its own adapter instance: keyv writes the namespace onto the adapter, so sharing
 * one adapter between namespaces would mix them up).
 *
 * Every backend failure surfaces as `StoreUnavailableError`, so callers can tell "not found" from
 * "the store is down" and the user is told to try again rather than shown an empty register.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type { z } from 'zod';
import { redactUrl, storeKindOf, type StoreKind } from '../config.js';
import { StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Collection, CollectionOptions, Store } from './store.js';

const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

export interface KeyvStoreOptions {
  url: string;
  logger: Logger;
}

type AdapterFactory = (namespace: string) => Promise<KeyvStoreAdapter>;

async function adapterFactory(url: string, kind: StoreKind): Promise<{ make: AdapterFactory; close: () => Promise<void> }> {
  const made: KeyvStoreAdapter[] = [];
  const closeAll = async () => {
    await Promise.allSettled(made.map((a) => (a as { disconnect?: () => Promise<void> }).disconnect?.()));
  };
  if (kind === 'sqlite') {
    const { KeyvSqlite } = await import('@keyv/sqlite');
    const file = url.replace(/^sqlite:\/\//, '');
    if (file !== ':memory:') {
      try {
        mkdirSync(dirname(resolve(file)), { recursive: true });
      } catch {
        // Reported as "store unavailable" on first use, like any other failure to open it.
      }
    }
    return {
      make: async () => {
        const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, table: 'annex', busyTimeout: 10_000, iterationLimit: 500 });
        // WAL lets several processes read while one writes; busyTimeout makes writers wait their turn.
        if (file !== ':memory:') await adapter.query('PRAGMA journal_mode=WAL');
        made.push(adapter);
        return adapter as unknown as KeyvStoreAdapter;
      },
      close: closeAll,
    };
  }
  if (kind === 'redis') {
    const { default: KeyvRedis } = await import('@keyv/redis');
    return {
      make: async () => {
        const adapter = new KeyvRedis(url, { throwOnConnectError: false, throwOnErrors: true, connectionTimeout: 2000 } as never);
        made.push(adapter as unknown as KeyvStoreAdapter);
        return adapter as unknown as KeyvStoreAdapter;
      },
      close: closeAll,
    };
  }
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  return {
    make: async () => {
      const adapter = new KeyvPostgres({ uri: url, table: 'annex' });
      made.push(adapter as unknown as KeyvStoreAdapter);
      return adapter as unknown as KeyvStoreAdapter;
    },
    close: closeAll,
  };
}

class KeyvCollection<T> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly keyv: Keyv,
    private readonly schema: z.ZodType<T>,
    private readonly options: CollectionOptions,
    private readonly logger: Logger,
  ) {}

  private validate(key: string, raw: unknown): T | undefined {
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.warn({ collection: this.name, key, issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) }, 'skipped a malformed stored record');
    return undefined;
  }

  async get(key: string): Promise<T | undefined> {
    let raw: unknown;
    try {
      raw = await this.keyv.get(key);
    } catch (err) {
      if (err instanceof SyntaxError) {
        this.logger.warn({ collection: this.name, key }, 'skipped a stored record that is not valid JSON');
        return undefined;
      }
      throw new StoreUnavailableError(err);
    }
    return raw === undefined ? undefined : this.validate(key, raw);
  }

  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    if (ttlMs !== undefined && !this.options.expiring) throw new Error(`collection ${this.name} is listed and cannot hold expiring entries`);
    const checked = this.schema.parse(value);
    let ok: boolean;
    try {
      ok = await this.keyv.set(key, checked, ttlMs);
    } catch (err) {
      throw new StoreUnavailableError(err);
    }
    if (!ok) throw new StoreUnavailableError();
  }

  async delete(key: string): Promise<void> {
    try {
      await this.keyv.delete(key);
    } catch (err) {
      throw new StoreUnavailableError(err);
    }
  }

  async list(prefix = ''): Promise<Array<{ key: string; value: T }>> {
    if (this.options.expiring) throw new Error(`collection ${this.name} holds expiring entries and cannot be listed`);
    const iterate = this.keyv.iterator;
    if (!iterate) throw new Error(`the store cannot list collection ${this.name}`);
    const out: Array<{ key: string; value: T }> = [];
    try {
      for await (const [key, raw] of iterate.call(this.keyv, undefined)) {
        if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
        const value = this.validate(key, raw);
        if (value !== undefined) out.push({ key, value });
      }
    } catch (err) {
      throw new StoreUnavailableError(err);
    }
    return out;
  }
}

export async function openKeyvStore(options: KeyvStoreOptions): Promise<Store> {
  const kind = storeKindOf(options.url);
  if (!kind) throw new Error(`unsupported store URL ${redactUrl(options.url)}`);
  const { make, close } = await adapterFactory(options.url, kind);
  const keyvs = new Map<string, Keyv>();
  const collections = new Map<string, Collection<unknown>>();
  const description = `${kind} ${redactUrl(options.url)}`;

  async function keyvFor(namespace: string): Promise<Keyv> {
    let k = keyvs.get(namespace);
    if (!k) {
      const adapter = await make(namespace);
      k = new Keyv({ store: adapter, namespace, throwOnErrors: true });
      // keyv re-emits adapter errors; an unheard 'error' event would crash the process.
      k.on('error', (err: unknown) => options.logger.warn({ namespace, err: String(err) }, 'store error'));
      keyvs.set(namespace, k);
    }
    return k;
  }

  // Adapters connect lazily; collections are created on first use, so open them eagerly here.
  const pending = new Map<string, Promise<Keyv>>();
  const lazyKeyv = (namespace: string): Promise<Keyv> => {
    let p = pending.get(namespace);
    if (!p) {
      p = keyvFor(namespace);
      pending.set(namespace, p);
    }
    return p;
  };

  const store: Store = {
    kind,
    description,
    collection<S extends z.ZodType>(name: string, schema: S, collectionOptions: CollectionOptions = {}) {
      if (!NAME_PATTERN.test(name)) throw new Error(`invalid collection name ${name}`);
      const existing = collections.get(name);
      if (existing) return existing as Collection<z.output<S>>;
      const deferred: Collection<z.output<S>> = {
        name,
        get: async (key) => (await real()).get(key),
        set: async (key, value, ttl) => (await real()).set(key, value, ttl),
        delete: async (key) => (await real()).delete(key),
        list: async (prefix) => (await real()).list(prefix),
      };
      let instance: KeyvCollection<z.output<S>> | undefined;
      const real = async () => {
        if (!instance) {
          let keyv: Keyv;
          try {
            keyv = await lazyKeyv(name);
          } catch (err) {
            pending.delete(name);
            throw new StoreUnavailableError(err);
          }
          instance = new KeyvCollection(name, keyv, schema as z.ZodType<z.output<S>>, collectionOptions, options.logger);
        }
        return instance;
      };
      collections.set(name, deferred as Collection<unknown>);
      return deferred;
    },
    async ping() {
      const k = await lazyKeyv('health').catch((err: unknown) => {
        pending.delete('health');
        throw new StoreUnavailableError(err);
      });
      try {
        await k.set('ping', Date.now());
        await k.get('ping');
      } catch (err) {
        throw new StoreUnavailableError(err);
      }
    },
    async close() {
      await Promise.allSettled([...keyvs.values()].map((k) => k.disconnect()));
      await close();
    },
  };
  return store;
}
