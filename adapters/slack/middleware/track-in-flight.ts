/**
 * Global middleware, first in the chain: everything Bolt does for a request after acknowledging it
 * (the dedupe check, then the listeners) counts as in-flight work, so `stop()` and tests waiting
 * for quiet see all of it, not only the listener bodies.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { InFlight } from '../inflight.js';

export function trackInFlight(inflight: InFlight): Middleware<AnyMiddlewareArgs> {
  return (args) =>
    inflight.run(async () => {
      // Bolt has already acknowledged events by now (they come without `ack`); let that response
      // leave before any work. Everything else is acknowledged by its listener: a turn of the
      // event loop here would queue that ack behind every other request's work (bench/slack.ts,
      // 50 concurrent: server-side ack p99 about 50 ms with the turn, about 5 ms without).
      if (!(args as { ack?: unknown }).ack) await new Promise<void>((resolve) => setImmediate(resolve));
      await args.next();
    });
}
