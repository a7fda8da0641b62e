/**
 * The frame every listener runs in: counted as in-flight work (so shutdown waits for it), timed,
 * and inside one try/catch that logs and answers the person with a short error instead of a stack
 * trace. If the listener failed before acknowledging, it acknowledges so Slack does not show its
 * own timeout error.
 */
import type { SlackDeps } from '../deps.js';
import { noteMessage } from '../block-kit.js';

interface ListenerArgs {
  ack?: (response?: never) => Promise<void>;
  respond?: (message: Record<string, unknown>) => Promise<unknown>;
}

const nextTurnOfEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export const SORRY = 'Something went wrong on my side. Nothing you typed was lost; please try again.';

export function listener<A extends object>(deps: SlackDeps, name: string, fn: (args: A) => Promise<void>): (args: A) => Promise<void> {
  return (args: A) =>
    deps.inflight.run(async () => {
      const started = performance.now();
      const a = args as A & ListenerArgs;
      let acked = false;
      const originalAck = a.ack;
      if (originalAck) {
        (a as ListenerArgs).ack = async (response?: never) => {
          acked = true;
          await originalAck(response);
          // Let Node flush the acknowledgement before the slow part starts: the answer is queued
          // on the socket, and CPU-heavy work (a search) would otherwise hold it back.
          await nextTurnOfEventLoop();
        };
      }
      try {
        await fn(a);
      } catch (err) {
        deps.logger.error({ err, listener: name }, 'a Slack listener failed');
        if (originalAck && !acked) await originalAck().catch(() => undefined);
        await a.respond?.({ response_type: 'ephemeral', replace_original: false, ...noteMessage(SORRY, 'warning') }).catch(() => undefined);
      } finally {
        deps.logger.debug({ listener: name, ms: Math.round(performance.now() - started) }, 'listener done');
      }
    });
}
