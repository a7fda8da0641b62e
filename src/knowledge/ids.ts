/**
 * Finds clause and control identifiers in a question, in every notation staff type: "A.5.15",
 * "5.15", "A8.16", "a.8.12", "annex a 8.28", "control 5.23", "clause 6.1.2", "section 7.2",
 * "42001 A.6.2.4", "27001 9.2", "27001 a 5.30", "C.2.5", "annex c 3.4", 2013 numbers ("A.12.3.1"),
 * and several at once ("compare 5.15 and 8.2").
 *
 * Pure: text in, mentions out. Resolving a mention against the knowledge base is search's job.
 * The parser errs on the side of not seeing an id: "in 3 months", "a 5.2 rating", "2022" and the
 * numbers of other frameworks ("ISO 9001 clause 8.5", "PCI DSS requirement 8.3.6") are not ours.
 */
import type { Standard } from './schema.js';

export interface IdMention {
  /** The text as typed. */
  raw: string;
  /** Normalised number, without any `A.`/`C.` prefix: `5.15`, `6.1.2`, `2.5`. */
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
  /**
   * Another framework the question is about ("ISO 9001", "27701", "PCI DSS" with a requirement
   * number, "SOC 2" with a criterion such as CC6.1): its numbers are not ours to resolve.
   */
  otherStandard?: string;
}

/** At most this much of a question is parsed; nobody types an id after 2000 characters. */
export const MAX_PARSED_LENGTH = 2000;

const STANDARD_RE = /\b(?:iso\s*\/?\s*(?:iec\s*)?)?(27001|42001)(?::?\s*(?:19|20)\d\d)?\b/gi;
/** Other ISO standards, named with "ISO" or by a number people know. */
const OTHER_ISO_RE = /\biso\s*\/?\s*(?:iec\s*)?(\d{4,5})\b|\b(9001|14001|27701|27002|27005|27017|27018|22301|20000|45001|31000|23894|23053|38507)\b/gi;
/**
 * Frameworks that are not ours, when the question points at one of their requirements (a name
 * followed by a number, or an identifier shaped like theirs). Named alone ("SOC 2 report",
 * "GDPR") they are ordinary words: the knowledge base talks about them.
 */
const OTHER_FRAMEWORKS = String.raw`soc\s*[12]|pci(?:[\s-]*dss)?|hipaa|nist(?:\s*csf|\s*800-\d+)?|sox|sarbanes[\s-]*oxley|cobit|gdpr|nis\s*2|dora|ccpa|hitrust|fedramp|cis\s+controls?|tisax|cmmc|itil`;
const OTHER_FRAMEWORK_RE = new RegExp(
  String.raw`\b(${OTHER_FRAMEWORKS})\b[^.?!\n]{0,24}?\b(?:requirements?|sections?|articles?|art\.|criteri(?:a|on)|req\.|§)\s*(\d+(?:[.-]\d+)*[a-z]?)\b` +
    String.raw`|\b(${OTHER_FRAMEWORKS})\s*(\d+\.\d+(?:\.\d+)*)\b`,
  'gi',
);
/** Identifiers that only other frameworks use: SOC 2 "CC6.1", NIST CSF "GV.OC-01", "PR.AC-1". */
const FOREIGN_ID_RE = /\b(?:cc\d+\.\d+|[a-z]{2}\.[a-z]{2}-\d{1,2}|pr\.[a-z]{2}|de\.[a-z]{2})\b/i;

/**
 * An identifier: an optional marker ("annex a", "annex c", "control", "clause", "section", "§"),
 * an optional letter (A or C), then 1-3 numbers. Single numbers ("clause 9") need a marker, so
 * years and counts are not ids.
 */
const ID_RE =
  /(?<![\w.])(?:(annex\s*a|annex\s*c|controls?|clauses?|cl\.?|sections?|sec\.?|§)\s*)?(?:([ac])(?:\s*\.\s*|\s+)?)?(\d{1,2}(?:\s*\.\s*\d{1,2}){0,3})(?![\w]|\.\d)/gi;

function normaliseStandard(s: string): Standard {
  return (s.includes('42001') ? '42001' : '27001') as Standard;
}

function otherStandardOf(text: string): string | undefined {
  for (const m of text.matchAll(OTHER_ISO_RE)) {
    const n = m[1] ?? m[2]!;
    if (n !== '27001' && n !== '42001') return `ISO ${n}`;
  }
  for (const m of text.matchAll(OTHER_FRAMEWORK_RE)) {
    // "GDPR 2016" is a year, not a requirement.
    const id = m[2] ?? m[4]!;
    if (/^(?:19|20)\d\d$/.test(id)) continue;
    return (m[1] ?? m[3]!).replace(/\s+/g, ' ').toUpperCase();
  }
  const foreign = FOREIGN_ID_RE.exec(text);
  if (foreign) return foreign[0];
  return undefined;
}

export function parseIds(question: string): IdParse {
  const text = question.slice(0, MAX_PARSED_LENGTH);
  const standardHits: Array<{ standard: Standard; index: number; end: number }> = [];
  for (const m of text.matchAll(STANDARD_RE)) standardHits.push({ standard: normaliseStandard(m[1]!), index: m.index, end: m.index + m[0].length });
  const standards = [...new Set(standardHits.map((h) => h.standard))];
  const otherStandard = otherStandardOf(text);
  // An id is "the whole question" when nothing but filler surrounds it: "A.7.4?", "27001 a 5.30".
  const words = text.trim().split(/\s+/).length;

  const mentions: IdMention[] = [];
  for (const m of text.matchAll(ID_RE)) {
    const marker = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const letter = (m[2] ?? '').toLowerCase();
    // "A.05.15" is A.5.15: leading zeros are a way of typing the number, not part of it.
    const number = m[3]!.replace(/\s+/g, '').split('.').map((p) => String(Number(p))).join('.');
    const index = m.index;
    // Skip the numbers inside a standard's name ("27001", ":2022").
    if (standardHits.some((h) => index >= h.index && index < h.end)) continue;
    const parts = number.split('.');
    if (parts.some((p) => p.length === 0 || Number(p) === 0)) continue;
    let form: IdMention['form'];
    if (letter === 'c' || marker.startsWith('annex c')) form = 'annex-c';
    else if (letter === 'a' || marker.startsWith('annex a') || marker.startsWith('control')) form = 'control';
    else if (marker.startsWith('cl') || marker.startsWith('sec') || marker === '§') form = 'clause';
    else form = 'either';
    // A lone number is an id only when marked as a clause ("clause 9"), never "in 3 months".
    if (parts.length === 1 && form !== 'clause') continue;
    // "a 5.2" / "c 3" without a dot is too easily English ("a 5.2 rating", "c 3 times"): it counts
    // only right after a standard's name or a marker, or as the whole question.
    const letterText = m[0].slice(m[1]?.length ?? 0).trimStart();
    if (letter && /^[ac]\s+\d/i.test(letterText)) {
      const before = text.slice(Math.max(0, index - 16), index);
      const afterStandard = /(?:27001|42001)(?::?\s*20\d\d)?\s*$/i.test(before);
      if (!m[1] && !afterStandard && words > 3) continue;
    }
    const near = [...standardHits].reverse().find((h) => h.end <= index && index - h.end <= 24);
    const standard = near?.standard ?? (standards.length === 1 ? standards[0] : undefined);
    mentions.push({ raw: m[0].trim(), number, form, ...(standard ? { standard } : {}), index });
  }
  return { mentions, standards, ...(otherStandard ? { otherStandard } : {}) };
}

/**
 * A 27001:2013 Annex A number ("A.12.3.1"): three parts under A.5-A.18. The 2022 edition has two
 * parts (A.5.1-A.8.34), so a three-part 27001 control number is always from 2013. ISO/IEC 42001
 * has three-part controls too (A.6.1.2), which search tries first.
 */
export function isEdition2013Number(m: IdMention): boolean {
  const parts = m.number.split('.').map(Number);
  return m.form !== 'clause' && m.form !== 'annex-c' && parts.length === 3 && parts[0]! >= 5 && parts[0]! <= 18;
}
