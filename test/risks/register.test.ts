/**
 * The register service over a real SQLite file: storage shape, ids, idempotency, concurrency,
 * restart, workspace isolation, permissions and the life cycle (update, accept, close, undo).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createRiskRegister, scopeOf, type RiskRegister } from '../../src/risks/register.js';
import type { RiskActor } from '../../src/risks/register-port.js';
import { riskCreatedSchema, riskEventSchema, riskIdClaimSchema } from '../../src/risks/risk.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const actor = (userId: string, workspace = 'T1', platform: RiskActor['platform'] = 'slack'): RiskActor => ({ platform, workspace, userId, userName: userId.replace(/^U-/, '') });
const sam = actor('U-sam');
const alex = actor('U-alex');
const mallory = actor('U-mallory');

/** The error code a promise rejects with. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'resolved';
}

let app: TestApp;
let register: RiskRegister;
beforeEach(async () => {
  app = await createTestApp({ env: { ANNEX_RISK_ADMINS: 'T1:U-admin' } });
  register = createRiskRegister(app.bot.deps);
});
afterEach(async () => {
  await app.dispose();
});

describe('creating risks', () => {
  it('stores the risk at once under one key, with a short id, reporter, origin and rating', async () => {
    const { risk, created } = await register.create(sam, {
      title: '  Laptops   are not encrypted ',
      likelihood: 4,
      impact: 4,
      owner: { id: 'U-alex', name: 'Alex' },
      controls: ['A.8.1', '8.24'],
      origin: { platform: 'slack', workspace: 'T1', channel: 'C1', messageLink: 'https://x.slack.com/archives/C1/p1' },
    });

    expect(created).toBe(true);
    expect(risk.id).toMatch(/^R-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/);
    const stored = await app.store.collection('risks', riskCreatedSchema).get(`${scopeOf(sam)}/${risk.id}`);
    expect(stored?.fields).toMatchObject({ title: 'Laptops are not encrypted', likelihood: 4, impact: 4, controls: ['27001:A.8.1', '27001:A.8.24'], standards: ['27001'], status: 'open' });
    expect(stored?.reporter).toEqual({ id: 'U-sam', name: 'sam' });
    expect(stored?.origin).toEqual({ platform: 'slack', workspace: 'T1', channel: 'C1', messageLink: 'https://x.slack.com/archives/C1/p1' });
    expect(risk.rating).toEqual({ score: 16, level: 'high' });
    expect(risk.createdAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('suggests controls from the knowledge base only when none were given', async () => {
    const { risk: open } = await register.create(sam, { title: 'Laptops are not encrypted' });
    const { risk: linked } = await register.create(sam, { title: 'Laptops are not encrypted', controls: ['27001:A.8.1'] });

    expect(open.suggestedControls.length).toBeGreaterThan(0);
    expect(open.suggestedControls.some((r) => r === '27001:A.8.1' || r === '27001:A.8.24')).toBe(true);
    expect(linked.suggestedControls).toEqual([]);
  });

  it('returns the same risk for a retried delivery of the same event, also when both arrive at once', async () => {
    const first = await register.create(sam, { title: 'Vendor has no SOC 2 report' }, 'evt-1');
    const again = await register.create(sam, { title: 'Vendor has no SOC 2 report' }, 'evt-1');
    const together = await Promise.all(Array.from({ length: 5 }, () => register.create(sam, { title: 'Backups untested' }, 'evt-2')));

    expect(again).toMatchObject({ created: false });
    expect(again.risk.id).toBe(first.risk.id);
    expect(new Set(together.map((t) => t.risk.id)).size).toBe(1);
    expect((await register.list(sam)).map((r) => r.title).sort()).toEqual(['Backups untested', 'Vendor has no SOC 2 report']);
  });

  it('keeps the same event id apart in two workspaces', async () => {
    const a = await register.create(sam, { title: 'Risk in T1' }, 'evt-1');
    const b = await register.create(actor('U-sam', 'T2'), { title: 'Risk in T2' }, 'evt-1');

    expect(b.created).toBe(true);
    expect((await register.get(actor('U-sam', 'T2'), b.risk.id))?.title).toBe('Risk in T2');
    expect((await register.get(sam, a.risk.id))?.title).toBe('Risk in T1');
  });

  it('gives every risk its own id when ids clash (one-character ids, 40 adds at once)', async () => {
    const tiny = createRiskRegister(app.bot.deps, { idLength: 1 });
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => tiny.add(sam, { title: `Clash test ${i}`, controls: ['A.5.1'] }).then((r) => r.id)));
    const listed = await tiny.list(sam);

    expect(new Set(ids).size).toBe(40);
    expect(listed).toHaveLength(40);
    expect(listed.map((r) => r.title).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `Clash test ${i}`).sort());
    // 29 one-character ids cannot hold 40 risks: some moved to longer ids rather than overwrite.
    expect(ids.some((id) => id.length > 3)).toBe(true);
    const claims = await app.store.collection('risk-ids', riskIdClaimSchema).list(`${scopeOf(sam)}/`);
    expect(claims.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses bad input and stores nothing', async () => {
    expect(await codeOf(register.add(sam, { title: 'x'.repeat(10_000) }))).toBe('TOO_LONG');
    expect(await codeOf(register.add(sam, { title: 'Fine title', likelihood: 9 }))).toBe('BAD_INPUT');
    expect(await codeOf(register.add(sam, { title: 'Fine title', controls: ['A.5.99'] }))).toBe('BAD_INPUT');
    expect(await codeOf(register.add(sam, { title: 'Fine title', controls: ['topic:certification-cost'] }))).toBe('BAD_INPUT');
    expect(await codeOf(register.add(sam, { title: 'Fine title', due: '2026-02-30' }))).toBe('BAD_INPUT');
    expect(await codeOf(register.add(sam, { title: '  ' }))).toBe('BAD_INPUT');

    expect(await register.list(sam)).toEqual([]);
  });

  it('stores markup as the plain text that was typed', async () => {
    const { risk } = await register.create(sam, { title: '<!channel> *urgent* <https://evil.example|bank>', description: 'a & b < c' });

    expect((await register.get(sam, risk.id))?.title).toBe('<!channel> *urgent* <https://evil.example|bank>');
    expect((await register.get(sam, risk.id))?.description).toBe('a & b < c');
  });

  it('files a risk in the actor\'s workspace whatever origin the caller passes', async () => {
    const { risk } = await register.create(sam, { title: 'Origin test', origin: { platform: 'teams', workspace: 'OTHER', channel: 'C9' } });

    expect(risk.origin).toMatchObject({ platform: 'slack', workspace: 'T1', channel: 'C9' });
    expect(await register.list(actor('U-sam', 'OTHER', 'teams'))).toEqual([]);
  });
});

describe('reading risks', () => {
  it('finds a risk by id however it is typed', async () => {
    const { id } = await register.add(sam, { title: 'Typed ids' });
    const body = id.slice(2);

    for (const typed of [id, id.toLowerCase(), `R${body}`, body, `#${id}`]) expect((await register.get(sam, typed))?.id).toBe(id);
    expect(await register.get(sam, 'R-0000')).toBeUndefined();
  });

  it('never shows one workspace\'s risks to another, even when workspace ids share a prefix', async () => {
    const { id } = await register.add(actor('U-sam', 'T1'), { title: 'Only in T1' });
    await register.add(actor('U-sam', 'T1/evil'), { title: 'Only in T1/evil' });
    await register.add(actor('U-sam', 'T10'), { title: 'Only in T10' });

    expect((await register.list(actor('U-x', 'T1'))).map((r) => r.title)).toEqual(['Only in T1']);
    expect((await register.list(actor('U-x', 'T10'))).map((r) => r.title)).toEqual(['Only in T10']);
    expect(await register.get(actor('U-x', 'T2'), id)).toBeUndefined();
    expect(await register.get(actor('U-x', 'T1', 'teams'), id)).toBeUndefined();
  });

  it('survives a restart: a new app on the same file has the risk and its history', async () => {
    const { id } = await register.add(sam, { title: 'Survives restart', likelihood: 2, impact: 3 });
    await register.update(sam, id, { likelihood: 4 });
    const dir = app.dir;
    await app.close();

    const again = await createTestApp({ dir });
    try {
      const risk = await createRiskRegister(again.bot.deps).get(sam, id);
      expect(risk).toMatchObject({ title: 'Survives restart', likelihood: 4, impact: 3 });
      expect(risk?.history.map((h) => h.type)).toEqual(['create', 'update']);
    } finally {
      await again.close();
    }
    // The afterEach dispose closes a closed store (a no-op) and removes the folder.
  });
});

describe('changing risks', () => {
  it('appends every change as its own event and folds the current state from them', async () => {
    const { id } = await register.add(sam, { title: 'Folded', likelihood: 3, impact: 3 });
    app.setNow(new Date('2026-11-28T10:05:00Z'));
    const { risk, changed } = await register.update(sam, id, { likelihood: 4, owner: { id: 'U-alex', name: 'Alex' }, impact: 3 });

    expect(changed.sort()).toEqual(['likelihood', 'owner']);
    expect(risk).toMatchObject({ likelihood: 4, owner: { id: 'U-alex', name: 'Alex' }, updatedAt: '2026-11-28T10:05:00.000Z' });
    const events = await app.store.collection('risk-events', riskEventSchema).list(`${scopeOf(sam)}/${id}/`);
    expect(events).toHaveLength(1);
    expect(events[0]!.value).toMatchObject({ type: 'update', set: { likelihood: 4 }, from: { likelihood: 3, owner: null }, by: { id: 'U-sam' } });
    expect(risk.history[1]!.changes).toContainEqual({ field: 'likelihood', from: 3, to: 4 });
  });

  it('keeps all of 30 concurrent updates to one risk in its history', async () => {
    const { id } = await register.add(sam, { title: 'Busy risk', owner: { id: 'U-alex', name: 'Alex' } });
    const admin = actor('U-admin');
    const who = [sam, alex, admin];
    await Promise.all(Array.from({ length: 30 }, (_, i) => register.update(who[i % 3]!, id, { treatmentPlan: `step ${i}` })));
    const risk = (await register.get(sam, id))!;

    const updates = risk.history.filter((h) => h.type === 'update');
    expect(updates).toHaveLength(30);
    expect(updates.map((h) => h.changes[0]!.to).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `step ${i}`).sort());
    expect(new Set(updates.map((h) => h.by.id))).toEqual(new Set(['U-sam', 'U-alex', 'U-admin']));
  });

  it('writes a retried update once', async () => {
    const { id } = await register.add(sam, { title: 'Retried update' });
    // The retry arrives while the first delivery is still in flight, so both see a change to make
    // and only the idempotency key keeps them to one stored event (without a key there are two).
    // A retry after the first has landed changes nothing, so by itself it proves nothing.
    await Promise.all([register.update(sam, id, { impact: 5 }, 'evt-9'), register.update(sam, id, { impact: 5 }, 'evt-9')]);
    await register.update(sam, id, { impact: 5 }, 'evt-9');

    expect(await app.store.collection('risk-events', riskEventSchema).list(`${scopeOf(sam)}/${id}/`)).toHaveLength(1);
    const risk = (await register.get(sam, id))!;
    expect(risk.history.map((h) => h.type)).toEqual(['create', 'update']);
    expect(risk.impact).toBe(5);
  });

  it('does not reapply a retried update that arrives after a later change', async () => {
    const { id } = await register.add(sam, { title: 'Late retry' });
    await register.update(sam, id, { impact: 5 }, 'evt-late-1');
    await register.update(sam, id, { impact: 3 }, 'evt-late-2');
    await register.update(sam, id, { impact: 5 }, 'evt-late-1');

    const risk = (await register.get(sam, id))!;
    expect(risk.impact).toBe(3);
    expect(risk.history.map((h) => h.type)).toEqual(['create', 'update', 'update']);
  });

  it('changes nothing when every value is already so', async () => {
    const { id } = await register.add(sam, { title: 'Same values', likelihood: 2 });
    const { changed } = await register.update(sam, id, { likelihood: 2 });

    expect(changed).toEqual([]);
    expect((await register.get(sam, id))!.history).toHaveLength(1);
  });

  it('lets only the owner, the reporter or a risk admin change a risk, and says why not', async () => {
    const { id } = await register.add(sam, { title: 'Guarded', owner: { id: 'U-alex', name: 'Alex' }, likelihood: 2, impact: 2 });

    const denied = register.update(mallory, id, { likelihood: 5 });
    await expect(denied).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(denied).rejects.toThrow(/owner \(Alex\), the person who logged it \(sam\) or a risk admin/);
    expect(await codeOf(register.close(mallory, id, 'not mine'))).toBe('FORBIDDEN');
    expect(await codeOf(register.accept(mallory, id))).toBe('FORBIDDEN');
    // An admin of another workspace is not an admin here.
    expect(await codeOf(register.update(actor('U-admin', 'T2'), id, { likelihood: 5 }))).toBe('NOT_FOUND');

    expect((await register.update(alex, id, { likelihood: 3 })).changed).toEqual(['likelihood']);
    expect((await register.update(sam, id, { impact: 3 })).changed).toEqual(['impact']);
    expect((await register.update(actor('U-admin'), id, { due: '2027-01-31' })).changed).toEqual(['due']);
    expect((await register.get(sam, id))!.history.map((h) => h.role ?? '-')).toEqual(['-', 'owner', 'reporter', 'risk admin']);
  });

  it('records who accepted the residual risk, when, and what rating was accepted', async () => {
    const { id } = await register.add(sam, { title: 'Accept me', owner: { id: 'U-alex', name: 'Alex' }, likelihood: 4, impact: 4 });
    await register.update(alex, id, { residualLikelihood: 2, residualImpact: 3 });
    app.setNow(new Date('2026-12-01T09:30:00Z'));
    const risk = await register.accept(alex, id);

    expect(risk.status).toBe('accepted');
    expect(risk.acceptance).toEqual({ by: { id: 'U-alex', name: 'alex' }, role: 'owner', at: '2026-12-01T09:30:00.000Z', likelihood: 2, impact: 3, score: 6, level: 'Medium' });
    expect(await codeOf(register.accept(alex, id))).toBe('BAD_INPUT');
  });

  it('will not accept a risk that has no rating', async () => {
    const { id } = await register.add(sam, { title: 'Unrated' });

    await expect(register.accept(sam, id)).rejects.toThrow(/no rating yet/);
    expect((await register.get(sam, id))!.status).toBe('open');
  });

  it('closes with a reason, refuses a close without one, and reopens', async () => {
    const { id } = await register.add(sam, { title: 'Close me' });

    expect(await codeOf(register.close(sam, id, '   '))).toBe('BAD_INPUT');
    const closed = await register.close(sam, id, 'Encrypted with BitLocker');
    expect(closed.closure).toMatchObject({ by: { id: 'U-sam' }, reason: 'Encrypted with BitLocker' });
    expect(await register.list(sam)).toHaveLength(1);
    const reopened = await register.update(sam, id, { status: 'open' });
    expect(reopened.risk.status).toBe('open');
    expect(reopened.risk.closure).toBeUndefined();
    expect(reopened.risk.history.map((h) => h.type)).toEqual(['create', 'close', 'update']);
  });

  it('lets the reporter undo a risk just logged, keeps the record, and hides it from lists', async () => {
    const { id } = await register.add(sam, { title: 'Oops' });

    expect(await codeOf(register.undo(alex, id))).toBe('FORBIDDEN');
    const undone = await register.undo(sam, id);
    expect(undone.withdrawn).toMatchObject({ by: { id: 'U-sam' } });
    expect(await register.list(sam)).toEqual([]);
    expect((await register.list(sam, { includeWithdrawn: true })).map((r) => r.id)).toEqual([id]);
    expect(await codeOf(register.update(sam, id, { likelihood: 2 }))).toBe('NOT_FOUND');
  });

  it('refuses undo after the undo window or once someone else changed the risk', async () => {
    const { id: late } = await register.add(sam, { title: 'Too late' });
    const { id: touched } = await register.add(sam, { title: 'Touched', owner: { id: 'U-alex', name: 'Alex' } });
    await register.update(alex, touched, { likelihood: 2 });
    app.setNow(new Date('2026-11-28T10:16:00Z'));

    await expect(register.undo(sam, late)).rejects.toThrow(/more than 15 minutes ago/);
    app.setNow(new Date('2026-11-28T10:01:00Z'));
    await expect(register.undo(sam, touched)).rejects.toThrow(/alex has changed/);
  });
});
