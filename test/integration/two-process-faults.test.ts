/**
 * Faults of a bot process, with two real processes on one store (SQLite file):
 * - SIGTERM while a Slack reply and a Teams request are in flight: both complete, the process
 *   exits with code 0, and the other process carries on the conversation the first one started;
 * - an error that escapes every request (unhandled rejection, exception thrown in a timer) is
 *   logged as one JSON line and the process keeps serving.
 * The slow parts are a loopback server that holds every reply it receives until the test lets it
 * go (once the process has begun to shut down), standing in for a slow Slack response_url and a
 * slow Bot Connector: the replies are in flight when SIGTERM lands by construction, not by timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { postSigned, slashCommand } from '../slack/signed-request.js';
import {
  dmEnvelope,
  postActivity,
  postEvent,
  postSlash,
  questionNumber,
  replyAt,
  startBot,
  teamsMessage,
  textOf,
  uniqueTeam,
  type BotProcess,
  type Where,
} from './two-process-bots.js';

interface HeldRequest {
  path: string;
  body: string;
  /** The client went away before the answer (the process exited without waiting). */
  aborted: boolean;
  answered: boolean;
}

/**
 * A server that holds every request until `release()`, like a slow response_url or Bot Connector;
 * after that it answers at once.
 */
async function slowServer(): Promise<{ url: string; held: HeldRequest[]; release(): void; close(): Promise<void> }> {
  const held: HeldRequest[] = [];
  const waiting: Array<() => void> = [];
  let released = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: HeldRequest = { path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), aborted: false, answered: false };
      held.push(entry);
      res.on('close', () => {
        if (!res.writableFinished) entry.aborted = true;
      });
      const answer = () => {
        if (entry.aborted) return;
        const body = entry.path.startsWith('/v3/') ? { id: `held-${held.length}` } : { ok: true };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body), () => (entry.answered = true));
      };
      if (released) answer();
      else waiting.push(answer);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    release: () => {
      released = true;
      for (const answer of waiting.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('bot process faults (two processes on one SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'annex-faults-'));
  const storeUrl = `sqlite://${join(dir, 'shared.sqlite')}`;
  let api: FakeSlackApi;
  let slow: Awaited<ReturnType<typeof slowServer>>;
  let a: BotProcess;
  let b: BotProcess;
  const where: Where = { team: uniqueTeam(), channel: `D${uniqueTeam().slice(3)}`, user: 'U0SAM' };

  beforeAll(async () => {
    api = await new FakeSlackApi().start();
    slow = await slowServer();
    [a, b] = await Promise.all([
      startBot({ name: 'bot-a', storeUrl, slackApiUrl: api.apiUrl }),
      startBot({ name: 'bot-b', storeUrl, slackApiUrl: api.apiUrl, nodeArgs: ['--import', resolve('test/integration/two-process-fault-trigger.mjs')] }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await api?.stop();
    await slow?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('drains a Slack reply and a Teams request in flight on SIGTERM, exits with 0, and the other process continues the check', async () => {
    // A gap check whose first question goes to a slow response_url...
    const fields = {
      team_id: where.team,
      channel_id: where.channel,
      user_id: where.user,
      user_name: 'sam',
      command: '/gapcheck',
      text: '42001',
      response_url: `${slow.url}/response/gapcheck`,
      trigger_id: `1.1.faults${Date.now()}`,
    };
    expect((await postSigned(a.slackUrl, slashCommand(fields))).status).toBe(200);
    // ...and a Teams message whose request stays open until its reply reaches the slow connector.
    const teamsStatus = postActivity(a, teamsMessage({ tenant: `tenant-${where.team.toLowerCase()}`, conversation: 'a:chat-faults', serviceUrl: `${slow.url}/` }, 'what is A.8.12'));
    await until(() => slow.held.some((h) => h.path === '/response/gapcheck') && slow.held.some((h) => h.path.startsWith('/v3/')), 'both replies to reach the slow server');

    a.child.kill('SIGTERM');
    // Both replies are still held while the process starts to shut down; only then are they let go.
    await a.waitForLine((l) => l.msg === 'shutting down: draining in-flight requests', 'the start of the shutdown');
    expect(slow.held.filter((h) => h.answered)).toEqual([]);
    slow.release();
    const exit = await a.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(await teamsStatus).toBe(200);
    expect(slow.held.filter((h) => h.aborted)).toEqual([]);
    expect(slow.held.every((h) => h.answered)).toBe(true);
    const slackReply = slow.held.find((h) => h.path === '/response/gapcheck')!;
    const first = questionNumber(JSON.parse(slackReply.body).text as string);
    expect(first?.[0]).toBe(1);
    expect(slow.held.find((h) => h.path.startsWith('/v3/') && h.body.includes('A.8.12'))).toBeDefined();
    const messages = a.lines.map((l) => l.msg);
    expect(messages).toContain('shutting down: draining in-flight requests');
    expect(messages.at(-1)).toBe('stopped');
    expect(messages).not.toContain('stopped with Slack work still running');

    // The other process picks up the check where the stopped one left it.
    expect((await postEvent(b, dmEnvelope(where, 'yes'))).status).toBe(200);
    await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === where.channel), 'the answer from the other process');
    const next = api.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === where.channel)!;
    expect(questionNumber(textOf(next))).toEqual([2, first![1]]);
  }, 60_000);

  it('logs an unhandled rejection and an uncaught exception as JSON and keeps serving', async () => {
    b.child.kill('SIGUSR2');

    const rejection = await b.waitForLine((l) => l.source === 'unhandledRejection', 'the unhandled rejection');
    const exception = await b.waitForLine((l) => l.source === 'uncaughtException', 'the uncaught exception');
    expect(rejection).toMatchObject({ level: 50, err: { message: 'fault-trigger: a promise rejected on purpose' } });
    expect(exception).toMatchObject({ level: 50, err: { message: 'fault-trigger: thrown from a timer on purpose' } });
    expect(typeof (rejection.err as { stack?: unknown }).stack).toBe('string');

    // Still up and answering.
    expect(b.child.exitCode).toBeNull();
    const health = await fetch(b.slackUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    const asked = await postSlash(b, api, where, '/iso', 'what is A.5.15');
    expect(asked.status).toBe(200);
    expect(textOf(await replyAt(api, asked.replyId))).toContain('A.5.15');
    expect(await b.stop()).toEqual({ code: 0, signal: null });
  }, 60_000);
});
