/**
 * Finds the knowledge entries a question is about.
 *
 * 1. Identifiers first (`ids.ts`): an id that names one entry is an exact answer; one that exists
 *    in both standards, or as both clause and control, is a disambiguation unless the question
 *    names the standard.
 * 2. Otherwise free text is ranked over every entry: a BM25 index (MiniSearch) for whole questions,
 *    combined with fuse.js over titles, aliases and keywords for typos, with synonyms expanded and a
 *    nudge towards the standard the question hints at.
 * 3. Below `CONFIDENCE_THRESHOLD` the result is "not sure"; it is never presented as an answer.
 *
 * Contract: `search` is pure and synchronous over an index built once by `buildSearch`.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { parseIds, type IdMention } from './ids.js';
import type { KnowledgeBase } from './load.js';
import type { KnowledgeEntry, Standard } from './schema.js';

/** A free-text result at or above this score is answered; below it the bot says it is not sure. */
export const CONFIDENCE_THRESHOLD = 0.5;

export interface SearchMatch {
  ref: string;
  title: string;
  /** 0..1; 1 for an exact identifier. */
  score: number;
}

export type SearchResult =
  /** Identifiers that each name exactly one entry (one: an answer; several: a comparison). */
  | { type: 'exact'; refs: string[]; matches: SearchMatch[]; confident: true }
  /** An identifier with several candidates and no standard named. */
  | { type: 'ambiguous'; raw: string; candidates: string[]; matches: SearchMatch[]; confident: false }
  /** Free text, best first. */
  | { type: 'ranked'; matches: SearchMatch[]; confident: boolean };

export interface KnowledgeSearch {
  search(question: string, options?: { limit?: number }): SearchResult;
}

const STOP_WORDS = new Set(
  'a an and are as at be by can could do does did for from have has how i if in into is it its me my of on or our should so that the their them then there these they this to us we what when where which who why will with would you your about any need needs required require requirement requirements iso iec standard annex control controls clause clauses tell explain say says mean means please hey hi'.split(
    ' ',
  ),
);

/** Words people use, mapped to the words the knowledge base uses. Applied to questions only. */
const SYNONYMS: Record<string, string> = {
  mfa: 'multi-factor authentication',
  '2fa': 'two-factor authentication',
  sso: 'single sign-on authentication',
  byod: 'bring your own device endpoint',
  pentest: 'penetration test vulnerability',
  pentests: 'penetration test vulnerability',
  vendor: 'supplier',
  vendors: 'suppliers',
  soa: 'statement of applicability',
  dpia: 'data protection impact assessment privacy',
  llm: 'ai model',
  llms: 'ai models',
  genai: 'generative ai',
  ml: 'machine learning ai',
  bcp: 'business continuity',
  dr: 'disaster recovery',
  dlp: 'data leakage prevention',
  siem: 'logging monitoring',
  edr: 'malware endpoint',
  av: 'antivirus malware',
  wfh: 'remote working',
  nda: 'confidentiality non-disclosure agreement',
  ndas: 'confidentiality non-disclosure agreements',
  pii: 'personal data privacy',
  gdpr: 'privacy personal data',
  cve: 'vulnerability',
  cves: 'vulnerabilities',
  rbac: 'role-based access control',
  iam: 'identity access management',
  pam: 'privileged access',
  mdm: 'mobile device management endpoint',
  sdlc: 'secure development life cycle',
  cab: 'change advisory board change management',
  isms: 'information security management system',
  aims: 'ai management system',
  cost: 'cost price',
  price: 'cost',
};

const AI_HINT = /\b(ai|a\.i\.|artificial intelligence|machine learning|ml|llms?|genai|gpt|chatgpt|models?|training data|dataset|42001|neural|algorithm(ic)?)\b/i;
const ISMS_HINT = /\b(27001|isms|information security)\b/i;

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t));
}

function expand(question: string): string {
  const extra = tokenize(question)
    .map((t) => SYNONYMS[t])
    .filter((s): s is string => Boolean(s));
  return [question, ...extra].join(' ');
}

interface Doc {
  id: number;
  ref: string;
  title: string;
  aliases: string;
  keywords: string;
  summary: string;
  guidance: string;
}

function resolveMention(kb: KnowledgeBase, m: IdMention): string[] {
  const standards: Standard[] = m.standard ? [m.standard] : ['27001', '42001'];
  const out: string[] = [];
  for (const s of standards) {
    if (m.form === 'annex-c') {
      if (kb.byRef.has(`${s}:C.${m.number}`)) out.push(`${s}:C.${m.number}`);
      continue;
    }
    if (m.form !== 'clause' && kb.byRef.has(`${s}:A.${m.number}`)) out.push(`${s}:A.${m.number}`);
    if (m.form !== 'control' && kb.byRef.has(`${s}:${m.number}`)) out.push(`${s}:${m.number}`);
  }
  return out;
}

export function buildSearch(kb: KnowledgeBase): KnowledgeSearch {
  const entries = kb.entries;
  const docs: Doc[] = entries.map((e, id) => ({
    id,
    ref: e.ref,
    title: e.title,
    aliases: e.aliases.join(' · '),
    keywords: e.keywords.join(' · '),
    summary: e.summary,
    guidance: e.guidance ?? '',
  }));
  const mini = new MiniSearch<Doc>({
    fields: ['title', 'aliases', 'keywords', 'summary', 'guidance'],
    storeFields: ['ref'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term.toLowerCase(),
  });
  mini.addAll(docs);

  const fuse = new Fuse(
    entries.map((e) => ({ ref: e.ref, title: e.title, aliases: e.aliases, keywords: e.keywords })),
    { keys: [{ name: 'title', weight: 3 }, { name: 'aliases', weight: 2 }, { name: 'keywords', weight: 2 }], includeScore: true, threshold: 0.34, ignoreLocation: true, useTokenSearch: true } as never,
  );

  const match = (ref: string, score: number): SearchMatch => ({ ref, title: kb.byRef.get(ref)?.title ?? ref, score: Math.round(score * 1000) / 1000 });

  function rank(question: string, limit: number): SearchResult {
    const expanded = expand(question);
    const terms = tokenize(expanded);
    if (terms.length === 0) return { type: 'ranked', matches: [], confident: false };
    const results = mini.search(expanded, {
      boost: { title: 3, aliases: 3, keywords: 2.5, summary: 1, guidance: 0.4 },
      fuzzy: (term) => (term.length > 5 ? 0.2 : term.length > 3 ? 1 : false),
      prefix: (term) => term.length > 4,
      combineWith: 'OR',
    });
    const scores = new Map<string, number>();
    const best = results[0]?.score ?? 0;
    for (const r of results.slice(0, 50)) scores.set(r.ref as string, (r.score / Math.max(best, 1e-9)) * Math.min(1, best / 12));
    for (const f of fuse.search(question.slice(0, 200)).slice(0, 20)) {
      const s = 1 - (f.score ?? 1);
      scores.set(f.item.ref, Math.max(scores.get(f.item.ref) ?? 0, s * 0.9) + (scores.get(f.item.ref) ?? 0) * 0.1);
    }
    const wantsAi = AI_HINT.test(question);
    const wantsIsms = ISMS_HINT.test(question);
    const ranked = [...scores.entries()]
      .map(([ref, s]) => {
        const e = kb.byRef.get(ref) as KnowledgeEntry;
        let score = s;
        if (wantsAi && !wantsIsms && e.standard === '27001') score *= 0.8;
        if (wantsIsms && !wantsAi && e.standard === '42001') score *= 0.8;
        return { ref, score: Math.min(1, score) };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((r) => match(r.ref, r.score));
    return { type: 'ranked', matches: ranked, confident: (ranked[0]?.score ?? 0) >= CONFIDENCE_THRESHOLD };
  }

  return {
    search(question, options = {}) {
      const limit = options.limit ?? 5;
      const parsed = parseIds(question);
      if (parsed.mentions.length && !parsed.otherStandard) {
        const resolved = parsed.mentions.map((m) => ({ m, refs: resolveMention(kb, m) })).filter((r) => r.refs.length > 0);
        const ambiguous = resolved.find((r) => r.refs.length > 1);
        if (ambiguous) {
          return { type: 'ambiguous', raw: ambiguous.m.raw, candidates: ambiguous.refs, matches: ambiguous.refs.map((r) => match(r, 0.5)), confident: false };
        }
        const refs = [...new Set(resolved.map((r) => r.refs[0]!))];
        if (refs.length) return { type: 'exact', refs, matches: refs.map((r) => match(r, 1)), confident: true };
      }
      return rank(question, limit);
    },
  };
}
