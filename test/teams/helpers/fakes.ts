/**
 * Fakes for the Teams tests:
 * - `fakeConnector`: the Bot Connector on loopback; records what the bot posts (replies) and puts
 *   (card updates), and answers with activity ids like the real one;
 * - `fakeBot`: a scripted core for capabilities whose real intents may still be placeholders while
 *   the other parts are built; it only produces views from the union, which is all the adapter
 *   may depend on, and records the turns it received;
 * - `recordingTestAdapter`: botbuilder's TestAdapter that also keeps every `updateActivity`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { Turn } from '../../../src/turn.js';
import type { Reply } from '../../../src/views/view.js';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  authorization?: string;
  body: Partial<Activity>;
}

export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  /** Resolves once `n` calls have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

export async function fakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: Array<() => void> = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>) : {};
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        conversationId: decodeURIComponent(m[1]!),
        ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body,
      });
      const id = req.method === 'PUT' && m[2] ? decodeURIComponent(m[2]) : `sent-${next++}`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < n) {
        if (Date.now() > deadline) throw new Error(`the fake connector got ${calls.length} calls, expected ${n}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface FakeBot {
  handle(turn: Turn): Promise<Reply>;
  turns: Turn[];
}

/** A scripted core: `script(turn)` gives the reply; every turn is recorded. */
export function fakeBot(script: (turn: Turn) => Reply | Promise<Reply>): FakeBot {
  const turns: Turn[] = [];
  return {
    turns,
    async handle(turn) {
      turns.push(structuredClone(turn));
      return script(turn);
    },
  };
}

export class RecordingTestAdapter extends TestAdapter {
  readonly updates: Array<Partial<Activity>> = [];

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    this.updates.push(activity);
    return super.updateActivity(context, activity);
  }
}

/** A TestAdapter for a Teams channel in tenant `T-contoso`, with user Sam. */
export function recordingTestAdapter(logic: (context: TurnContext) => Promise<void>): RecordingTestAdapter {
  const adapter = new RecordingTestAdapter(logic);
  adapter.conversation.channelId = 'msteams';
  adapter.conversation.user = { id: '29:sam', name: 'Sam', aadObjectId: 'aad-sam' } as Activity['from'];
  adapter.conversation.bot = { id: '28:annex', name: 'Annex' };
  adapter.conversation.conversation = { id: 'a:chat-1', tenantId: 'T-contoso', isGroup: false, conversationType: 'personal', name: '' } as Activity['conversation'];
  return adapter;
}

/** Teams' channel data for tenant `T-contoso`. */
export const TEAMS_CHANNEL_DATA = { tenant: { id: 'T-contoso' } };
