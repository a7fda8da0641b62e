/** The Home tab opened: publish the person's open risks, last gap check and quick actions. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../home.js';
import { listener } from '../listener.js';

export function appHomeOpened(deps: SlackDeps) {
  return listener(deps, 'app-home-opened', async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const name = await deps.names.nameOf(client, event.user);
    await publishHome(client, deps, { teamId: body.team_id, user: { id: event.user, name }, ...(event.channel ? { dm: event.channel } : {}), eventId: body.event_id });
  });
}
