/**
 * A fake of Slack's Web API on loopback, for tests: records every call the adapter makes (Web API
 * methods, posts to response_urls, file uploads) and answers like Slack does, or with an error a
 * test asks for. Point the adapter at it with SLACK_API_URL and give payloads a response_url from
 * `responseUrl()`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** `chat.postMessage`, `response_url`, `upload`. */
  method: string;
  /** The parsed body; JSON-encoded fields (blocks, view, files) are decoded. */
  body: Record<string, unknown>;
  /** The id in `/response/<id>` or `/upload/<id>`. */
  target?: string;
  authorization?: string;
}

type Answer = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };

const JSON_FIELDS = ['blocks', 'view', 'files', 'attachments'];

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
    for (const f of JSON_FIELDS) {
      if (typeof out[f] === 'string') {
        try {
          out[f] = JSON.parse(out[f] as string);
        } catch {
          // left as the string it was
        }
      }
    }
    return out;
  }
  return { raw };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  private server?: Server;
  private overrides = new Map<string, Answer[]>();
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void (async () => {
        const raw = await readBody(req);
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const body = parseBody(raw, req.headers['content-type']);
        let method: string;
        let target: string | undefined;
        if (path.startsWith('/api/')) method = path.slice('/api/'.length);
        else if (path.startsWith('/response/')) [method, target] = ['response_url', path.slice('/response/'.length)];
        else if (path.startsWith('/upload/')) [method, target] = ['upload', path.slice('/upload/'.length)];
        else method = `unknown:${path}`;
        this.calls.push({ method, body, ...(target ? { target } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        const answer = this.overrides.get(method)?.shift() ?? this.defaultAnswer(method, body);
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      })();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The SLACK_API_URL to give the adapter. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url on this fake; posts to it are recorded as `response_url` calls with this id. */
  responseUrl(id = `r${++this.seq}`): string {
    return `${this.url}/response/${id}`;
  }

  /** The next call(s) to `method` get this Slack error instead of success. */
  failNext(method: string, error: string, extra: Record<string, unknown> = {}, times = 1): void {
    const list = this.overrides.get(method) ?? [];
    for (let i = 0; i < times; i += 1) list.push({ body: { ok: false, error, ...extra } });
    this.overrides.set(method, list);
  }

  /** The next call to `method` is answered HTTP 429 with Retry-After. */
  rateLimitNext(method: string, retryAfterSeconds = 0): void {
    const list = this.overrides.get(method) ?? [];
    list.push({ status: 429, headers: { 'retry-after': String(retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } });
    this.overrides.set(method, list);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls other than the token check Bolt makes once. */
  get work(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'auth.test');
  }

  /** Waits until `predicate` holds for the recorded calls (the adapter works after its ack). */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, what = 'the expected Slack calls', timeoutMs = 10_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.calls;
  }

  private defaultAnswer(method: string, body: Record<string, unknown>): Answer {
    const ts = `${1_700_000_000 + this.seq}.${String(++this.seq).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0TEST', user: 'annex', team: 'Test' } };
      case 'chat.postMessage':
        return { body: { ok: true, channel: body.channel, ts, message: { text: body.text } } };
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: ts } };
      case 'chat.update':
        return { body: { ok: true, channel: body.channel, ts: body.ts } };
      case 'chat.getPermalink':
        return { body: { ok: true, channel: body.channel, permalink: `https://example.slack.com/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}` } };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push':
        return { body: { ok: true, view: { id: `V${this.seq}`, ...(body.view as object) } } };
      case 'users.info':
        return { body: { ok: true, user: { id: body.user, name: 'sam', real_name: 'Sam Example', profile: { display_name: 'Sam' } } } };
      case 'files.getUploadURLExternal':
        return { body: { ok: true, upload_url: `${this.url}/upload/F${this.seq}`, file_id: `F${this.seq}` } };
      case 'files.completeUploadExternal':
        return { body: { ok: true, files: body.files } };
      case 'response_url':
      case 'upload':
        return { body: { ok: true } };
      default:
        // Slack answers an unknown or expired response_url with 404; an unknown method with unknown_method.
        return method.startsWith('unknown:') ? { status: 404, body: { ok: false, error: 'not_found' } } : { body: { ok: false, error: 'unknown_method' } };
    }
  }
}
