import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyvSqlite } from '@keyv/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import { describeStoreContract, fakeLogger, recordSchema } from './store-contract.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'annex-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('SQLite', {
  async fresh() {
    const dir = freshDir();
    return { url: `sqlite://${join(dir, 'db.sqlite')}`, namespacePrefix: '', cleanup: async () => undefined };
  },
  async writeRaw(place, collection, key, text) {
    const adapter = new KeyvSqlite({ uri: place.url, table: 'annex' });
    await adapter.set(`${place.namespacePrefix}${collection}:${key}`, text);
    await adapter.disconnect();
  },
  unreachableUrl() {
    // A regular file where a folder should be: SQLite cannot open the database below it.
    const dir = freshDir();
    writeFileSync(join(dir, 'not-a-folder'), '');
    return `sqlite://${join(dir, 'not-a-folder', 'db.sqlite')}`;
  },
});

describe('keyv store on SQLite: the file', () => {
  it('keeps records across a reopen of the same file (rows keyed <namespace>:<key>)', async () => {
    const url = `sqlite://${join(freshDir(), 'db.sqlite')}`;
    const first = await openKeyvStore({ url, logger: fakeLogger() });
    await first.collection('risks', recordSchema).set('T1/R-1', { id: 'R-1', n: 1 });
    await first.close();

    const adapter = new KeyvSqlite({ uri: url, table: 'annex' });
    const rows = (await adapter.query('SELECT key FROM annex')) as Array<{ key: string }>;
    await adapter.disconnect();
    expect(rows.map((r) => r.key)).toEqual(['risks:T1/R-1']);

    const second = await openKeyvStore({ url, logger: fakeLogger() });
    expect(await second.collection('risks', recordSchema).list()).toEqual([{ key: 'T1/R-1', value: { id: 'R-1', n: 1 } }]);
    await second.close();
  });

  it('reports a file it cannot open as StoreUnavailableError from ping', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'not-a-folder'), '');
    const broken = await openKeyvStore({ url: `sqlite://${join(dir, 'not-a-folder', 'db.sqlite')}`, logger: fakeLogger() });
    await expect(broken.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await broken.close();
  });

  it('refuses a namespace prefix outside a-z, 0-9 and -', async () => {
    await expect(openKeyvStore({ url: `sqlite://${join(freshDir(), 'db.sqlite')}`, logger: fakeLogger(), namespacePrefix: 'Bad_' })).rejects.toThrow(/namespacePrefix/);
  });
});
