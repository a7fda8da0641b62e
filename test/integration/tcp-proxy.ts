/**
 * A loopback TCP proxy in front of a real server, for fault tests that must not disturb the
 * server other tests share: `cut()` drops every connection and refuses new ones (the server is
 * gone), `freeze()` keeps connections open but passes nothing (the server hangs), `restore()`
 * brings it back on the same port.
 */
import net from 'node:net';

export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private frozen = false;
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly targetPort: number,
    private port = 0,
  ) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort);
    await proxy.listen();
    return proxy;
  }

  get listeningPort(): number {
    return this.port;
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect({ host: '127.0.0.1', port: this.targetPort });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          this.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      const pass = (from: net.Socket, to: net.Socket) =>
        from.on('data', (chunk) => {
          if (this.frozen) this.held.push(() => to.write(chunk));
          else to.write(chunk);
        });
      pass(client, upstream);
      pass(upstream, client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Drops every connection and stops listening. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((r) => server.close(r));
  }

  /** Holds every byte in both directions until `restore()`. */
  freeze(): void {
    this.frozen = true;
  }

  async restore(): Promise<void> {
    this.frozen = false;
    for (const deliver of this.held.splice(0)) deliver();
    if (!this.server) await this.listen();
  }

  async stop(): Promise<void> {
    this.frozen = false;
    this.held.length = 0;
    await this.cut();
  }
}
