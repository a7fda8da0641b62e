/**
 * Slack retries an event it thinks was not received (and Bolt does not dedupe), so each
 * `event_id` is handled once. The ids live in the shared store, in an expiring collection, so a
 * retry that reaches another instance is recognised too.
 *
 * keyv has no set-if-absent: two deliveries of one event arriving at two instances within the
 * same few milliseconds could both pass. Slack's retries come seconds to minutes apart (after a
 * 3 s timeout, then after 1 and 5 minutes), which this check covers.
 */
import { z } from 'zod';
import { StoreUnavailableError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';

/** Longer than Slack's retry schedule (immediately, +1 min, +5 min). */
const SEEN_TTL_MS = 60 * 60 * 1000;

export interface EventDedupe {
  /** True the first time this event is seen; false for a retry of one already taken. */
  firstDelivery(teamId: string, eventId: string): Promise<boolean>;
}

export function createEventDedupe(store: Store, logger: Logger): EventDedupe {
  const seen = store.collection('slack-event-ids', z.object({ at: z.number() }), { expiring: true });
  return {
    async firstDelivery(teamId, eventId) {
      const key = `${teamId}:${eventId}`;
      try {
        if (await seen.get(key)) return false;
        await seen.set(key, { at: Date.now() }, SEEN_TTL_MS);
        return true;
      } catch (err) {
        // Better to risk answering twice than to drop the event because the store is down.
        if (err instanceof StoreUnavailableError) {
          logger.warn({ eventId, code: err.code }, 'could not check for a retried event; handling it');
          return true;
        }
        throw err;
      }
    },
  };
}
