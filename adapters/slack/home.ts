/**
 * Publishes a person's Home tab. What it shows comes from the core through the same commands the
 * person could type (`/risk list mine open`, `/gapcheck history`), so the adapter holds no
 * register or gap-check logic and shows whatever those commands return.
 */
import type { webApi } from '@slack/bolt';
import type { Action } from '../../src/views/view.js';
import type { SlackDeps } from './deps.js';
import { homeView, type HomeMeta } from './home-view.js';
import { homeTurn } from './to-turn.js';
import { logSlackFailure } from './web-api-errors.js';

/** The Home tab's sections: title and the command that fills it. */
export const HOME_SECTIONS = [
  { title: 'Your open risks', command: '/risk list mine open' },
  { title: 'Your last gap check', command: '/gapcheck history' },
] as const;

/** Buttons at the top of the Home tab; each is a command the person could type. */
export const QUICK_ACTIONS: Action[] = [
  { label: 'Log a risk', command: '/risk add', style: 'primary' },
  { label: 'Gap check: ISO 27001', command: '/gapcheck 27001' },
  { label: 'Gap check: ISO 42001', command: '/gapcheck 42001' },
  { label: 'All my risks', command: '/risk list mine' },
  { label: 'Help', command: 'help' },
];

export interface HomeTarget {
  teamId: string;
  user: { id: string; name: string };
  /** The person's DM with the app (from `app_home_opened`), where replies to Home clicks go. */
  dm?: string;
  /** Delivery id, for the core's logs. */
  eventId: string;
}

export async function publishHome(client: webApi.WebClient, deps: SlackDeps, target: HomeTarget): Promise<boolean> {
  const replies = await Promise.all(
    HOME_SECTIONS.map((s, i) => deps.bot.handle(homeTurn(target.teamId, target.user, s.command, `${target.eventId}:home${i}`))),
  );
  const meta: HomeMeta = target.dm ? { dm: target.dm } : {};
  const view = homeView(
    HOME_SECTIONS.map((s, i) => ({ title: s.title, views: replies[i]!.views, fullCommand: s.command })),
    QUICK_ACTIONS,
    meta,
  );
  try {
    await client.views.publish({ user_id: target.user.id, view });
    return true;
  } catch (err) {
    logSlackFailure(deps.logger, 'views.publish', err);
    return false;
  }
}
