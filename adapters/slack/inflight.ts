/**
 * Work still running after Slack was answered. Listeners ack first and do the slow part
 * afterwards, so stopping the HTTP server is not enough to stop cleanly: `drain` waits for that
 * work (bounded) before the store is closed under it.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.pending.size;
  }

  /** Runs `work` and remembers it until it settles. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.pending.add(p);
    const forget = () => this.pending.delete(p);
    p.then(forget, forget);
    return p;
  }

  /** Resolves when everything in flight has settled, or after `timeoutMs`; returns how many were left. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref();
    });
    while (this.pending.size) {
      const done = await Promise.race([Promise.allSettled([...this.pending]).then(() => 'done' as const), timeout]);
      if (done === 'timeout') break;
    }
    clearTimeout(timer);
    return this.pending.size;
  }
}
