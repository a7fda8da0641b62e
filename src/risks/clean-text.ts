/**
 * User text stored in the register is plain text: whatever markup it contains (`<!channel>`,
 * `*bold*`, `<https://x|spoof>`) is kept as typed and escaped by each renderer. What is removed
 * here is what no renderer can show honestly: control characters and the bidirectional overrides
 * that make text display differently from what is stored.
 */

// C0/C1 controls except tab and newline; bidi embeddings, overrides and isolates; zero-width marks.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One line: invisible characters removed, runs of whitespace (newlines too) made one space. */
export function cleanLine(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Several lines: invisible characters removed, line breaks kept (at most one blank line). */
export function cleanBlock(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
