/**
 * The readiness score, the breakdown by area and the ranked gaps, from a result's answers. Pure and
 * deterministic, so a stored result always shows the same score and the same gap numbers (which
 * `/gapcheck log 1,3` refers to).
 *
 * How answers count (stated to the person with every result, see `METHOD`):
 * Yes earns the question's full weight, Partly half, No nothing; Not sure earns nothing (an auditor
 * needs evidence, so an unknown is a gap until shown otherwise), and so does a question left
 * unanswered; Not applicable is left out of the score altogether.
 */
import type { AnswerValue } from './answers.js';

/** A stored answer: one of the five, or `skipped` when the check ended without one. */
export type FinalAnswer = AnswerValue | 'skipped';

export const FINAL_ANSWER_LABELS: Record<FinalAnswer, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  unsure: 'Not sure',
  na: 'Not applicable',
  skipped: 'Not answered',
};

/** Share of the weight an answer earns; null means "left out of the score". */
export const CREDIT: Record<FinalAnswer, number | null> = { yes: 1, partly: 0.5, no: 0, unsure: 0, skipped: 0, na: null };

export interface ScoredAnswer {
  questionId: string;
  /** Position in the questionnaire, 1-based: breaks ties so ranking is stable. */
  number: number;
  gap: string;
  /** Every area the question evidences: it counts once in the total and once in each of these. */
  areas: ReadonlyArray<{ key: string; label: string; order: number }>;
  answer: FinalAnswer;
  weight: number;
}

export interface Score {
  /** 0-100, rounded. 0 when nothing could be counted (see `counted`). */
  score: number;
  /** Questions that counted (all but Not applicable). */
  counted: number;
  total: number;
  breakdown: Array<{ key: string; label: string; score: number; answered: number; counted: number }>;
}

const percent = (earned: number, possible: number) => (possible > 0 ? Math.round((100 * earned) / possible) : 0);

export function scoreOf(answers: readonly ScoredAnswer[]): Score {
  let earned = 0;
  let possible = 0;
  const areas = new Map<string, { key: string; label: string; order: number; earned: number; possible: number; answered: number; counted: number }>();
  for (const a of answers) {
    const credit = CREDIT[a.answer];
    for (const at of a.areas) {
      const area = areas.get(at.key) ?? { ...at, earned: 0, possible: 0, answered: 0, counted: 0 };
      areas.set(at.key, area);
      if (a.answer !== 'skipped') area.answered += 1;
      if (credit === null) continue;
      area.earned += credit * a.weight;
      area.possible += a.weight;
      area.counted += 1;
    }
    if (credit === null) continue;
    earned += credit * a.weight;
    possible += a.weight;
  }
  const breakdown = [...areas.values()]
    // An area answered entirely "not applicable" has no score to show.
    .filter((x) => x.counted > 0)
    .sort((x, y) => x.order - y.order)
    .map((x) => ({ key: x.key, label: x.label, score: percent(x.earned, x.possible), answered: x.answered, counted: x.counted }));
  return { score: percent(earned, possible), counted: answers.filter((a) => CREDIT[a.answer] !== null).length, total: answers.length, breakdown };
}

/** Answers that are gaps (anything short of Yes, except Not applicable), most important first. */
export function gapsOf<T extends ScoredAnswer>(answers: readonly T[]): T[] {
  const shortfall = (a: ScoredAnswer) => 1 - (CREDIT[a.answer] ?? 1);
  return answers
    .filter((a) => shortfall(a) > 0)
    .sort((x, y) => y.weight - x.weight || shortfall(y) - shortfall(x) || x.number - y.number);
}

/** The sentence every result carries, saying how the score was made. */
export function methodText(s: Score): string {
  const base =
    'Weighted score: Yes earns a question\'s full weight (1-5), Partly half, No nothing. "Not sure" counts as No, since an auditor needs evidence, and so does a question left unanswered; "Not applicable" is left out of the score. In the breakdown a question counts in every area it gives evidence for.';
  if (s.counted === 0) return `${base} Every question was answered "not applicable", so there was nothing to score.`;
  return `${base} ${s.counted} of ${s.total} questions counted.`;
}
