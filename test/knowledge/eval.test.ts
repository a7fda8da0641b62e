/**
 * The judge of search quality: test/knowledge/eval-set.json, 253 questions phrased the way staff
 * ask (ids in every notation, paraphrases, acronyms, typos, both standards, topics, off-topic
 * negatives), each with its acceptable refs, written before the search was tuned.
 */
import { describe, expect, it } from 'vitest';
import { buildSearch } from '../../src/knowledge/search.js';
import { testKnowledge } from '../helpers/app.js';
import { evaluate, loadEvalSet, share } from './search-eval.js';

const kb = testKnowledge();
const questions = loadEvalSet();
const report = evaluate(buildSearch(kb), questions);
const misses = (): string => report.misses.map((m) => `  [${m.category}] "${m.q}" -> ${m.got.join(', ')} (want ${m.expect.join(' | ')})`).join('\n');

describe('the evaluation set', () => {
  it('is at least 200 questions across every category, and every expected ref exists', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(new Set(questions.map((q) => q.category))).toEqual(new Set(['id', 'paraphrase', 'acronym', 'typo', 'topic', 'cross', 'negative']));
    const unknown = questions.flatMap((q) => q.expect).filter((r) => !kb.byRef.has(r));
    expect(unknown).toEqual([]);
    expect(questions.filter((q) => q.category === 'negative').every((q) => q.expect.length === 0)).toBe(true);
  });
});

describe('search quality on the evaluation set', () => {
  it('puts an acceptable entry first for at least 90% of the questions', () => {
    expect(share(report.all.top1, report.all.questions), `top-1 misses:\n${misses()}`).toBeGreaterThanOrEqual(0.9);
  });

  it('has an acceptable entry in the first three for at least 97% of the questions', () => {
    expect(share(report.all.top3, report.all.questions), `misses:\n${misses()}`).toBeGreaterThanOrEqual(0.97);
  });

  it('answers no negative confidently', () => {
    expect(report.negatives).toBeGreaterThanOrEqual(30);
    expect(report.negativesConfident).toEqual([]);
  });

  it('answers ids exactly: every id question right and first', () => {
    const ids = report.byCategory.id!;
    expect(ids.top1).toBe(ids.questions);
    expect(ids.answeredRight).toBe(ids.questions);
  });

  // Confidence must not buy the negatives by refusing everything, nor answer wrongly often.
  it('answers at least 80% of the questions outright with an acceptable entry, and at most 10% wrongly', () => {
    expect(share(report.all.answeredRight, report.all.questions)).toBeGreaterThanOrEqual(0.8);
    expect(share(report.all.confidentWrong, report.all.questions)).toBeLessThanOrEqual(0.1);
  });

  it('handles typos and acronyms as well as plain questions (at least 85% first in each)', () => {
    for (const category of ['typo', 'acronym', 'paraphrase', 'topic']) {
      const t = report.byCategory[category]!;
      expect(share(t.top1, t.questions), category).toBeGreaterThanOrEqual(0.85);
    }
  });
});
