/**
 * Two real bot processes on one real Redis (scripts/services.sh): see two-process-suite.ts.
 * Skips, loudly, only when the server cannot be reached.
 */
import { describe } from 'vitest';
import { describeTwoProcesses } from './two-process-suite.js';
import { probeRedis, rawRedis, REDIS_URL, skipLoudly } from './services.js';

const probe = await probeRedis();

if (!probe.ok) {
  describe('two bot processes sharing one redis store', () => skipLoudly('Two bot processes on Redis', probe.reason));
} else {
  describeTwoProcesses({
    name: 'redis',
    url: REDIS_URL,
    async cleanup(workspaces) {
      const client = await rawRedis();
      try {
        for (const ws of workspaces) {
          let cursor = '0';
          do {
            const page = await client.scan(cursor, { MATCH: `*${ws}*`, COUNT: 1000 });
            cursor = String(page.cursor);
            if (page.keys.length) await client.unlink(page.keys);
          } while (cursor !== '0');
        }
      } finally {
        client.destroy();
      }
    },
  });
}
