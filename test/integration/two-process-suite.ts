/**
 * Two bot processes sharing one store (issue 9): the same scenarios on every backend, each run by
 * its own test file (two-process-<backend>.test.ts) so vitest can run the backends side by side.
 *
 * - a gap check started on one process continues on the other (Slack and Teams);
 * - 500 concurrent risk logs, spread over both processes, give 500 distinct risks;
 * - the same Slack event (same event_id), delivered to both processes at once and then retried
 *   to both, creates one risk; the same Teams activity to both creates one risk;
 * - both processes stop cleanly on SIGTERM (exit code 0).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { scopeOf } from '../../src/risks/register.js';
import { riskCreatedSchema } from '../../src/risks/risk.js';
import { openKeyvStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { FakeSlackApi, type RecordedCall } from '../slack/fake-slack-api.js';
import { fakeConnector, type FakeConnector } from '../teams/helpers/fakes.js';
import {
  dmEnvelope,
  postActivity,
  postEvent,
  postSlash,
  questionNumber,
  replyAt,
  startPair,
  teamsMessage,
  textOf,
  uniqueTeam,
  type BotProcess,
  type Where,
} from './two-process-bots.js';

export interface TwoProcessBackend {
  /** `redis`, `postgres`, `sqlite`. */
  name: string;
  /** The STORE_URL both processes get. */
  url: string;
  /** Removes every key that mentions one of these workspace ids (after the tests). */
  cleanup(workspaces: string[]): Promise<void>;
}

const USER = 'U0SAM';
const RISKS = 500;

/** Messages the fake Web API got for one channel (DM replies go out with chat.postMessage). */
const postsTo = (api: FakeSlackApi, channel: string): RecordedCall[] => api.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);

async function nextPost(api: FakeSlackApi, channel: string, seen: number): Promise<RecordedCall> {
  await api.waitFor(() => postsTo(api, channel).length > seen, `message ${seen + 1} in ${channel}`, 30_000);
  return postsTo(api, channel)[seen]!;
}

/** Runs `tasks` with at most `limit` at a time (all 500 at once is the point; this only keeps sockets sane). */
async function allLimited<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let i = 0;
  const worker = async () => {
    while (i < tasks.length) {
      const k = i++;
      out[k] = await tasks[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

export function describeTwoProcesses(backend: TwoProcessBackend): void {
  describe(`two bot processes sharing one ${backend.name} store`, () => {
    let api: FakeSlackApi;
    let connector: FakeConnector;
    let a: BotProcess;
    let b: BotProcess;
    let store: Store;
    const workspaces: string[] = [];
    const workspace = (id = uniqueTeam()) => {
      workspaces.push(id);
      return id;
    };

    beforeAll(async () => {
      api = await new FakeSlackApi().start();
      connector = await fakeConnector();
      [a, b] = await startPair({ storeUrl: backend.url, slackApiUrl: api.apiUrl });
      store = await openKeyvStore({ url: backend.url, logger: silentLogger });
    }, 180_000);

    afterAll(async () => {
      await store?.close();
      const exits = await Promise.all([a?.stop(), b?.stop()]);
      await api?.stop();
      await connector?.close();
      await backend.cleanup(workspaces).catch((err: unknown) => console.warn(`cleanup of ${backend.name} failed: ${String(err)}`));
      // Checked last so a failure here cannot leave processes behind.
      for (const e of exits) if (e) expect(e, 'a bot process did not exit cleanly on SIGTERM').toEqual({ code: 0, signal: null });
    }, 60_000);

    const storedRisks = (platform: 'slack' | 'teams', ws: string) => store.collection('risks', riskCreatedSchema).list(`${scopeOf({ platform, workspace: ws })}/`);

    it('continues a Slack gap check started on one process on the other, and back', async () => {
      const where: Where = { team: workspace(), channel: `D${uniqueTeam().slice(3)}`, user: USER };

      const started = await postSlash(a, api, where, '/gapcheck', '42001');
      expect(started.status).toBe(200);
      const first = questionNumber(textOf(await replyAt(api, started.replyId)));
      expect(first?.[0]).toBe(1);
      const total = first![1];

      // Typed answers in the DM, alternating processes: each must see the other's progress.
      expect((await postEvent(b, dmEnvelope(where, 'yes'))).status).toBe(200);
      expect(questionNumber(textOf(await nextPost(api, where.channel, 0)))).toEqual([2, total]);
      expect((await postEvent(a, dmEnvelope(where, 'no'))).status).toBe(200);
      expect(questionNumber(textOf(await nextPost(api, where.channel, 1)))).toEqual([3, total]);

      const resumed = await postSlash(b, api, where, '/gapcheck', 'resume');
      expect(questionNumber(textOf(await replyAt(api, resumed.replyId)))).toEqual([3, total]);
    }, 60_000);

    it(`keeps all ${RISKS} risks logged concurrently through both processes, each with its own id`, async () => {
      const where: Where = { team: workspace(), channel: 'C0RISKS', user: USER };
      const acks = await allLimited(
        Array.from({ length: RISKS }, (_, i) => () => postSlash(i % 2 ? b : a, api, where, '/risk', `add "Two-process risk #${i}" likelihood=${(i % 5) + 1} impact=${((i >> 1) % 5) + 1}`)),
        RISKS,
      );
      expect(acks.filter((r) => r.status !== 200)).toEqual([]);

      const replies = await Promise.all(acks.map((r) => replyAt(api, r.replyId, 120_000)));
      const ids = replies.map((r) => /Logged (R-[A-Z0-9]+)/.exec(textOf(r))?.[1]);
      expect(ids.filter((id) => !id)).toEqual([]);
      expect(new Set(ids).size).toBe(RISKS);

      // Counted in the store itself: one creation record per risk, each the risk its reply named.
      const stored = await storedRisks('slack', where.team);
      expect(stored).toHaveLength(RISKS);
      const byId = new Map(stored.map((r) => [r.value.id, r.value]));
      expect(new Set(byId.keys())).toEqual(new Set(ids));
      acks.forEach((_, i) => expect(byId.get(ids[i]!)?.fields.title).toBe(`Two-process risk #${i}`));

      // And as the register shows it, from either process.
      const listed = await postSlash(b, api, where, '/risk', 'list all');
      expect(textOf(await replyAt(api, listed.replyId))).toContain(`${RISKS} risks`);
    }, 240_000);

    it('creates one risk when the same Slack event reaches both processes (and is retried to both)', async () => {
      const where: Where = { team: workspace(), channel: `D${uniqueTeam().slice(3)}`, user: USER };
      const envelope = dmEnvelope(where, 'risk add "Backups are never test-restored" likelihood=3 impact=4');
      const eventId = String(envelope.event_id);

      const first = await Promise.all([postEvent(a, envelope), postEvent(b, envelope)]);
      const retryHeaders = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };
      const retries = await Promise.all([postEvent(a, envelope, retryHeaders), postEvent(b, envelope, retryHeaders)]);
      expect([...first, ...retries].map((r) => r.status)).toEqual([200, 200, 200, 200]);

      // Every delivery ends either in a reply or in "ignored a repeated delivery": wait for all four.
      const ignored = () => [a, b].flatMap((p) => p.lines.filter((l) => l.msg === 'ignored a repeated delivery of an event' && l.eventId === eventId)).length;
      await api.waitFor(() => postsTo(api, where.channel).length + ignored() >= 4, 'all four deliveries to be answered or ignored', 30_000);

      const stored = await storedRisks('slack', where.team);
      expect(stored).toHaveLength(1);
      const id = stored[0]!.value.id;
      const replies = postsTo(api, where.channel).map(textOf);
      expect(replies.length).toBeGreaterThanOrEqual(1);
      for (const r of replies) expect(r).toContain(id);
    }, 60_000);

    it('continues a Teams gap check on the other process, and creates one risk from an activity delivered to both', async () => {
      const tenant = workspace(`tenant-${uniqueTeam().toLowerCase()}`);
      const where = { tenant, conversation: `a:chat-${tenant}`, serviceUrl: connector.url };
      const repliesIn = () => connector.calls.filter((c) => c.conversationId === where.conversation).map((c) => JSON.stringify(c.body));

      expect(await postActivity(a, teamsMessage(where, 'gapcheck 42001'))).toBe(200);
      const first = questionNumber(repliesIn().join('\n'));
      expect(first?.[0]).toBe(1);
      expect(await postActivity(b, teamsMessage(where, 'yes'))).toBe(200);
      expect(questionNumber(repliesIn().at(-1) ?? '')).toEqual([2, first![1]]);
      expect(await postActivity(a, teamsMessage(where, 'cancel'))).toBe(200);

      const before = repliesIn().length;
      const activity = teamsMessage(where, 'risk add "Model cards are out of date" likelihood=2 impact=3');
      expect(await Promise.all([postActivity(a, activity), postActivity(b, activity)])).toEqual([200, 200]);
      const stored = await storedRisks('teams', tenant);
      expect(stored).toHaveLength(1);
      const answers = repliesIn().slice(before);
      expect(answers.length).toBe(2);
      for (const r of answers) expect(r).toContain(stored[0]!.value.id);
    }, 60_000);
  });
}
