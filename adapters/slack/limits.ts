/**
 * Block Kit limits (Slack's reference for blocks, elements and views) and the helpers that keep
 * every payload inside them. The renderer never fails on long content: text is split across
 * blocks or shortened with an ellipsis, and a message with too many blocks is paged behind a
 * "Show more" button by the sender.
 */
export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the Home tab. */
  surfaceBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInput: 3000,
  optionText: 75,
  optionValue: 75,
  selectOptions: 100,
  optionGroups: 100,
  /** Slack truncates a message's `text` far later; notifications only need the start. */
  fallbackText: 3000,
} as const;

const ELLIPSIS = '…';

/** Shortens `text` to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not leave half of a surrogate pair (emoji) before the ellipsis.
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, Math.max(0, cut))}${ELLIPSIS}`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces, so a
 * long answer becomes several sections instead of being cut. Escaped entities (`&amp;`) are never
 * split in the middle.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    const amp = rest.lastIndexOf('&', at - 1);
    const entity = amp >= 0 ? /^&(?:amp|lt|gt);/.exec(rest.slice(amp, amp + 5)) : null;
    if (entity && amp + entity[0].length > at && amp > 0) at = amp;
    pieces.push(rest.slice(0, at).replace(/\s+$/, ''));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.length || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
