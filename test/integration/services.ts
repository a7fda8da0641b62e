/**
 * The real servers the integration tests use, started by `bash scripts/services.sh start` (which
 * `.ci/run` calls): Redis and PostgreSQL on loopback. The URLs come from ANNEX_TEST_REDIS_URL and
 * ANNEX_TEST_POSTGRES_URL, defaulting to what the script prints.
 *
 * Tests skip only when a server cannot be reached at all, and then say so loudly. The probes
 * here talk to the servers directly (never through the store code under test), so a bug in the
 * store fails the tests instead of skipping them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { it } from 'vitest';

export const REDIS_URL = process.env.ANNEX_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
export const POSTGRES_URL = process.env.ANNEX_TEST_POSTGRES_URL || 'postgres://annex:annex@127.0.0.1:5432/annex';

export type Probe = { ok: true } | { ok: false; reason: string };

/** Opens a TCP connection, optionally sends `send` and waits for a reply starting with `expect`. */
function probeTcp(url: string, send?: string, expect?: string): Promise<Probe> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port });
    const done = (p: Probe) => {
      socket.destroy();
      resolve(p);
    };
    socket.setTimeout(2000, () => done({ ok: false, reason: `no answer from ${u.hostname}:${port} within 2 s` }));
    socket.once('error', (err) => done({ ok: false, reason: `${u.hostname}:${port} cannot be reached (${err.message})` }));
    socket.once('connect', () => {
      if (!send) return done({ ok: true });
      socket.write(send);
    });
    socket.once('data', (data) => done(data.toString().startsWith(expect ?? '') ? { ok: true } : { ok: false, reason: `unexpected answer from ${u.hostname}:${port}` }));
  });
}

export const probeRedis = (url = REDIS_URL) => probeTcp(url, 'PING\r\n', '+PONG');
export const probePostgres = (url = POSTGRES_URL) => probeTcp(url);

/** A console banner plus a skipped test whose name carries the reason, so no report hides it. */
export function skipLoudly(what: string, reason: string): void {
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n!! ${what}: SKIPPED, ${reason}.\n!! Start the servers with: bash scripts/services.sh start\n${line}\n`);
  it.skip(`${what} SKIPPED: ${reason} (bash scripts/services.sh start)`, () => undefined);
}

/** A namespace prefix no other test run uses. */
export function uniquePrefix(): string {
  return `t-${process.pid}-${randomBytes(4).toString('hex')}-`;
}

/** A node-redis client for planting and cleaning keys directly. */
export async function rawRedis(url = REDIS_URL) {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Removes every key of a test run's prefix. */
export async function cleanRedis(prefix: string, url = REDIS_URL): Promise<void> {
  const client = await rawRedis(url);
  try {
    let cursor = '0';
    do {
      const page = await client.scan(cursor, { MATCH: `${prefix}*`, COUNT: 1000 });
      cursor = String(page.cursor);
      if (page.keys.length) await client.unlink(page.keys);
    } while (cursor !== '0');
  } finally {
    client.destroy();
  }
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): void;
}

/** A plain `pg` client (the one `@keyv/postgres` depends on) for planting and cleaning rows. */
export async function rawPostgres(url = POSTGRES_URL): Promise<PgClient> {
  const require = createRequire(import.meta.url);
  const pg = createRequire(require.resolve('@keyv/postgres'))('pg') as { Client: new (c: { connectionString: string }) => PgClient };
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function cleanPostgres(prefix: string, url = POSTGRES_URL): Promise<void> {
  const client = await rawPostgres(url);
  try {
    await client.query(`DELETE FROM annex WHERE key LIKE $1`, [`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
  } catch (err) {
    // The table exists once any test has written; nothing to clean before that.
    if ((err as { code?: string }).code !== '42P01') throw err;
  } finally {
    await client.end();
  }
}

/** A free loopback port (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * A redis-server of the test's own on a free port, so a test can kill it, freeze it and start it
 * again without disturbing anyone. Data is kept in an append-only file synced on every write, so
 * a restarted server has exactly what was acknowledged before the kill.
 */
export class OwnRedisServer {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'annex-redis-'));
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedisServer> {
    // The free port is only free until someone else takes it (another test file may pick the same
    // one at the same moment): on a failed start, clean up and try again on another port.
    for (let attempt = 1; ; attempt++) {
      const server = new OwnRedisServer(await freePort());
      try {
        await server.restart();
        return server;
      } catch (err) {
        await server.stop();
        if (attempt >= 3) throw err;
      }
    }
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    child.on('error', () => undefined);
    this.child = child;
    for (let i = 0; i < 100; i++) {
      // Exited (e.g. the port was taken): whatever answers on the port is not ours.
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server on port ${this.port} exited at start`);
      if ((await probeRedis(this.url)).ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${this.port}`);
  }

  /** Ends the server at once (SIGKILL), like a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process (SIGSTOP): connections stay open, nothing answers. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    this.thaw();
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `check` until it resolves, for at most `tries` x `everyMs`. */
export async function eventually<T>(check: () => Promise<T>, tries = 100, everyMs = 100): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      return await check();
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
  throw last;
}
