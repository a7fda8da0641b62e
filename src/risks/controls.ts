/**
 * Control references on a risk: checked against the knowledge base, in any notation staff type
 * (`A.5.15`, `5.15`, `A5.15`, `27001:A.5.15`, `42001 A.6.2.4`, `clause6.1.3`), and suggested from
 * the knowledge base when none is given.
 *
 * Identifiers are read with the search's own id parser (`knowledge/ids.ts`), so a risk accepts
 * exactly the notations a question does. In a control field a bare number means an Annex A control
 * (`8.2` is A.8.2), a clause only when written as one.
 */
import { UserError } from '../errors.js';
import { labelOf } from '../knowledge/entry-card.js';
import { parseIds } from '../knowledge/ids.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeSearch } from '../knowledge/search.js';
import { STANDARDS, type KnowledgeEntry, type Standard } from '../knowledge/schema.js';
import { cleanLine } from './clean-text.js';
import { LIMITS } from './risk.js';

function candidatesFor(kb: KnowledgeBase, token: string, hint: readonly Standard[]): { refs: string[]; shown: string } | undefined {
  const direct = kb.byRef.get(token);
  if (direct && direct.kind !== 'topic') return { refs: [direct.ref], shown: token };
  const parsed = parseIds(token.replace(/^(27001|42001):/, '$1 '));
  if (parsed.mentions.length !== 1 || parsed.otherStandard) return undefined;
  const m = parsed.mentions[0]!;
  const lookup = (standards: readonly Standard[]): string[] => {
    const refs = (form: 'control' | 'clause' | 'annex-c') =>
      standards.map((s) => (form === 'control' ? `${s}:A.${m.number}` : form === 'annex-c' ? `${s}:C.${m.number}` : `${s}:${m.number}`)).filter((r) => kb.byRef.has(r));
    if (m.form === 'either') {
      const controls = refs('control');
      return controls.length ? controls : refs('clause');
    }
    return refs(m.form);
  };
  if (m.standard) return { refs: lookup([m.standard]), shown: m.raw };
  // The risk's own standards first; an id that only exists in the other standard is still accepted.
  const preferred = hint.length ? lookup(hint) : [];
  return { refs: preferred.length ? preferred : lookup(STANDARDS), shown: m.raw };
}

/**
 * The knowledge refs (`27001:A.5.15`) for control ids as typed. Throws one `UserError` naming every
 * id that does not exist or exists in both standards.
 */
export function resolveControls(kb: KnowledgeBase, tokens: readonly string[], hint: readonly Standard[] = []): string[] {
  const out: string[] = [];
  const problems: string[] = [];
  for (const raw of tokens) {
    const token = cleanLine(raw).slice(0, 40);
    if (!token) continue;
    const c = candidatesFor(kb, token, hint);
    if (!c) problems.push(`"${token}" is not a control id (write it like A.5.15, 8.24 or 42001:A.6.2.4).`);
    else if (c.refs.length === 0) problems.push(`"${token}" is not a control or clause of ISO/IEC 27001:2022 or ISO/IEC 42001:2023.`);
    else if (c.refs.length > 1) problems.push(`"${token}" exists in both standards: write ${c.refs.join(' or ')}.`);
    else if (!out.includes(c.refs[0]!)) out.push(c.refs[0]!);
  }
  if (out.length > LIMITS.controls) problems.push(`A risk links up to ${LIMITS.controls} controls; ${out.length} were given.`);
  if (problems.length) throw new UserError('BAD_INPUT', problems.join(' '), 'Nothing was changed. Ask "/iso <id>" to check an id.');
  return out;
}

/** How many controls to suggest at most. */
export const SUGGESTION_LIMIT = 4;
/** The best match must reach this search score, or nothing is suggested. */
export const SUGGESTION_MIN_SCORE = 0.3;
/**
 * Other matches must reach this share of the best one's score. Relative, because how high a
 * search score runs depends on the text: a clear second candidate of a vague title still counts.
 */
export const SUGGESTION_RELATIVE_SCORE = 0.5;

/**
 * Controls the knowledge base suggests for a risk's text: the best-covered Annex A controls in the
 * search's ranking (which stems words, so "not encrypted" meets "encryption"), limited to the risk's
 * standards when it names any.
 */
export function suggestControls(kb: KnowledgeBase, search: KnowledgeSearch, text: string, standards: readonly Standard[] = []): string[] {
  // A title without a real word ("x", "???") would only draw noise from the ranking.
  if (!/\p{L}{3,}/u.test(text)) return [];
  const result = search.search(text.slice(0, 300), { limit: 12 });
  if (result.type !== 'ranked' || result.offTopic) return [];
  const isCandidate = (e: KnowledgeEntry | undefined): boolean => e !== undefined && e.kind === 'control' && (standards.length === 0 || (e.standard !== null && standards.includes(e.standard)));
  const controls = result.matches.filter((m) => isCandidate(kb.byRef.get(m.ref))).sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : 1));
  const best = controls[0]?.score ?? 0;
  if (best < SUGGESTION_MIN_SCORE) return [];
  return controls
    .filter((m) => m.score >= best * SUGGESTION_RELATIVE_SCORE)
    .slice(0, SUGGESTION_LIMIT)
    .map((m) => m.ref);
}

/** `27001 A.8.1 User endpoint devices`, or the ref itself if the entry has gone from the knowledge base. */
export function controlLabel(kb: KnowledgeBase, ref: string): string {
  const e = kb.byRef.get(ref);
  return e ? labelOf(e) : ref;
}
