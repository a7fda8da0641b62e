/**
 * Two real bot processes on one real PostgreSQL (scripts/services.sh): see two-process-suite.ts.
 * Skips, loudly, only when the server cannot be reached.
 */
import { describe } from 'vitest';
import { describeTwoProcesses } from './two-process-suite.js';
import { POSTGRES_URL, probePostgres, rawPostgres, skipLoudly } from './services.js';

const probe = await probePostgres();

if (!probe.ok) {
  describe('two bot processes sharing one postgres store', () => skipLoudly('Two bot processes on PostgreSQL', probe.reason));
} else {
  describeTwoProcesses({
    name: 'postgres',
    url: POSTGRES_URL,
    async cleanup(workspaces) {
      const client = await rawPostgres();
      try {
        for (const ws of workspaces) await client.query('DELETE FROM annex WHERE key LIKE $1', [`%${ws}%`]);
      } finally {
        await client.end();
      }
    },
  });
}
