/**
 * Scores a search against a set of questions with acceptable refs: the one definition of the
 * figures that test/knowledge/eval.test.ts asserts and `npm run bench` prints.
 *
 * - top-1: the first match is an acceptable ref (for an id that exists in several places, the
 *   first candidate of the disambiguation);
 * - top-3: an acceptable ref is among the first three matches;
 * - answered right: the bot would answer with an acceptable entry (confident, or a
 *   disambiguation whose first choice is acceptable) rather than saying it is not sure;
 * - confident wrong: the bot would answer, and with an entry that is not acceptable (the worst case);
 * - negatives confident: questions Annex should not answer that it would answer anyway.
 */
import { readFileSync } from 'node:fs';
import type { KnowledgeSearch } from '../../src/knowledge/search.js';

export interface EvalQuestion {
  q: string;
  /** Acceptable refs; empty for a negative. */
  expect: string[];
  category: string;
}

export function loadEvalSet(path = 'test/knowledge/eval-set.json'): EvalQuestion[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as Array<{ q: string; expect?: string[]; category: string }>).map((x) => ({ q: x.q, expect: x.expect ?? [], category: x.category }));
}

export interface Tally {
  questions: number;
  top1: number;
  top3: number;
  answeredRight: number;
  confidentWrong: number;
}

export interface EvalReport {
  /** Positives, by category and in all ("all"). */
  byCategory: Record<string, Tally>;
  all: Tally;
  negatives: number;
  negativesConfident: string[];
  misses: Array<{ q: string; category: string; got: string[]; expect: string[] }>;
}

const emptyTally = (): Tally => ({ questions: 0, top1: 0, top3: 0, answeredRight: 0, confidentWrong: 0 });

export function evaluate(search: KnowledgeSearch, questions: readonly EvalQuestion[]): EvalReport {
  const report: EvalReport = { byCategory: {}, all: emptyTally(), negatives: 0, negativesConfident: [], misses: [] };
  for (const item of questions) {
    const result = search.search(item.q);
    if (item.expect.length === 0) {
      report.negatives += 1;
      if (result.confident) report.negativesConfident.push(item.q);
      continue;
    }
    const refs = result.matches.map((m) => m.ref);
    const top1 = refs[0] !== undefined && item.expect.includes(refs[0]);
    const top3 = refs.slice(0, 3).some((r) => item.expect.includes(r));
    const answers = result.confident || result.type === 'ambiguous';
    for (const t of [report.all, (report.byCategory[item.category] ??= emptyTally())]) {
      t.questions += 1;
      if (top1) t.top1 += 1;
      if (top3) t.top3 += 1;
      if (top1 && answers) t.answeredRight += 1;
      if (result.confident && !top1) t.confidentWrong += 1;
    }
    if (!top1) report.misses.push({ q: item.q, category: item.category, got: refs.slice(0, 3), expect: item.expect });
  }
  return report;
}

export const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
