/**
 * Finds clause and control identifiers in a question, in every notation staff type: "A.5.15",
 * "5.15", "A8.16", "a.8.12", "annex a 8.28", "control 5.23", "clause 6.1.2", "42001 A.6.2.4",
 * "27001 9.2", "C.2.5", several at once ("compare 5.15 and 8.2").
 *
 * Pure: text in, mentions out. Resolving a mention against the knowledge base is search's job.
 */
import type { Standard } from './schema.js';

export interface IdMention {
  /** The text as typed. */
  raw: string;
  /** Normalised number, without any `A.` prefix: `5.15`, `6.1.2`, `2.5` (for C.2.5 see `annex`). */
  number: string;
  /** What the notation says it is: an Annex A control, an Annex C item, a clause, or unknown. */
  form: 'control' | 'annex-c' | 'clause' | 'either';
  /** The standard named next to this id, or the only standard named in the question. */
  standard?: Standard;
  /** Offset in the question. */
  index: number;
}

export interface IdParse {
  mentions: IdMention[];
  /** Standards named anywhere in the question. */
  standards: Standard[];
  /** Another standard's number was named ("ISO 9001", "27701"): ids then are not ours. */
  otherStandard?: string;
}

const STANDARD_RE = /\b(?:iso\s*\/?\s*(?:iec\s*)?)?(27001|42001)(?::?\s*20(?:22|23|13))?\b/gi;
const OTHER_STANDARD_RE = /\b(?:iso\s*\/?\s*(?:iec\s*)?)(\d{4,5})\b|\b(9001|14001|27701|27002|27017|27018|22301|20000|45001|31000|23894|27005)\b/gi;
/**
 * An identifier: optional "annex a" / "control" / "clause" / "A" / "C" marker, then 1-3 numbers.
 * Single numbers ("clause 9") need the word "clause" (or "annex a") so years and counts are not ids.
 */
const ID_RE =
  /(?<![\w.])(?:(annex\s*a|annex\s*c|controls?|clauses?|cl\.?|§)\s*)?(?:([ac])\s*\.?\s*)?(\d{1,2}(?:\s*\.\s*\d{1,2}){0,2})(?![\w]|\.\d)/gi;

function normaliseStandard(s: string): Standard {
  return (s.includes('42001') ? '42001' : '27001') as Standard;
}

export function parseIds(question: string): IdParse {
  const text = question.slice(0, 2000);
  const standardHits: Array<{ standard: Standard; index: number; end: number }> = [];
  for (const m of text.matchAll(STANDARD_RE)) standardHits.push({ standard: normaliseStandard(m[1]!), index: m.index, end: m.index + m[0].length });
  const standards = [...new Set(standardHits.map((h) => h.standard))];

  let otherStandard: string | undefined;
  for (const m of text.matchAll(OTHER_STANDARD_RE)) {
    const n = m[1] ?? m[2]!;
    if (n !== '27001' && n !== '42001') otherStandard = n;
  }

  const mentions: IdMention[] = [];
  for (const m of text.matchAll(ID_RE)) {
    const word = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const letter = (m[2] ?? '').toLowerCase();
    const number = m[3]!.replace(/\s+/g, '');
    const index = m.index;
    // Skip the numbers inside a standard's name ("27001", "2022").
    if (standardHits.some((h) => index >= h.index && index < h.end)) continue;
    const depth = number.split('.').length;
    let form: IdMention['form'];
    if (letter === 'c' || word.startsWith('annex c')) form = 'annex-c';
    else if (letter === 'a' || word.startsWith('annex a') || word.startsWith('control')) form = 'control';
    else if (word.startsWith('cl') || word === '§') form = 'clause';
    else form = 'either';
    // A lone number is an id only when marked as one ("clause 9", "annex a 5"), never "in 3 months".
    if (depth === 1 && form !== 'clause') continue;
    // "a 5.15" without the dot is too easily English ("a 5.2 rating"): only "A5.15"/"A.5.15" count.
    if (letter === 'a' && !/^a\s*\.?\s*\d/i.test(m[0].slice(m[1] ? m[1].length : 0).trimStart())) continue;
    const near = [...standardHits].reverse().find((h) => h.end <= index && index - h.end <= 24);
    const standard = near?.standard ?? (standards.length === 1 ? standards[0] : undefined);
    mentions.push({ raw: m[0].trim(), number, form, ...(standard ? { standard } : {}), index });
  }
  return { mentions, standards, ...(otherStandard ? { otherStandard } : {}) };
}
