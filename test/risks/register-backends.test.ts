/**
 * The register's no-lost-entry guarantees on the real Redis and PostgreSQL servers (started by
 * scripts/services.sh), with two store instances sharing one server as two bot instances would:
 * clashing ids, concurrent updates and duplicate deliveries. Each run uses its own namespace prefix
 * and removes its keys afterwards. Skips loudly when a server is not reachable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadCoreConfig } from '../../src/config.js';
import { buildSearch } from '../../src/knowledge/search.js';
import { silentLogger } from '../../src/logger.js';
import { createRiskRegister, type RiskRegister } from '../../src/risks/register.js';
import type { RiskActor } from '../../src/risks/register-port.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { testKnowledge } from '../helpers/app.js';
import { cleanPostgres, cleanRedis, POSTGRES_URL, probePostgres, probeRedis, REDIS_URL, skipLoudly, uniquePrefix } from '../integration/services.js';

const knowledge = testKnowledge();
const search = buildSearch(knowledge);
const sam: RiskActor = { platform: 'teams', workspace: 'tenant-1', userId: 'sam', userName: 'Sam' };

const backends = [
  { name: 'Redis', url: REDIS_URL, probe: await probeRedis(), clean: cleanRedis },
  { name: 'PostgreSQL', url: POSTGRES_URL, probe: await probePostgres(), clean: cleanPostgres },
];

for (const backend of backends) {
  describe(`risk register on ${backend.name}`, () => {
    if (!backend.probe.ok) return skipLoudly(`risk register on ${backend.name}`, backend.probe.reason);

    let stores: Store[] = [];
    let prefix = '';
    /** Two instances (stores and registers) on one server and namespace. */
    async function twoInstances(idLength?: number): Promise<[RiskRegister, RiskRegister]> {
      prefix = uniquePrefix();
      stores = await Promise.all([0, 1].map(() => openKeyvStore({ url: backend.url, logger: silentLogger, namespacePrefix: prefix })));
      const make = (store: Store) => createRiskRegister({ store, knowledge, search, config: loadCoreConfig({}), clock: () => new Date() }, idLength ? { idLength } : {});
      return [make(stores[0]!), make(stores[1]!)];
    }
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await backend.clean(prefix);
    });

    it('keeps 60 risks added at once through two instances, each with its own id, even with one-character ids', async () => {
      const [a, b] = await twoInstances(1);
      const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).add(sam, { title: `Shared ${i}`, controls: ['A.5.1'] }).then((r) => r.id)));

      expect(new Set(ids).size).toBe(60);
      expect((await a.list(sam)).map((r) => r.title).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `Shared ${i}`).sort());
    });

    it('keeps every one of 20 concurrent updates from two instances in the history', async () => {
      const [a, b] = await twoInstances();
      const { id } = await a.add(sam, { title: 'Busy', controls: ['A.5.1'] });
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).update(sam, id, { treatmentPlan: `step ${i}` })));

      const history = (await b.get(sam, id))!.history.filter((h) => h.type === 'update');
      expect(history.map((h) => h.changes[0]!.to).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `step ${i}`).sort());
    });

    it('creates one risk when both instances get the same event at once', async () => {
      const [a, b] = await twoInstances();
      const [x, y] = await Promise.all([a.create(sam, { title: 'Duplicate delivery' }, 'evt-1'), b.create(sam, { title: 'Duplicate delivery' }, 'evt-1')]);

      expect(x.risk.id).toBe(y.risk.id);
      expect(await a.list(sam)).toHaveLength(1);
    });
  });
}
