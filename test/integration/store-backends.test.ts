/**
 * The store contract (test/store/store-contract.ts) on the real Redis and PostgreSQL servers
 * started by scripts/services.sh. Every test works under its own namespace prefix and removes
 * its keys afterwards, so runs and parallel test files never see each other's records.
 */
import { describe } from 'vitest';
import { describeStoreContract } from '../store/store-contract.js';
import { cleanPostgres, cleanRedis, freePort, POSTGRES_URL, probePostgres, probeRedis, rawPostgres, rawRedis, REDIS_URL, skipLoudly, uniquePrefix } from './services.js';

const redis = await probeRedis();
const postgres = await probePostgres();
// A port that was free a moment ago: nothing listens there.
const unusedPort = await freePort();

describe('Redis', () => {
  if (!redis.ok) return skipLoudly(`Redis store contract (${REDIS_URL})`, redis.reason);
  describeStoreContract('Redis', {
    async fresh() {
      const namespacePrefix = uniquePrefix();
      return { url: REDIS_URL, namespacePrefix, cleanup: () => cleanRedis(namespacePrefix) };
    },
    async writeRaw(place, collection, key, text) {
      const client = await rawRedis();
      try {
        await client.set(`${place.namespacePrefix}${collection}::${key}`, text);
      } finally {
        client.destroy();
      }
    },
    unreachableUrl: () => `redis://127.0.0.1:${unusedPort}`,
  });
});

describe('PostgreSQL', () => {
  if (!postgres.ok) return skipLoudly(`PostgreSQL store contract (${POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')})`, postgres.reason);
  describeStoreContract('PostgreSQL', {
    async fresh() {
      const namespacePrefix = uniquePrefix();
      return { url: POSTGRES_URL, namespacePrefix, cleanup: () => cleanPostgres(namespacePrefix) };
    },
    async writeRaw(place, collection, key, text) {
      const client = await rawPostgres();
      try {
        await client.query('INSERT INTO annex (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
          `${place.namespacePrefix}${collection}:${key}`,
          text,
        ]);
      } finally {
        await client.end();
      }
    },
    unreachableUrl: () => `postgres://annex:annex@127.0.0.1:${unusedPort}/annex`,
  });
});
