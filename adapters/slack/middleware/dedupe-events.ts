/**
 * Global middleware: an Events API delivery whose `event_id` was already taken (Slack's retry
 * after a timeout, or the same event reaching a second instance) stops here, before any listener.
 * Bolt has already acknowledged it, so Slack stops retrying.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

export function dedupeEvents(deps: Pick<SlackDeps, 'events' | 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const envelope = body as { type?: string; event_id?: string; team_id?: string };
    if (envelope.type === 'event_callback' && envelope.event_id) {
      const first = await deps.events.firstDelivery(envelope.team_id ?? 'unknown', envelope.event_id);
      if (!first) {
        deps.logger.info({ eventId: envelope.event_id, retryNum: context.retryNum, retryReason: context.retryReason }, 'ignored a repeated delivery of an event');
        return;
      }
    }
    await next();
  };
}
