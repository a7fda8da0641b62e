/**
 * The HTTP front of the Teams bot, on node:http (no web framework):
 * - `POST /api/messages`: Bot Framework activities, authenticated by botbuilder's `CloudAdapter`
 *   (a JWT from the Bot Connector, checked against the app id and tenant) unless in local mode;
 * - `GET /healthz`: the process is up; `GET /readyz`: the store answers (503 otherwise, and while
 *   draining, so a load balancer stops sending traffic first);
 * - `stop()`: stops accepting connections and waits for requests in flight to finish.
 *
 * The adapter is driven through `processActivity` (a protected member, exposed by the subclass
 * below) rather than `CloudAdapter.process(req, res)`: the latter prints errors with console.error
 * and sends their message back to the caller, e.g. the address of a metadata endpoint it could not
 * reach. Here a refused token is a plain 401, anything else a plain 500, and both go to our log.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logger.js';

/** Activities are small; anything bigger is not from the Bot Connector. */
export const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_DRAIN_MS = 10_000;

/** `CloudAdapter` with its request pipeline callable without `process(req, res)`'s side effects. */
export class AnnexCloudAdapter extends CloudAdapter {
  run(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface TeamsHttpOptions {
  host: string;
  port: number;
  /** Unauthenticated local trial: replies only go to loopback `serviceUrl`s. */
  local: boolean;
  adapter: AnnexCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Resolves when the bot can serve (the store answers). */
  ready: () => Promise<void>;
  logger: Logger;
  drainTimeoutMs?: number;
}

export interface TeamsHttpServer {
  /** `http://host:port`, with the port actually bound (TEAMS_PORT=0 picks a free one). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True for an http(s) URL on this machine. */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.test(url.hostname);
  } catch {
    return false;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
}

/** What botbuilder's own request validation does: a type is required, timestamps become Dates. */
function toActivity(body: unknown): Activity {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'The body is not an activity');
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) throw new HttpError(400, 'The activity has no type');
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field] as string);
    }
  }
  return activity as unknown as Activity;
}

/** Sends `body` as JSON (nothing when undefined). */
function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** A refusal: a short reason, never an internal error message. */
function fail(res: ServerResponse, status: number, message: string): void {
  send(res, status, { error: message });
}

const isAuthFailure = (err: unknown): boolean => {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return status === 401 || status === 403;
};

export async function startTeamsHttpServer(options: TeamsHttpOptions): Promise<TeamsHttpServer> {
  const { adapter, logic, logger } = options;
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  async function messages(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const activity = toActivity(await readJson(req));
    if (options.local && !isLoopbackUrl(activity.serviceUrl)) {
      // Unauthenticated, the bot must not be usable to send requests anywhere on someone's behalf.
      throw new HttpError(400, 'In local mode (TEAMS_LOCAL=1) replies only go to a serviceUrl on this machine');
    }
    const header = req.headers.authorization ?? '';
    if (!options.local && !header) throw new HttpError(401, 'Unauthorized');
    try {
      const invoke = await adapter.run(header, activity, logic);
      send(res, invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      if (isAuthFailure(err)) {
        logger.warn({ code: 'UNAUTHORIZED', activityType: activity.type, reason: err instanceof Error ? err.message.slice(0, 120) : 'unknown' }, 'refused a Bot Framework request');
        throw new HttpError(401, 'Unauthorized');
      }
      throw err;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/messages') {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        throw new HttpError(405, 'Use POST');
      }
      if (draining) {
        res.setHeader('connection', 'close');
        throw new HttpError(503, 'Shutting down');
      }
      return messages(req, res);
    }
    if (path === '/healthz' && req.method === 'GET') return send(res, 200, { status: 'ok' });
    if (path === '/readyz' && req.method === 'GET') {
      if (draining) return send(res, 503, { status: 'draining' });
      try {
        await options.ready();
        return send(res, 200, { status: 'ready' });
      } catch {
        return send(res, 503, { status: 'store unavailable' });
      }
    }
    throw new HttpError(404, 'Not found');
  }

  const server = createServer((req, res) => {
    const done = route(req, res)
      .catch((err: unknown) => {
        if (err instanceof HttpError) return fail(res, err.status, err.message);
        logger.error({ err }, 'failed to process a Teams request');
        fail(res, 500, 'Internal error');
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    async stop() {
      if (draining) return;
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.drainTimeoutMs ?? DEFAULT_DRAIN_MS);
      });
      const outcome = await Promise.race([Promise.allSettled([...inFlight]).then(() => 'drained' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') logger.warn({ pending: inFlight.size }, 'stopped waiting for Teams requests in flight');
      server.closeAllConnections();
      await closed;
    },
  };
}
