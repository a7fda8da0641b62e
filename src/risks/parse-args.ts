/**
 * Forgiving parsing of what people type after `/risk <subcommand>`:
 * `"Laptops are not encrypted" likelihood=4 impact:high owner=@sam control=A.8.1,8.24`.
 *
 * - Quoted text ("…", '…', “…”) is one word and never a field, so a title may contain `=` or `:`;
 *   inside it, \" is a quote character.
 * - `key=value`, `key:value`, `key: value` and `key = value` all set a field; a value may be quoted.
 * - `word:rest` whose word is not a field name stays text ("Backup: not tested" is a title), but
 *   `unknown=value` is a mistake and is reported with the closest field name.
 *
 * Pure: text in, words and fields out. Values are validated in `field-values.ts`.
 */

export interface Token {
  text: string;
  /** The whole token was quoted: it is text, never `key=value`. */
  quoted: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '«': '»' };

/** Splits on whitespace, keeping quoted runs together (a quote opens at a token start or after `=`/`:`). */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/.test(input[i]!)) i += 1;
    if (i >= n) break;
    let text = '';
    let quotedWhole = false;
    const start = i;
    while (i < n && !/\s/.test(input[i]!)) {
      const ch = input[i]!;
      const close = QUOTES[ch];
      const canOpen = i === start || input[i - 1] === '=' || input[i - 1] === ':';
      if (close && canOpen) {
        let end = input.indexOf(close, i + 1);
        // \" inside a quoted run is a quote character, not the end.
        while (end > i && input[end - 1] === '\\') end = input.indexOf(close, end + 1);
        // An apostrophe with no partner ("don't", "'cause") is just a character.
        if (end > i) {
          text += input.slice(i + 1, end).split(`\\${close}`).join(close);
          if (i === start && (end + 1 >= n || /\s/.test(input[end + 1]!))) quotedWhole = true;
          i = end + 1;
          continue;
        }
      }
      text += ch;
      i += 1;
    }
    tokens.push({ text, quoted: quotedWhole });
  }
  return tokens;
}

export interface FieldArg {
  /** The canonical field name (from the caller's alias table). */
  field: string;
  /** As typed, e.g. `impact`. */
  key: string;
  value: string;
}

export interface ParsedArgs {
  /** Text that is not a field, in order (the title of `add`, filters of `list`). */
  words: Token[];
  fields: FieldArg[];
  /** `unknown=value` pairs: probably a mistyped field name. */
  unknown: Array<{ key: string; value: string }>;
}

const KEY_VALUE = /^([A-Za-z][\w-]{0,30})\s*([=:])(.*)$/s;

export const normaliseKey = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

/**
 * Splits tokens into words and fields. `aliases` maps a normalised key to its field; single-letter
 * keys count only with `=` (`l=4`), since `I: think…` is text.
 */
export function parseArgs(input: string, aliases: ReadonlyMap<string, string>): ParsedArgs {
  const tokens = tokenize(input);
  const out: ParsedArgs = { words: [], fields: [], unknown: [] };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.quoted) {
      out.words.push(t);
      continue;
    }
    let key: string | undefined;
    let sep: string | undefined;
    let value: string | undefined;
    const kv = KEY_VALUE.exec(t.text);
    if (kv) {
      [, key, sep, value] = kv as unknown as [string, string, string, string];
    } else {
      // `likelihood = 4` and `likelihood =4`
      const next = tokens[i + 1];
      if (/^[A-Za-z][\w-]{0,30}$/.test(t.text) && next && !next.quoted && /^[=:]/.test(next.text) && aliases.has(normaliseKey(t.text))) {
        key = t.text;
        sep = next.text[0];
        value = next.text.slice(1);
        i += 1;
      }
    }
    if (key === undefined || sep === undefined || value === undefined) {
      out.words.push(t);
      continue;
    }
    const field = aliases.get(normaliseKey(key));
    const known = field !== undefined && (sep === '=' || key.length > 1);
    if (!known) {
      if (sep === '=') out.unknown.push({ key, value });
      else out.words.push(t);
      continue;
    }
    // `impact: high` (the value is the next token)
    if (value === '' && tokens[i + 1] && !/^[=:]/.test(tokens[i + 1]!.text)) {
      const next = tokens[i + 1]!;
      if (next.quoted || !KEY_VALUE.exec(next.text)) {
        value = next.text;
        i += 1;
      }
    }
    // `likelihood=very high`, `likelihood=almost certain`: two-word scale values typed without quotes.
    if (/^(very|almost)$/i.test(value) && tokens[i + 1] && !tokens[i + 1]!.quoted && /^[a-z]+$/i.test(tokens[i + 1]!.text)) {
      value = `${value} ${tokens[i + 1]!.text}`;
      i += 1;
    }
    out.fields.push({ field, key, value });
  }
  return out;
}

/** Edit distance counting a swap of two neighbours as one edit ("lsit" -> "list"), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `candidates` to `word`, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = normaliseKey(word);
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(w, normaliseKey(c));
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(1, Math.floor(w.length / 3)) ? best.c : undefined;
}
