/**
 * The storage port. Everything the bot remembers goes through named collections of validated
 * records; the implementation (keyv over SQLite, Redis or PostgreSQL) is chosen by `STORE_URL`.
 *
 * Rules that keep concurrent writers from losing each other's work (keyv has no transactions):
 * - one key per record, never one shared document;
 * - changes are appended under new keys, and current state is folded from them;
 * - keys derived from the source event make retried deliveries rewrite, not duplicate;
 * - collections with expiring entries cannot be listed (expired rows break paging), so listed
 *   data and TTL data never share a collection.
 */
import type { z } from 'zod';
import type { StoreKind } from '../config.js';

/** How a collection is kept. */
export interface CollectionOptions {
  /** Entries expire; such a collection can be read by key but never listed. */
  expiring?: boolean;
}

/**
 * A named set of records validated by one zod schema. Every method rejects with
 * `StoreUnavailableError` when the backend is down or slow, so "absent" and "down" never look alike.
 */
export interface Collection<T> {
  readonly name: string;
  /** The record, or undefined when absent or malformed (malformed records are logged). */
  get(key: string): Promise<T | undefined>;
  /** Writes the record; `ttlMs` only in expiring collections. */
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Every valid record whose key starts with `prefix` (matched literally), in key order;
   * malformed ones are skipped and logged.
   */
  list(prefix?: string): Promise<Array<{ key: string; value: T }>>;
}

/** The store: collections by name (the same name gives the same collection), a health check, close. */
export interface Store {
  readonly kind: StoreKind;
  /** A description safe to log (no credentials). */
  readonly description: string;
  collection<S extends z.ZodType>(name: string, schema: S, options?: CollectionOptions): Collection<z.output<S>>;
  /** Resolves when the store answers; rejects with `StoreUnavailableError` otherwise (bounded, never hangs). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
