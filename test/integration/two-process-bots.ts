/**
 * Real bot processes for the scale-out tests: `node --import tsx adapters/main.ts` (what `npm
 * start` runs), each with Slack in HTTP mode and Teams in local mode on ports the OS picks, all on
 * one STORE_URL. Slack's Web API and every response_url go to a recording fake on loopback
 * (`FakeSlackApi`), Teams replies to a fake Bot Connector; requests are signed like Slack signs them.
 *
 * The processes log JSON lines on stdout; the helpers read the bound ports from them and let tests
 * wait for a log line (e.g. "ignored a repeated delivery").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Activity } from 'botbuilder';
import type { FakeSlackApi, RecordedCall } from '../slack/fake-slack-api.js';
import { eventCallback, postSigned, SIGNING_SECRET, slashCommand, type SignOptions, type SlackResponse } from '../slack/signed-request.js';

/** Starting a process loads the knowledge base and builds the search index: seconds, not ms. */
const START_TIMEOUT_MS = 120_000;

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface BotProcess {
  name: string;
  child: ChildProcess;
  /** http://127.0.0.1:<port>/slack/events */
  slackUrl: string;
  /** http://127.0.0.1:<port> (Teams, /api/messages) */
  teamsUrl: string;
  /** Every JSON log line so far. */
  lines: LogLine[];
  /** Everything printed that is not a JSON line (stderr, stack traces). */
  other(): string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits for a log line matching `predicate` (at most `timeoutMs`). */
  waitForLine(predicate: (l: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartBotOptions {
  name: string;
  storeUrl: string;
  /** The fake Web API (SLACK_API_URL). */
  slackApiUrl: string;
  /** Extra node options before the entry point (e.g. another `--import`). */
  nodeArgs?: string[];
  env?: Record<string, string>;
}

/** The environment of a bot process: only what this test sets, so a developer's .env or shell cannot steer it. */
function botEnv(options: StartBotOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    NODE_ENV: 'test',
    STORE_URL: options.storeUrl,
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-two-process-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.slackApiUrl,
    SLACK_HOST: '127.0.0.1',
    SLACK_PORT: '0',
    SLACK_APP_TOKEN: '',
    TEAMS_LOCAL: '1',
    TEAMS_PORT: '0',
    MicrosoftAppId: '',
    ...options.env,
  };
}

export function startBot(options: StartBotOptions): Promise<BotProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'adapters/main.ts'], {
    cwd: resolve('.'),
    env: botEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let other = '';
  let partial = '';
  const watchers = new Set<() => void>();
  const onText = (text: string) => {
    partial += text;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const raw of parts) {
      if (!raw.trim()) continue;
      try {
        lines.push(JSON.parse(raw) as LogLine);
      } catch {
        other += `${raw}\n`;
      }
    }
    for (const w of [...watchers]) w();
  };
  child.stdout!.on('data', (d: Buffer) => onText(d.toString()));
  child.stderr!.on('data', (d: Buffer) => onText(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  let ended = false;
  void exited.then(() => {
    ended = true;
    for (const w of [...watchers]) w();
  });

  const waitForLine = (predicate: (l: LogLine) => boolean, what: string, timeoutMs = 30_000) =>
    new Promise<LogLine>((done, fail) => {
      const check = () => {
        const hit = lines.find(predicate);
        if (hit) {
          cleanup();
          done(hit);
        } else if (ended) {
          cleanup();
          fail(new Error(`${options.name} exited before logging ${what}:\n${tail()}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`${options.name} did not log ${what} within ${timeoutMs} ms:\n${tail()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        watchers.delete(check);
      };
      watchers.add(check);
      check();
    });
  const tail = () => [...lines.slice(-15).map((l) => JSON.stringify(l)), other.slice(-2000)].join('\n');

  return (async () => {
    try {
      const slack = await waitForLine((l) => l.msg === 'Slack app listening (HTTP)', 'that Slack listens', START_TIMEOUT_MS);
      const teams = await waitForLine((l) => typeof l.msg === 'string' && l.msg.startsWith('Teams adapter in LOCAL mode'), 'that Teams listens', START_TIMEOUT_MS);
      const teamsUrl = String(teams.url).replace(/\/api\/messages$/, '');
      return {
        name: options.name,
        child,
        slackUrl: `http://127.0.0.1:${String(slack.port)}/slack/events`,
        teamsUrl,
        lines,
        other: () => other,
        exited,
        waitForLine,
        async stop(graceMs = 20_000) {
          if (!ended) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            const result = await exited;
            clearTimeout(timer);
            return result;
          }
          return exited;
        },
      };
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
  })();
}

/** Two processes started together (they start in parallel; each takes seconds). */
export async function startPair(options: Omit<StartBotOptions, 'name'>): Promise<[BotProcess, BotProcess]> {
  const started = await Promise.allSettled([startBot({ ...options, name: 'bot-a' }), startBot({ ...options, name: 'bot-b' })]);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<BotProcess>).value) as [BotProcess, BotProcess];
}

// ------------------------------------------------------------------------------------------------
// Slack requests

/** A workspace (team id) of the test's own, so runs sharing one Redis or PostgreSQL never meet. */
export function uniqueTeam(): string {
  return `T2P${randomBytes(5).toString('hex').toUpperCase()}`;
}

let seq = 0;
const next = () => `${process.pid}${(seq += 1)}`;

export interface Where {
  team: string;
  channel: string;
  user: string;
}

/** A signed slash command whose reply will come to `api.responseUrl(replyId)`. */
export function postSlash(bot: BotProcess, api: FakeSlackApi, where: Where, command: string, text: string, replyId = `r${next()}`, options: SignOptions = {}): Promise<SlackResponse & { replyId: string }> {
  const n = next();
  const fields = {
    token: 'deprecated-verification-token',
    team_id: where.team,
    team_domain: 'two-process',
    channel_id: where.channel,
    channel_name: where.channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: where.user,
    user_name: 'sam',
    command,
    text,
    api_app_id: 'A0ANNEX',
    is_enterprise_install: 'false',
    response_url: api.responseUrl(replyId),
    trigger_id: `${n}.1.${randomBytes(6).toString('hex')}`,
  };
  return postSigned(bot.slackUrl, slashCommand(fields), options).then((r) => ({ ...r, replyId }));
}

/** An Events API envelope for a message in the person's DM with the app. */
export function dmEnvelope(where: Where, text: string, eventId = `Ev${next()}`): Record<string, unknown> {
  const ts = `${1_700_000_000 + seq}.${String(seq).padStart(6, '0')}`;
  return {
    token: 'deprecated-verification-token',
    team_id: where.team,
    api_app_id: 'A0ANNEX',
    event: { type: 'message', channel_type: 'im', channel: where.channel, user: where.user, text, ts, event_ts: ts },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: where.team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

export function postEvent(bot: BotProcess, envelope: Record<string, unknown>, options: SignOptions = {}): Promise<SlackResponse> {
  return postSigned(bot.slackUrl, eventCallback(envelope), options);
}

/** Waits for the message posted to `api.responseUrl(replyId)`. */
export async function replyAt(api: FakeSlackApi, replyId: string, timeoutMs = 30_000): Promise<RecordedCall> {
  const calls = await api.waitFor((c) => c.some((x) => x.method === 'response_url' && x.target === replyId), `the reply at ${replyId}`, timeoutMs);
  return calls.find((x) => x.method === 'response_url' && x.target === replyId)!;
}

/** The text fallback of a recorded message (the core's text renderer, Slack-escaped). */
export const textOf = (call: RecordedCall): string => String(call.body.text ?? '');

/** "question 3 of 8" in a reply, as [3, 8]. */
export function questionNumber(text: string): [number, number] | undefined {
  const m = /question (\d+) of (\d+)/i.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

// ------------------------------------------------------------------------------------------------
// Teams activities

export interface TeamsWhere {
  tenant: string;
  conversation: string;
  serviceUrl: string;
}

export function teamsMessage(where: TeamsWhere, text: string, id = `17000${next()}`): Partial<Activity> {
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString() as unknown as Date,
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    from: { id: '29:sam', name: 'Sam Lee', aadObjectId: 'aad-sam' } as Activity['from'],
    recipient: { id: '28:bot-annex', name: 'Annex' },
    conversation: { id: where.conversation, conversationType: 'personal', tenantId: where.tenant, isGroup: false, name: '' } as Activity['conversation'],
    channelData: { tenant: { id: where.tenant } },
    locale: 'en-US',
    text,
  };
}

export async function postActivity(bot: BotProcess, activity: Partial<Activity>): Promise<number> {
  const res = await fetch(`${bot.teamsUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await res.arrayBuffer();
  return res.status;
}
