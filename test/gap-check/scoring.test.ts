/**
 * The readiness score: weights, how "not sure", "not applicable" and unanswered count, the
 * breakdown by area, and the order of the gaps.
 */
import { describe, expect, it } from 'vitest';
import { gapsOf, methodText, scoreOf, type FinalAnswer, type ScoredAnswer } from '../../src/gap-check/scoring.js';

const C6 = { key: '27001:clause:6', label: 'Clause 6 Planning', order: 6 };
const C9 = { key: '27001:clause:9', label: 'Clause 9 Performance evaluation', order: 9 };
const A5 = { key: '27001:theme:organizational', label: 'A.5 Organizational controls', order: 105 };

let n = 0;
const a = (answer: FinalAnswer, weight: number, areas = [C6]): ScoredAnswer => ({ questionId: `q${++n}`, number: n, gap: `gap ${n}`, areas, answer, weight });

describe('readiness score', () => {
  it('weights answers: Yes full, Partly half, No / Not sure / unanswered nothing', () => {
    // earned 5 + 1.5 + 0 + 0 + 0 = 6.5 of 5 + 3 + 2 + 4 + 1 = 15 -> 43.3
    expect(scoreOf([a('yes', 5), a('partly', 3), a('no', 2), a('unsure', 4), a('skipped', 1)]).score).toBe(43);
  });

  it('leaves Not applicable out of the score entirely', () => {
    const s = scoreOf([a('yes', 2), a('no', 2), a('na', 5)]);
    expect(s.score).toBe(50);
    expect(s.counted).toBe(2);
    expect(s.total).toBe(3);
  });

  it('scores 0 with a clear method text when everything is not applicable', () => {
    const s = scoreOf([a('na', 2), a('na', 3)]);
    expect(s.score).toBe(0);
    expect(methodText(s)).toContain('there was nothing to score');
  });

  it('states how "not sure" and "not applicable" count', () => {
    const text = methodText(scoreOf([a('yes', 1)]));
    expect(text).toContain('"Not sure" counts as No');
    expect(text).toContain('"Not applicable" is left out of the score');
    expect(text).toContain('1 of 1 questions counted');
  });

  it('breaks the score down by area, counting a question in every area it evidences, in clause then Annex A order', () => {
    const s = scoreOf([a('yes', 4, [A5]), a('no', 4, [C9, A5]), a('partly', 2, [C6]), a('na', 3, [C9])]);
    expect(s.breakdown).toEqual([
      { key: C6.key, label: C6.label, score: 50, answered: 1, counted: 1 },
      { key: C9.key, label: C9.label, score: 0, answered: 2, counted: 1 },
      { key: A5.key, label: A5.label, score: 50, answered: 2, counted: 2 },
    ]);
  });

  it('leaves out of the breakdown an area answered only "not applicable"', () => {
    expect(scoreOf([a('yes', 1, [C6]), a('na', 1, [C9])]).breakdown.map((b) => b.key)).toEqual([C6.key]);
  });

  it('ranks gaps by weight, then by how far short they fall, then by question order', () => {
    const answers = [a('partly', 3), a('no', 5), a('yes', 5), a('unsure', 3), a('na', 5), a('skipped', 1), a('partly', 5)];
    expect(gapsOf(answers).map((g) => `${g.answer}/${g.weight}`)).toEqual(['no/5', 'partly/5', 'unsure/3', 'partly/3', 'skipped/1']);
  });
});
