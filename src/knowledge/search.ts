/**
 * Finds the knowledge entries a question is about.
 *
 * 1. Identifiers first (`ids.ts`): an id that names one entry is an exact answer; several ids are a
 *    comparison; an id that exists in both standards, or as both clause and control, is a
 *    disambiguation unless the question names the standard (or the other ids in it settle which
 *    one: "compare 5.15 and 8.2" is two 27001 controls). 27001:2013 numbers ("A.12.3.1") resolve
 *    to the 2022 controls that replaced them.
 * 2. Otherwise free text is ranked over every entry:
 *    - the question is cut into words and stemmed exactly like the entries (`synonyms.ts`);
 *    - words the knowledge base never uses are corrected to the closest word it does use
 *      ("acess" -> "access");
 *    - the thesaurus adds the knowledge base's words for staff's words ("MFA", "vendor", "laptop");
 *    - a BM25 index (MiniSearch) scores whole questions, fields weighted (title > aliases and
 *      keywords > summary > readiness questions > guidance and evidence);
 *    - the confidence is the best candidate's *coverage*: how much of what the question says the
 *      entry itself says, each word weighted by how telling it is (re-ranking by coverage as well
 *      was tried and measured no better than BM25, so it only decides confidence);
 *    - titles, aliases and keywords found word for word in the question add a bonus, and for
 *      short questions fuse.js re-ranks the leading candidates by how nearly the question spells
 *      out one of their names ("statment of aplicability");
 *    - a named standard ("in 42001", "ISMS") or AI words ("our model") steer towards a standard.
 * 3. Below `CONFIDENCE_THRESHOLD` the result is "not sure" and is never presented as an answer;
 *    neither is a question with no word that names anything here (off-topic), nor one about
 *    another framework's requirements ("PCI DSS requirement 8.3.6").
 *
 * Contract: `search` is pure and synchronous over an index built once by `buildSearch`; it never
 * throws on any input and reads at most `MAX_QUESTION_LENGTH` characters of it.
 */
import Fuse from 'fuse.js';
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import { isEdition2013Number, MAX_PARSED_LENGTH, parseIds, type IdMention } from './ids.js';
import type { KnowledgeBase } from './load.js';
import type { KnowledgeEntry, Standard } from './schema.js';
import { AI_WORDS, analyse, mentionsAi, Speller, STANDARD_WORDS, stemOf, STOP_WORDS, THESAURUS, words, type VocabularyWord } from './synonyms.js';

/**
 * A free-text answer whose coverage is at or above this is given as the answer; below it the bot
 * says it is not sure and offers "did you mean" choices. 0.55 means: the words carrying more than
 * half of what the question says are the entry's own. `npm run bench` shows how the share of
 * questions answered, the wrong answers given and the negatives move around it.
 */
export const CONFIDENCE_THRESHOLD = 0.55;
/** Below this coverage a question is treated as outside what Annex knows (off-topic). */
export const OFF_TOPIC_THRESHOLD = 0.3;
/** Questions are cut at this length: enough for any real question, bounded work per message. */
export const MAX_QUESTION_LENGTH = MAX_PARSED_LENGTH;
/** Words of a question that are ranked: real questions are far shorter; this bounds the work. */
export const MAX_QUESTION_WORDS = 80;

/** One entry a question matched. */
export interface SearchMatch {
  ref: string;
  title: string;
  /**
   * 0..1. 1 for an exact identifier. For free text the first match's score is the confidence (its
   * coverage of the question) and the others fall with their rank.
   */
  score: number;
}

/** How a question was read: exact identifiers, an ambiguous identifier, or ranked free text. */
export type SearchResult =
  /**
   * Identifiers that each name exactly one entry (one: an answer; several: a comparison).
   * `note` explains a translation, e.g. a 2013 control number mapped to its 2022 successor.
   */
  | { type: 'exact'; refs: string[]; matches: SearchMatch[]; confident: true; note?: string }
  /** An identifier with several candidates and no standard named. */
  | { type: 'ambiguous'; raw: string; candidates: string[]; matches: SearchMatch[]; confident: false }
  /**
   * Free text, best first. `offTopic`: nothing in the question is Annex's subject.
   * `otherStandard`: the question is about another framework's requirements.
   */
  | { type: 'ranked'; matches: SearchMatch[]; confident: boolean; offTopic?: boolean; otherStandard?: string };

/** Search over the knowledge base: synchronous and pure once built (`buildSearch`). */
export interface KnowledgeSearch {
  search(question: string, options?: { limit?: number }): SearchResult;
}

/** How a free-text question was read and scored: for the benchmark, tests and debugging. */
export interface SearchExplanation {
  groups: Array<{ surface: string; terms: Record<string, number>; weight: number; known: boolean; standard?: Standard }>;
  standards: Standard[];
  ai: boolean;
  anchored: boolean;
  candidates: Array<{ ref: string; bm25: number; coverage: number; fuse: number; phrase: number; steer: number; score: number }>;
}

/** The search plus its explanation; `buildSearch` returns this, callers need only `KnowledgeSearch`. */
export interface ExplainableSearch extends KnowledgeSearch {
  explain(question: string): SearchExplanation;
}

/** Switches for measuring what each part contributes (bench/search.ts); the defaults are the product. */
export interface SearchTuning {
  /** fuse.js re-ranking of the leading candidates for short questions. */
  fuzzyTitles?: boolean;
  /** Spelling correction against the knowledge base's vocabulary. */
  spelling?: boolean;
  /** The thesaurus. */
  synonyms?: boolean;
  /** Standard steering, and the preference for sub-clauses and for the standards' own entries. */
  steering?: boolean;
  /** Bonus for titles, aliases and keywords found word for word in the question. */
  phrases?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Weights. Each is a judgement; the evaluation set in test/knowledge keeps them honest.
// ---------------------------------------------------------------------------------------------

/** BM25 field boosts: an entry's title says more about it than a sentence of its guidance. */
const FIELD_BOOST = { title: 4, aliases: 3, keywords: 3, summary: 1.5, questions: 1, guidance: 0.5, evidence: 0.5 } as const;
type Field = keyof typeof FIELD_BOOST;
const FIELDS = Object.keys(FIELD_BOOST) as Field[];
/** The fields that name an entry, as opposed to describing it. */
const NAMING_FIELDS: ReadonlySet<Field> = new Set(['title', 'aliases', 'keywords']);
/** How well a word found in a field explains it, for coverage. */
const FIELD_STRENGTH: Record<Field, number> = { title: 1, aliases: 1, keywords: 1, summary: 0.75, questions: 0.6, guidance: 0.45, evidence: 0.45 };
/** Keywords and aliases are phrases: one word of "extreme weather" is not the concept. */
const PARTIAL_PHRASE_STRENGTH = 0.6;
/** Term weights in the BM25 query and in coverage, by where the term came from. */
const SOURCE_WEIGHT = { word: 1, corrected: 0.9, synonym: 0.75, standard: 0.3 } as const;
type TermSource = keyof typeof SOURCE_WEIGHT;
/** How telling a word is that the knowledge base never uses (and no correction explains). */
const UNKNOWN_WORD_WEIGHT = 2.5;
/** An unknown token with digits ("3pm", "CC6") is a code or quantity from elsewhere: more telling. */
const UNKNOWN_CODE_WEIGHT = 4;
/**
 * The most a word may weigh that the knowledge base uses only in running text, never in a title,
 * alias or keyword. In a corpus of a few hundred entries idf makes any rare word look telling;
 * "clicked" or "cares" are rare here because they are ordinary English, not because they name
 * anything. Words that name entries keep their full idf.
 */
const PROSE_WORD_CAP = 1.5;
/** How telling a standard's name is ("in 42001"): every entry of that standard matches it. */
const STANDARD_WORD_WEIGHT = 1;
/** Score factor for entries of the other standard when the question names one, or talks about AI. */
const STEER_NAMED = 0.7;
const STEER_AI = 0.85;
/** A question that says nothing about AI is less likely to be about a 42001 entry. */
const STEER_NO_AI = 0.8;
/** Chapter clauses ("5 Leadership") summarise their sub-clauses, which state the requirements. */
const CHAPTER_FACTOR = 0.9;
/** Topic entries answer what the standards' own entries cannot (cost, timelines, comparisons);
 * where a clause or control fits as well it is the better answer, because it cites the standard. */
const TOPIC_FACTOR = 0.9;
/** A topic about other standards as well as the one(s) named fits the question a little less. */
const EXACT_STANDARDS_FACTOR = 0.9;
/** Verbatim title/alias/keyword bonus, full from four words ("who is responsible for what"). */
const PHRASE_WEIGHT = 0.2;
/** fuse.js bonus, the longest question (content words) it applies to, and how many candidates it re-ranks. */
const FUSE_WEIGHT = 0.25;
const FUSE_MAX_WORDS = 6;
const FUSE_RERANK = 6;
/** Bitap, fuse.js's matcher, works on 32-character patterns; longer ones are split and slower. */
const FUSE_PATTERN_LENGTH = 32;
/** Candidates taken from BM25 for re-ranking. */
const CANDIDATES = 30;

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/** One thing the question says (a word, or a phrase the thesaurus knows), with the terms that match it. */
interface QueryGroup {
  surface: string;
  /** Stems that match this group, each with its weight. */
  terms: Map<string, number>;
  /** How telling the group is (see the weights above). */
  weight: number;
  /** Set when the group is a standard's name. */
  standard?: Standard;
  known: boolean;
}

interface AnalysedQuestion {
  groups: QueryGroup[];
  /** Every stem in the question, expansions included: for the whole-phrase test. */
  stems: Set<string>;
  standards: Standard[];
  ai: boolean;
  contentWords: number;
  /** True when some word of the question names something in the knowledge base. */
  anchored: boolean;
}

interface DocInfo {
  entry: KnowledgeEntry;
  /** Stems of each keyword and alias phrase, for the whole-phrase test. */
  phrases: string[][];
  /** Standards the entry belongs to (topics: the ones they are about; none listed: both). */
  standards: readonly Standard[];
  /** The entry's names (title, aliases, keywords), for fuse.js. */
  names: string[];
  /** Kind-and-standard factor applied to its score (chapters, topics); see the weights above. */
  prior: number;
}

interface Candidate {
  idx: number;
  bm25: number;
  hit: MiniResult | undefined;
  fuse: number;
  phrase: number;
  steer: number;
  score: number;
}

function docStandards(e: KnowledgeEntry): readonly Standard[] {
  if (e.standard) return [e.standard];
  return e.standards?.length ? e.standards : ['27001', '42001'];
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

export function buildSearch(kb: KnowledgeBase, tuning: SearchTuning = {}): ExplainableSearch {
  const use = { fuzzyTitles: true, spelling: true, synonyms: true, steering: true, phrases: true, ...tuning };
  const entries = kb.entries;
  const N = entries.length;

  // One pass over the text: stems for the index, and the vocabulary for spelling and weights.
  const vocabulary = new Map<string, VocabularyWord>();
  const stemDf = new Map<string, number>();
  /** Stems used in some entry's title, aliases or keywords: the domain's own vocabulary. */
  const namingStems = new Set<string>();
  const phrasesByFirst = new Map<string, Array<{ idx: number; words: string[] }>>();
  /** Entries by each of their names (title, alias, keyword) without filler: "siem", "statement applicability". */
  const entriesByName = new Map<string, number[]>();
  const docs: Array<Record<Field, string> & { id: number }> = [];
  const info: DocInfo[] = [];
  entries.forEach((e, idx) => {
    const texts: Record<Field, string[]> = {
      title: [e.title],
      aliases: e.aliases,
      keywords: e.keywords,
      summary: [e.summary],
      questions: e.questions,
      guidance: [e.guidance ?? '', e.amendment ?? ''],
      evidence: e.evidence,
    };
    const doc = { id: idx } as Record<Field, string> & { id: number };
    const seenWords = new Set<string>();
    const seenStems = new Set<string>();
    const namingWords = new Set<string>();
    const phrases: string[][] = [];
    for (const field of FIELDS) {
      const stems: string[] = [];
      for (const text of texts[field]) {
        const ws = words(text);
        const content: string[] = [];
        for (const w of ws) {
          if (STOP_WORDS.has(w)) continue;
          const s = stemOf(w);
          content.push(s);
          seenWords.add(w);
          seenStems.add(s);
          if (NAMING_FIELDS.has(field)) namingWords.add(w);
        }
        stems.push(...content);
        if (field === 'aliases' || field === 'keywords') if (content.length) phrases.push(content);
        if (NAMING_FIELDS.has(field) && content.length) {
          const key = ws.filter((w) => !STOP_WORDS.has(w)).join(' ');
          const list = entriesByName.get(key) ?? [];
          if (!list.includes(idx)) list.push(idx);
          entriesByName.set(key, list);
        }
        if (NAMING_FIELDS.has(field) && ws.length >= 2 && content.length) {
          const list = phrasesByFirst.get(ws[0]!) ?? [];
          list.push({ idx, words: ws });
          phrasesByFirst.set(ws[0]!, list);
        }
      }
      doc[field] = stems.join(' ');
    }
    docs.push(doc);
    for (const w of seenWords) {
      const v = vocabulary.get(w) ?? { df: 0, namingDf: 0, stop: false };
      v.df += 1;
      if (namingWords.has(w)) v.namingDf += 1;
      vocabulary.set(w, v);
    }
    for (const s of seenStems) stemDf.set(s, (stemDf.get(s) ?? 0) + 1);
    for (const w of namingWords) namingStems.add(stemOf(w));
    info.push({
      entry: e,
      phrases,
      standards: docStandards(e),
      names: [e.title, ...e.aliases, ...e.keywords],
      prior: (e.kind === 'clause' && !e.id.includes('.') ? CHAPTER_FACTOR : 1) * (e.kind === 'topic' ? TOPIC_FACTOR : 1),
    });
  });
  // Stop words are correction targets too ("mcuh" -> "much"), so filler is not mistaken for content.
  for (const w of STOP_WORDS) if (!vocabulary.has(w)) vocabulary.set(w, { df: 0, namingDf: 0, stop: true });
  const speller = new Speller(vocabulary);

  const mini = new MiniSearch<Record<Field, string> & { id: number }>({
    fields: FIELDS,
    // Fields hold stems already: one analyser (synonyms.ts) for entries and questions alike.
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
  });
  mini.addAll(docs);

  const thesaurus = THESAURUS.map(([from, to]) => {
    const key = words(from).map(stemOf);
    return { key, adds: words(to).filter((w) => !STOP_WORDS.has(w)).map(stemOf).filter((s) => !key.includes(s)) };
  }).sort((a, b) => b.key.length - a.key.length);
  const thesaurusWords = new Set(THESAURUS.flatMap(([from]) => words(from)));

  const idf = (stem: string): number => {
    const df = stemDf.get(stem) ?? 0;
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  };
  /** How telling a known stem is in a question (see PROSE_WORD_CAP). */
  const telling = (stem: string): number => (namingStems.has(stem) ? idf(stem) : Math.min(idf(stem), PROSE_WORD_CAP));

  // fuse.js instances per entry, made when first needed: most entries are never re-ranked by it.
  const fuseOf = new Map<number, Fuse<string>>();
  function fuseScore(idx: number, pattern: string): number {
    let f = fuseOf.get(idx);
    if (!f) {
      f = new Fuse(info[idx]!.names, { includeScore: true, threshold: 0.3, ignoreLocation: true });
      fuseOf.set(idx, f);
    }
    const best = f.search(pattern, { limit: 1 })[0];
    return best ? 1 - (best.score ?? 1) : 0;
  }

  /**
   * For each entry, the length in words of its longest name found word for word in the question.
   * A question that is nothing but one of an entry's names ("SIEM", "clear desk") counts as a
   * full-length match: the question is that name.
   */
  function verbatimPhrases(question: string): Map<number, number> {
    const qs = words(question);
    const found = new Map<number, number>();
    for (const idx of entriesByName.get(qs.filter((w) => !STOP_WORDS.has(w)).join(' ')) ?? []) found.set(idx, 4);
    qs.forEach((w, i) => {
      for (const p of phrasesByFirst.get(w) ?? []) {
        if (p.words.length > qs.length - i || (found.get(p.idx) ?? 0) >= p.words.length) continue;
        if (p.words.every((pw, j) => qs[i + j] === pw)) found.set(p.idx, p.words.length);
      }
    });
    return found;
  }

  function analyseQuestion(question: string, namedStandards: Standard[]): AnalysedQuestion {
    // Dotted numbers are identifiers (ours were resolved before ranking; others' are not ours).
    const raw = analyse(question.replace(/\b\d+(?:\.\d+)+\b/g, ' ')).slice(0, MAX_QUESTION_WORDS);
    const standards = new Set<Standard>(namedStandards);
    let ai = mentionsAi(question);
    // Stop words stay in the sequence until the thesaurus has run, since its keys may hold them
    // ("who can see", "people who use"); outside a thesaurus phrase they are dropped.
    type Tok = { surface: string; stem: string; source: TermSource | 'stop'; known: boolean };
    const toks: Tok[] = [];
    raw.forEach((w, i) => {
      // "aims to" is a verb, not the AI management system.
      if (w.surface === 'aims' && raw[i + 1]?.surface === 'to') w = { surface: 'aim', stem: stemOf('aim') };
      if (AI_WORDS.has(w.surface)) ai = true;
      const std = STANDARD_WORDS.get(w.surface);
      if (std) {
        standards.add(std);
        toks.push({ surface: w.surface, stem: w.stem, source: 'standard', known: true });
      } else if (STOP_WORDS.has(w.surface)) {
        toks.push({ surface: w.surface, stem: w.stem, source: 'stop', known: true });
      } else if (/^\d+$/.test(w.surface) && !stemDf.has(w.stem)) {
        // A count or a year the knowledge base never mentions says nothing about which entry.
      } else if (stemDf.has(w.stem) || thesaurusWords.has(w.surface)) {
        toks.push({ surface: w.surface, stem: w.stem, source: 'word', known: true });
      } else {
        const fixed = use.spelling ? speller.correct(w.surface) : undefined;
        if (fixed && STOP_WORDS.has(fixed)) toks.push({ surface: fixed, stem: stemOf(fixed), source: 'stop', known: true });
        else if (fixed) {
          if (AI_WORDS.has(fixed)) ai = true;
          toks.push({ surface: fixed, stem: stemOf(fixed), source: 'corrected', known: true });
        } else toks.push({ surface: w.surface, stem: w.stem, source: 'word', known: false });
      }
    });

    const groups: QueryGroup[] = [];
    const stems = new Set<string>();
    for (let i = 0; i < toks.length; ) {
      const t = toks[i]!;
      if (t.source === 'standard') {
        const g: QueryGroup = { surface: t.surface, terms: new Map([[t.stem, SOURCE_WEIGHT.standard]]), weight: STANDARD_WORD_WEIGHT, standard: STANDARD_WORDS.get(t.surface)!, known: true };
        // "ISMS" and "AIMS" are also what the standards call their management systems.
        if (use.synonyms) for (const th of thesaurus) if (th.key.length === 1 && th.key[0] === t.stem) for (const s of th.adds) g.terms.set(s, SOURCE_WEIGHT.synonym * 0.5);
        groups.push(g);
        stems.add(t.stem);
        i += 1;
        continue;
      }
      // The longest thesaurus key starting here, if any.
      let matched: { len: number; adds: string[] } | undefined;
      if (use.synonyms) {
        for (const th of thesaurus) {
          if (th.key.length <= toks.length - i && th.key.every((k, j) => toks[i + j]!.stem === k && toks[i + j]!.source !== 'standard')) {
            matched = { len: th.key.length, adds: th.adds };
            break;
          }
        }
      }
      if (!matched && t.source === 'stop') {
        i += 1;
        continue;
      }
      const span = toks.slice(i, i + (matched?.len ?? 1));
      i += span.length;
      const terms = new Map<string, number>();
      for (const s of span) if (s.source !== 'stop') terms.set(s.stem, Math.max(terms.get(s.stem) ?? 0, SOURCE_WEIGHT[s.source as TermSource]));
      for (const a of matched?.adds ?? []) if (!terms.has(a)) terms.set(a, SOURCE_WEIGHT.synonym);
      if (terms.size === 0) continue;
      const known = Boolean(matched) || span.some((s) => s.known && s.source !== 'stop');
      // A phrase is as telling as its most telling word. A corrected word is never more telling
      // than an unknown one: the correction may be wrong.
      let weight = known
        ? Math.max(0.5, ...[...terms.keys()].filter((s) => stemDf.has(s)).map(telling))
        : /\d/.test(span[0]!.surface)
          ? UNKNOWN_CODE_WEIGHT
          : UNKNOWN_WORD_WEIGHT;
      if (!matched && span.every((s) => s.source === 'corrected')) weight = Math.min(weight, UNKNOWN_WORD_WEIGHT);
      groups.push({ surface: span.map((s) => s.surface).join(' '), terms, weight, known });
      for (const s of terms.keys()) stems.add(s);
    }
    const anchored = groups.some((g) => g.standard !== undefined || [...g.terms.keys()].some((t) => namingStems.has(t)));
    const contentWords = toks.filter((t) => t.source !== 'stop').length;
    return { groups, stems, standards: [...standards], ai, contentWords, anchored };
  }

  /** How much of the question entry `idx` explains: the confidence when it is the best candidate. */
  function coverageOf(q: AnalysedQuestion, idx: number, hit: MiniResult | undefined): number {
    const d = info[idx]!;
    let total = 0;
    let covered = 0;
    for (const g of q.groups) {
      total += g.weight;
      if (g.standard) {
        if (d.standards.includes(g.standard)) covered += g.weight;
        continue;
      }
      let best = 0;
      for (const [term, termWeight] of g.terms) {
        for (const f of (hit?.match[term] ?? []) as Field[]) {
          let strength = FIELD_STRENGTH[f];
          if ((f === 'keywords' || f === 'aliases') && !d.phrases.some((p) => p.includes(term) && p.every((s) => q.stems.has(s)))) {
            strength = Math.min(strength, PARTIAL_PHRASE_STRENGTH);
          }
          best = Math.max(best, strength * Math.min(1, termWeight));
        }
      }
      covered += g.weight * best;
    }
    return total > 0 ? covered / total : 0;
  }

  function score(question: string, namedStandards: Standard[]): { q: AnalysedQuestion; candidates: Candidate[] } {
    const q = analyseQuestion(question, namedStandards);
    const boosts = new Map<string, number>();
    for (const g of q.groups) for (const [t, w] of g.terms) boosts.set(t, Math.max(boosts.get(t) ?? 0, w));
    if (boosts.size === 0) return { q, candidates: [] };

    const hits = mini.search([...boosts.keys()].join(' '), { boost: FIELD_BOOST, boostTerm: (term) => boosts.get(term) ?? 1, combineWith: 'OR' });
    const pool = new Map<number, MiniResult | undefined>();
    for (const h of hits.slice(0, CANDIDATES)) pool.set(h.id as number, h);
    const phrases = use.phrases ? verbatimPhrases(question) : new Map<number, number>();
    // A name quoted word for word makes an entry a candidate even if BM25 ranked it low.
    if (phrases.size) {
      const all = new Map(hits.map((h) => [h.id as number, h]));
      for (const idx of phrases.keys()) if (!pool.has(idx)) pool.set(idx, all.get(idx));
    }

    const oneStandard = q.standards.length === 1 ? q.standards[0] : undefined;
    const lean: Standard | undefined = oneStandard ?? (q.ai ? '42001' : undefined);
    const best = hits[0]?.score ?? 1;
    const candidates: Candidate[] = [];
    for (const [idx, hit] of pool) {
      const d = info[idx]!;
      let steer = 1;
      if (use.steering) {
        if (lean && !d.standards.includes(lean)) steer = oneStandard ? STEER_NAMED : STEER_AI;
        else if (!lean && d.entry.standard === '42001') steer = STEER_NO_AI;
        steer *= d.prior;
        // A topic about exactly the standards named fits better than one about both ("what is 42001").
        if (d.entry.kind === 'topic' && q.standards.length && d.standards.length !== q.standards.length) steer *= EXACT_STANDARDS_FACTOR;
      }
      const bm25 = hit ? hit.score / best : 0;
      const phrase = PHRASE_WEIGHT * Math.min(1, ((phrases.get(idx) ?? 1) - 1) / 3);
      candidates.push({ idx, hit, bm25, fuse: 0, phrase, steer, score: (bm25 + phrase) * steer });
    }
    candidates.sort((a, b) => b.score - a.score);

    // Short questions: how nearly does the question spell out one of the leaders' names?
    if (use.fuzzyTitles && q.contentWords > 0 && q.contentWords <= FUSE_MAX_WORDS && candidates.length > 1) {
      const pattern = words(question).join(' ').slice(0, FUSE_PATTERN_LENGTH);
      if (pattern.length >= 3) {
        for (const c of candidates.slice(0, FUSE_RERANK)) {
          c.fuse = fuseScore(c.idx, pattern);
          c.score += FUSE_WEIGHT * c.fuse * c.steer;
        }
        candidates.sort((a, b) => b.score - a.score);
      }
    }
    return { q, candidates };
  }

  const match = (ref: string, s: number): SearchMatch => ({ ref, title: kb.byRef.get(ref)?.title ?? ref, score: round(s) });

  function rank(question: string, namedStandards: Standard[], otherStandard: string | undefined, limit: number): SearchResult {
    const { q, candidates } = score(question, namedStandards);
    const top = candidates[0];
    const confidence = top ? coverageOf(q, top.idx, top.hit) : 0;
    // Another framework's requirement is never answered from ours, however similar the words.
    const foreign = otherStandard !== undefined && q.standards.length === 0;
    const confident = q.anchored && !foreign && confidence >= CONFIDENCE_THRESHOLD;
    return {
      type: 'ranked',
      // Scores fall with rank: the first is the confidence, the others in proportion to their rank score.
      matches: candidates.slice(0, limit).map((c) => match(info[c.idx]!.entry.ref, Math.min(1, confidence * (c.score / (candidates[0]!.score || 1))))),
      confident,
      ...(!confident && (!q.anchored || confidence < OFF_TOPIC_THRESHOLD) ? { offTopic: true } : {}),
      ...(foreign ? { otherStandard } : {}),
    };
  }

  /** The entries a mention can name, best guess first (27001 before 42001, control before clause). */
  function resolveMention(m: IdMention, standards: readonly Standard[]): { refs: string[]; note?: string } {
    const out: string[] = [];
    for (const s of standards) {
      if (m.form === 'annex-c') {
        if (kb.byRef.has(`${s}:C.${m.number}`)) out.push(`${s}:C.${m.number}`);
        continue;
      }
      if (m.form !== 'clause' && kb.byRef.has(`${s}:A.${m.number}`)) out.push(`${s}:A.${m.number}`);
      if (m.form !== 'control' && kb.byRef.has(`${s}:${m.number}`)) out.push(`${s}:${m.number}`);
    }
    if (out.length === 0 && isEdition2013Number(m) && standards.includes('27001')) {
      const old = `A.${m.number}`;
      const successors = entries.filter((e) => e.standard === '27001' && e.replaces2013?.includes(old));
      if (successors.length) {
        const names = successors.map((e) => `${e.id} ${e.title}`).join(' and ');
        return { refs: successors.map((e) => e.ref), note: `${old} is a control number from ISO/IEC 27001:2013; in the 2022 edition it is ${names}.` };
      }
    }
    return { refs: out };
  }

  function byIds(question: string): SearchResult | undefined {
    const parsed = parseIds(question);
    if (!parsed.mentions.length) return undefined;
    const named = new Set<Standard>(parsed.standards);
    for (const w of words(question)) {
      const s = STANDARD_WORDS.get(w);
      if (s) named.add(s);
    }
    const resolved = parsed.mentions
      // Numbers next to another framework's name are that framework's ("ISO 9001 clause 8.5").
      .filter((m) => !parsed.otherStandard || m.standard)
      .map((m) => {
        const standards: Standard[] = m.standard ? [m.standard] : named.size === 1 ? [...named] : ['27001', '42001'];
        return { m, ...resolveMention(m, standards) };
      })
      .filter((r) => r.refs.length > 0);
    if (!resolved.length) return undefined;

    // Ids that are settled tell which standard and kind the others are: "compare 5.15 and 8.2".
    const settled = resolved.filter((r) => r.refs.length === 1).map((r) => kb.byRef.get(r.refs[0]!)!);
    if (settled.length) {
      const settledStd = new Set(settled.map((e) => e.standard));
      const settledKind = new Set(settled.map((e) => e.kind));
      for (const r of resolved) {
        if (r.refs.length < 2 || r.note) continue;
        const narrowed = r.refs.filter((ref) => {
          const e = kb.byRef.get(ref)!;
          return settledStd.has(e.standard) && (settledKind.size !== 1 || settledKind.has(e.kind));
        });
        if (narrowed.length === 1) r.refs = narrowed;
      }
    }
    const ambiguous = resolved.find((r) => r.refs.length > 1 && !r.note);
    if (ambiguous) {
      return { type: 'ambiguous', raw: ambiguous.m.raw, candidates: ambiguous.refs, matches: ambiguous.refs.map((r) => match(r, 0.5)), confident: false };
    }
    const refs = [...new Set(resolved.flatMap((r) => r.refs))];
    const note = resolved.map((r) => r.note).filter(Boolean).join(' ');
    return { type: 'exact', refs, matches: refs.map((r) => match(r, 1)), confident: true, ...(note ? { note } : {}) };
  }

  return {
    explain(question) {
      const text = String(question ?? '').slice(0, MAX_QUESTION_LENGTH);
      const { q, candidates } = score(text, parseIds(text).standards);
      return {
        groups: q.groups.map((g) => ({ surface: g.surface, terms: Object.fromEntries(g.terms), weight: round(g.weight), known: g.known, ...(g.standard ? { standard: g.standard } : {}) })),
        standards: q.standards,
        ai: q.ai,
        anchored: q.anchored,
        candidates: candidates.slice(0, 10).map((c) => ({
          ref: info[c.idx]!.entry.ref,
          bm25: round(c.bm25),
          coverage: round(coverageOf(q, c.idx, c.hit)),
          fuse: round(c.fuse),
          phrase: round(c.phrase),
          steer: round(c.steer),
          score: round(c.score),
        })),
      };
    },
    search(question, options = {}) {
      const limit = Math.max(1, Math.min(options.limit ?? 5, 20));
      const text = String(question ?? '').slice(0, MAX_QUESTION_LENGTH);
      // A ref typed as such: `27001:A.5.15`, `topic:certification-cost`.
      const direct = kb.byRef.get(text.trim());
      if (direct) return { type: 'exact', refs: [direct.ref], matches: [match(direct.ref, 1)], confident: true };
      const exact = byIds(text);
      if (exact) return exact;
      const parsed = parseIds(text);
      return rank(text, parsed.standards, parsed.otherStandard, limit);
    },
  };
}
