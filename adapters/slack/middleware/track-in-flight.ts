/**
 * Global middleware, first in the chain: everything Bolt does for a request after acknowledging it
 * (the dedupe check, then the listeners) counts as in-flight work, so `stop()` and tests waiting
 * for quiet see all of it, not only the listener bodies.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { InFlight } from '../inflight.js';

export function trackInFlight(inflight: InFlight): Middleware<AnyMiddlewareArgs> {
  return ({ next }) =>
    inflight.run(async () => {
      // Bolt has already acknowledged events by now; let that response leave before any work.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await next();
    });
}
