/**
 * Benchmark section: risk writes through the register (src/risks/register.ts) on each store
 * backend, with a zero-lost-writes check.
 *
 * For SQLite (a temporary file), Redis and PostgreSQL (scripts/services.sh; left out, with a note,
 * when they do not answer), 50 writers at a time create risks the way `/risk add` does (with the
 * delivery's idempotency key):
 * - "controls given": the store path alone (id claim, creation record, request record);
 * - "as typed": no controls, so each write also ranks suggested controls from the knowledge base.
 * Then it counts what was written, straight from the store (every creation record of the run's
 * workspace) and through the register's own list: every write acknowledged must be there, once,
 * under the id its write returned. Redis and PostgreSQL runs use a namespace prefix of their own
 * and are removed afterwards. Bounded: a fixed number of writes per row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCoreConfig } from '../src/config.js';
import { loadKnowledge, type KnowledgeBase } from '../src/knowledge/load.js';
import { buildSearch, type KnowledgeSearch } from '../src/knowledge/search.js';
import { silentLogger } from '../src/logger.js';
import { createRiskRegister, scopeOf } from '../src/risks/register.js';
import type { RiskActor } from '../src/risks/register-port.js';
import { riskCreatedSchema } from '../src/risks/risk.js';
import { openKeyvStore } from '../src/store/keyv-store.js';
import { cleanPostgres, cleanRedis, POSTGRES_URL, probePostgres, probeRedis, REDIS_URL, uniquePrefix } from '../test/integration/services.js';
import type { BenchResult, BenchSection } from './run.js';

const CONCURRENCY = 50;
const VARIANTS = [
  { name: 'controls given', writes: 1000, controls: true },
  { name: 'as typed (controls suggested)', writes: 300, controls: false },
] as const;

interface Backend {
  name: string;
  url: string;
  prefix: string;
  cleanup(): Promise<void>;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
}

async function backends(notes: string[]): Promise<Backend[]> {
  const dir = mkdtempSync(join(tmpdir(), 'annex-bench-store-'));
  const out: Backend[] = [{ name: 'SQLite (file)', url: `sqlite://${join(dir, 'bench.sqlite')}`, prefix: '', cleanup: async () => rmSync(dir, { recursive: true, force: true }) }];
  const redis = await probeRedis();
  if (redis.ok) {
    const prefix = uniquePrefix();
    out.push({ name: 'Redis', url: REDIS_URL, prefix, cleanup: () => cleanRedis(prefix) });
  } else notes.push(`Redis left out: ${redis.reason} (start it with: bash scripts/services.sh start).`);
  const pg = await probePostgres();
  if (pg.ok) {
    const prefix = uniquePrefix();
    out.push({ name: 'PostgreSQL', url: POSTGRES_URL, prefix, cleanup: () => cleanPostgres(prefix) });
  } else notes.push(`PostgreSQL left out: ${pg.reason} (start it with: bash scripts/services.sh start).`);
  return out;
}

interface RunFigures {
  perSecond: number;
  p50: number;
  p99: number;
  acknowledged: number;
  stored: number;
  listed: number;
  lost: number;
  duplicates: number;
  failed: number;
}

async function writeRisks(backend: Backend, kb: KnowledgeBase, search: KnowledgeSearch, variant: (typeof VARIANTS)[number], run: number): Promise<RunFigures> {
  const store = await openKeyvStore({ url: backend.url, logger: silentLogger, ...(backend.prefix ? { namespacePrefix: backend.prefix } : {}) });
  try {
    const register = createRiskRegister({ store, knowledge: kb, search, config: loadCoreConfig({}), clock: () => new Date() });
    const actor: RiskActor = { platform: 'slack', workspace: `TBENCH${run}`, userId: 'U0BENCH', userName: 'Bench' };
    const titles = ['Laptops are not encrypted', 'Backups are never test-restored', 'Supplier has no security review', 'Admin accounts lack MFA', 'Model drift is not monitored'];
    const done = new Map<number, string>();
    const times: number[] = [];
    let failed = 0;
    let next = 0;
    const started = performance.now();
    const writer = async () => {
      while (next < variant.writes) {
        const i = next++;
        const t0 = performance.now();
        try {
          const { risk } = await register.create(
            actor,
            { title: `${titles[i % titles.length]} #${i}`, likelihood: (i % 5) + 1, impact: ((i >> 1) % 5) + 1, ...(variant.controls ? { controls: ['27001:A.8.24'] } : {}), origin: { platform: 'slack', workspace: actor.workspace, channel: 'C0BENCH', source: 'command' } },
            `risk-add:bench-${run}-${i}`,
          );
          done.set(i, risk.id);
        } catch {
          failed += 1;
        }
        times.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, writer));
    const wall = performance.now() - started;

    // Count what was written, two ways: the raw creation records, and the register's list.
    const stored = await store.collection('risks', riskCreatedSchema).list(`${scopeOf(actor)}/`);
    const listed = await register.list(actor);
    const storedById = new Map(stored.map((r) => [r.value.id, r.value.fields.title]));
    let lost = 0;
    for (const [i, id] of done) if (storedById.get(id) !== `${titles[i % titles.length]} #${i}`) lost += 1;
    return {
      perSecond: (done.size / wall) * 1000,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      acknowledged: done.size,
      stored: stored.length,
      listed: listed.length,
      lost,
      // More records than acknowledged writes would mean a write stored twice.
      duplicates: Math.max(0, stored.length - done.size),
      failed,
    };
  } finally {
    await store.close();
  }
}

const section: BenchSection = {
  title: 'Risk register writes per second on each store (50 concurrent writers, zero-lost-writes check)',
  async run(): Promise<BenchResult> {
    const notes: string[] = [];
    const kb = loadKnowledge({ root: resolve('knowledge'), organizationDir: resolve('knowledge/organization') });
    const search = buildSearch(kb);
    const rows: Array<Array<string | number>> = [];
    let totalLost = 0;
    let run = Date.now() % 100_000;
    for (const backend of await backends(notes)) {
      try {
        for (const variant of VARIANTS) {
          const f = await writeRisks(backend, kb, search, variant, (run += 1));
          totalLost += f.lost + f.failed + f.duplicates + (f.listed === f.acknowledged ? 0 : 1);
          rows.push([backend.name, variant.name, variant.writes, f.perSecond, f.p50, f.p99, f.acknowledged, f.stored, f.listed, f.lost, f.duplicates]);
        }
      } finally {
        await backend.cleanup().catch((err: unknown) => notes.push(`cleanup of ${backend.name} failed: ${String(err)}`));
      }
    }
    return {
      tables: [
        {
          title: 'Risk writes through the register',
          columns: ['store', 'writes', 'n', 'writes/s', 'p50 ms', 'p99 ms', 'acknowledged', 'stored', 'listed', 'lost', 'duplicates'],
          rows,
          notes: [
            'acknowledged: create() returned an id; stored: creation records found in the store afterwards; listed: what /risk list sees.',
            `Target: zero lost writes: ${totalLost === 0 ? 'met' : `NOT met (${totalLost} lost, failed or unaccounted)`}.`,
          ],
        },
      ],
      notes,
    };
  },
};

export default section;
