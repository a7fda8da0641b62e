/**
 * Two real bot processes on one SQLite file (the embedded default, shared on one host): see
 * two-process-suite.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTwoProcesses } from './two-process-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'annex-two-process-'));

describeTwoProcesses({
  name: 'sqlite',
  url: `sqlite://${join(dir, 'shared.sqlite')}`,
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});
