/**
 * Redis through `@keyv/redis`: one client for the whole store (each namespace's adapter shares
 * it), keys stored as `<namespace>::<key>` (the adapter's own prefix; keyv's is turned off, as
 * `@keyv/redis`'s `createKeyv` does).
 *
 * Never hang, never crash, always come back:
 * - `disableOfflineQueue`: while the connection is down a command fails at once instead of
 *   waiting in a queue until the server returns;
 * - the reconnect strategy retries for ever with a short capped backoff, so the store recovers by
 *   itself when the server comes back;
 * - node-redis's command timeout only covers commands still queued; a server that accepts a
 *   command and never answers is bounded by the store's per-operation timeout (`keyv-store.ts`);
 * - the client's 'error' events always have a listener (an unheard one would end the process).
 */
import KeyvRedis, { createClient } from '@keyv/redis';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';
import type { Backend, BackendNamespace } from './backend.js';

const SEPARATOR = '::';
const SCAN_COUNT = 1000;
const MAX_RECONNECT_DELAY_MS = 1000;

/** Escapes Redis glob characters so a key prefix matches only itself. */
function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

interface RedisCommands {
  isReady: boolean;
  isOpen: boolean;
  ping(): Promise<string>;
  scan(cursor: string, options: { MATCH: string; COUNT: number; TYPE: string }): Promise<{ cursor: string | number; keys: string[] }>;
  mGet(keys: string[]): Promise<Array<string | null>>;
  close(): Promise<void>;
  destroy(): void;
}

export async function openRedisBackend(url: string, options: { logger: Logger; timeoutMs?: number }): Promise<Backend> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const logger = options.logger;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: timeoutMs },
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  });
  // Every namespace's adapter adds its own listeners to the shared client.
  client.setMaxListeners(200);

  let state: 'connecting' | 'ready' | 'lost' = 'connecting';
  client.on('error', (err: unknown) => {
    if (state === 'ready') {
      state = 'lost';
      logger.warn({ store: 'redis', err: errorText(err) }, 'store connection lost; reconnecting');
    } else {
      logger.debug({ store: 'redis', err: errorText(err) }, 'store connection attempt failed');
    }
  });
  client.on('ready', () => {
    if (state === 'lost') logger.info({ store: 'redis' }, 'store connection restored');
    state = 'ready';
  });

  const connecting = client.connect().catch((err: unknown) => {
    logger.warn({ store: 'redis', err: errorText(err) }, 'store connection gave up');
  });
  // Give the first connection a moment, so the first request does not fail for nothing; after
  // that, requests fail fast while the server is away.
  await Promise.race([connecting, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  if (state === 'connecting') {
    state = 'lost';
    logger.warn({ store: 'redis' }, 'store not reachable yet; requests fail until it is, retrying in the background');
  }

  const commands = client as unknown as RedisCommands;

  return {
    kind: 'redis',
    // A little above the connect timeout, so a slow connect reports its own error first.
    timeoutMs: timeoutMs + 500,
    open(namespace): BackendNamespace {
      const adapter = new KeyvRedis(client as never, { throwOnErrors: true, throwOnConnectError: true });
      const keyv = new Keyv({ store: adapter, namespace, useKeyPrefix: false, throwOnErrors: true });
      const stored = `${namespace}${SEPARATOR}`;
      return {
        keyv,
        async *scan(prefix) {
          let cursor = '0';
          do {
            const page = await commands.scan(cursor, { MATCH: `${globEscape(stored + prefix)}*`, COUNT: SCAN_COUNT, TYPE: 'string' });
            cursor = String(page.cursor);
            if (page.keys.length === 0) continue;
            const values = await commands.mGet(page.keys);
            for (const [i, key] of page.keys.entries()) {
              if (key.startsWith(stored)) yield [key.slice(stored.length), values[i] ?? undefined];
            }
          } while (cursor !== '0');
        },
      };
    },
    async ping() {
      await commands.ping();
    },
    async close() {
      if (!commands.isOpen) return;
      try {
        await Promise.race([
          commands.close(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('close timed out')), timeoutMs).unref()),
        ]);
      } catch {
        try {
          commands.destroy();
        } catch {
          // Already closed.
        }
      }
    },
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
