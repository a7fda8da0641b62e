/**
 * The "done when" of the Teams issue, as a person would try it: `TEAMS_LOCAL=1 npm start` (the
 * real entry point, in its own process), then a Bot Framework message "what is A.5.15" POSTed to
 * /api/messages with `serviceUrl` pointing at a loopback listener, which receives the Adaptive
 * Card answer. And the refusals: credentials that are incomplete stop it at start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cardsOf, cardText } from './helpers/card-check.js';
import { fakeConnector, type FakeConnector } from './helpers/fakes.js';

const dir = mkdtempSync(join(tmpdir(), 'annex-teams-start-'));
let child: ChildProcess | undefined;
let connector: FakeConnector | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await connector?.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment of `npm start` with only the variables this test sets. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|Microsoft|TEAMS_)/.test(k)));
  return { ...base, STORE_URL: `sqlite://${join(dir, 'annex.sqlite')}`, LOG_LEVEL: 'info', ...extra };
}

function startAnnex(extra: Record<string, string>): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  // `npm start` is `tsx adapters/main.ts`; node with tsx's loader is the same program in one
  // process, so the test's SIGTERM reaches Annex itself and not a wrapper.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

async function waitForLog(output: () => string, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(output());
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no log line matching ${pattern} in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start with TEAMS_LOCAL=1', () => {
  it('says it runs unauthenticated on loopback, answers "what is A.5.15" with a card, and stops on SIGTERM', async () => {
    connector = await fakeConnector();
    const annex = startAnnex({ TEAMS_LOCAL: '1', TEAMS_PORT: '0' });
    const [line, url] = await waitForLog(annex.output, /\{[^\n]*"url":"(http:\/\/127\.0\.0\.1:\d+\/api\/messages)"[^\n]*\}/);
    const log = JSON.parse(line) as { level: number; msg: string; host: string };
    expect(log.msg).toMatch(/LOCAL mode.*UNAUTHENTICATED.*127\.0\.0\.1/);
    expect(log.host).toBe('127.0.0.1');

    const res = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'msg-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        text: 'what is A.5.15',
        from: { id: '29:1abc', name: 'Sam', aadObjectId: 'aad-sam' },
        recipient: { id: '28:bot', name: 'Annex' },
        conversation: { id: 'a:personal-1', tenantId: 'T-contoso' },
        channelData: { tenant: { id: 'T-contoso' } },
      }),
    });
    expect(res.status).toBe(200);
    const [call] = await connector.waitFor(1);
    expect(call).toMatchObject({ method: 'POST', conversationId: 'a:personal-1', activityId: 'msg-1' });
    const [card] = await cardsOf(call!.body);
    expect(cardText(card!)).toContain('Access control');
    expect(cardText(card!)).toContain('ISO/IEC 27001:2022 · Annex A control A.5.15');

    annex.proc.kill('SIGTERM');
    expect(await annex.exited).toBe(0);
    expect(annex.output()).toMatch(/"msg":"stopped"/);
  });

  it('refuses to start with incomplete credentials, naming every missing setting and no secret', async () => {
    const annex = startAnnex({ MicrosoftAppId: '3f2a0c1e-8d7b-4c3a-9e2f-1a2b3c4d5e6f', MicrosoftAppType: 'SingleTenant', TEAMS_PORT: '0' });
    expect(await annex.exited).toBe(1);
    expect(annex.output()).toMatch(/MicrosoftAppTenantId: is required/);
    expect(annex.output()).toMatch(/MicrosoftAppPassword: is required/);
    expect(annex.output()).not.toMatch(/listening/);
  });
});
