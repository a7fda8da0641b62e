/**
 * The App Home tab: the person's open risks, their last gap-check result and quick actions, from
 * the views the core returned for those commands. Pure; within the Home tab's 100 blocks, each
 * section cut with a note rather than failing.
 */
import type { types } from '@slack/bolt';
import type { Action, View } from '../../src/views/view.js';
import { ACTION_IDS, plainText, renderMessage, type Block } from './block-kit.js';
import { escapeMrkdwn } from './escape.js';
import { LIMITS, chunk } from './limits.js';

export interface HomeSection {
  title: string;
  views: View[];
  /** What to type for the whole list, shown when the section had to be cut. */
  fullCommand: string;
}

/** What the Home tab remembers for its buttons: the DM with the app, where replies to clicks go. */
export interface HomeMeta {
  dm?: string;
}

const header = (text: string): Block => ({ type: 'header', text: plainText(text, LIMITS.headerText) });

function quickActions(actions: Action[]): Block[] {
  return chunk(actions, LIMITS.actionsElements).map((group, g) => ({
    type: 'actions',
    elements: group.map((a, i) => ({
      type: 'button',
      action_id: `${ACTION_IDS.commandPrefix}quick-${g * LIMITS.actionsElements + i + 1}`,
      text: plainText(a.label, LIMITS.buttonText),
      value: a.command,
      ...(a.style ? { style: a.style } : {}),
    })),
  }));
}

export function homeView(sections: HomeSection[], quick: Action[], meta: HomeMeta): types.HomeView {
  const top: Block[] = [
    header('Annex'),
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Your ISO/IEC 27001 and ISO/IEC 42001 assistant. Ask me anything in the Messages tab, or use /iso, /risk and /gapcheck anywhere.' }] },
    ...quickActions(quick),
  ];
  const budget = Math.floor((LIMITS.surfaceBlocks - top.length) / Math.max(1, sections.length));
  const body = sections.flatMap((s, i) => {
    const shown = s.views.filter((v) => v.kind !== 'form' && v.kind !== 'file');
    const blocks = renderMessage(shown, { buttonScope: `home${i + 1}` }).blocks;
    const room = budget - 3; // divider, header, and a possible note
    const cut = blocks.length > room;
    return [
      { type: 'divider' } as Block,
      header(s.title),
      ...blocks.slice(0, room),
      ...(cut ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `Showing the first part. Type \`${escapeMrkdwn(s.fullCommand)}\` in the Messages tab for all of it.` }] } as Block] : []),
    ];
  });
  return { type: 'home', private_metadata: JSON.stringify(meta), blocks: [...top, ...body].slice(0, LIMITS.surfaceBlocks) };
}

export function parseHomeMeta(raw: string | undefined): HomeMeta {
  try {
    const parsed = JSON.parse(raw ?? '{}') as { dm?: unknown };
    return typeof parsed.dm === 'string' && /^D[A-Z0-9]+$/.test(parsed.dm) ? { dm: parsed.dm } : {};
  } catch {
    return {};
  }
}
