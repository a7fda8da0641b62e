/**
 * Checks a card the way a client would see it: parsed and rendered by the `adaptivecards` package
 * (in a jsdom DOM), with no parse warnings or validation failures, version 1.5, only elements and
 * actions that exist in 1.5, and under the size budget. Every card a Teams test sees goes through
 * `expectValidCard`; the sizes seen are collected for the report.
 */
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardBytes, MAX_CARD_BYTES, type AdaptiveCard } from '../../../adapters/teams/adaptive-cards.js';

type AdaptiveCardsModule = typeof import('adaptivecards');

/** Every text the renderer offered for Markdown processing, in the order it met them. */
export const markdownSeen: string[] = [];

let ac: Promise<AdaptiveCardsModule> | undefined;

/** The renderer needs a DOM; only names node lacks are installed, so node's fetch etc. stay. */
function adaptiveCards(): Promise<AdaptiveCardsModule> {
  ac ??= (async () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(window)) {
      if (name in g) continue;
      try {
        g[name] = (window as unknown as Record<string, unknown>)[name];
      } catch {
        // A few jsdom getters throw outside a document context; the renderer does not use them.
      }
    }
    g.window = window;
    g.document = window.document;
    const mod = await import('adaptivecards');
    // Record what the renderer would treat as Markdown (a TextBlock's text, an input's label);
    // nothing is converted, so the rendering stays what a Markdown-less host shows.
    mod.AdaptiveCard.onProcessMarkdown = (text, result) => {
      markdownSeen.push(text);
      result.didProcess = false;
    };
    return mod;
  })();
  return ac;
}

const ELEMENTS_1_5 = new Set([
  'TextBlock', 'RichTextBlock', 'TextRun', 'Image', 'ImageSet', 'Media', 'ColumnSet', 'Column', 'Container', 'FactSet', 'ActionSet',
  'Table', 'TableRow', 'TableCell', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
]);
const ACTIONS_1_5 = new Set(['Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);

function typesIn(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => typesIn(n, into));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type !== 'AdaptiveCard') into.push(o.type);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') typesIn(v, into);
  }
  return into;
}

/** Sizes of every card checked in this test file, in bytes. */
export const seenCardSizes: number[] = [];

export async function expectValidCard(card: AdaptiveCard): Promise<void> {
  const AC = await adaptiveCards();
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  const unknown = typesIn(card.body).filter((t) => !ELEMENTS_1_5.has(t) && !ACTIONS_1_5.has(t));
  expect(unknown, 'element types outside Adaptive Cards 1.5').toEqual([]);

  const size = cardBytes(card);
  seenCardSizes.push(size);
  expect(size).toBeLessThanOrEqual(MAX_CARD_BYTES);

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  parsed.parse(card, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  expect(parseEvents, 'adaptivecards parse warnings').toEqual([]);
  const validation = parsed.validateProperties().validationEvents.map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
  expect(validation, 'adaptivecards validation failures').toEqual([]);
  expect(parsed.render(), 'the card renders').toBeDefined();
}

/** The Adaptive Cards of an activity (checks each one). */
export async function cardsOf(activity: { attachments?: Array<{ contentType?: string; content?: unknown }> } | undefined): Promise<AdaptiveCard[]> {
  const cards = (activity?.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE).map((a) => a.content as AdaptiveCard);
  for (const card of cards) await expectValidCard(card);
  return cards;
}

/** All text a card shows (text runs, inputs' labels and values, button titles), for assertions. */
export function cardText(card: AdaptiveCard): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'label', 'value', 'placeholder']) if (typeof o[key] === 'string') parts.push(o[key] as string);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(card.body);
  return parts.join('\n').replace(/\{\u200B\{/g, '{{');
}

/** The buttons of a card: title and the data it submits. */
export function buttonsOf(card: AdaptiveCard): Array<{ title: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit') found.push({ title: String(o.title), data: o.data as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}

/** The button whose title matches, or a failed assertion. */
export function button(card: AdaptiveCard, title: string | RegExp): { title: string; data: Record<string, unknown> } {
  const all = buttonsOf(card);
  const hit = all.find((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)));
  expect(hit, `button ${String(title)} among ${all.map((b) => b.title).join(', ')}`).toBeDefined();
  return hit!;
}
