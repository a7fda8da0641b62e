/**
 * A completed check, as stored in the results collection (listed, never expiring). It keeps a
 * snapshot of every question as it was asked, so history, exports, gap numbers and the draft SoA
 * stay the same when the questionnaire is later edited.
 */
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/load.js';
import { STANDARDS } from '../knowledge/schema.js';
import { areaOfRef, type Area } from './areas.js';
import { ANSWER_VALUES } from './answers.js';
import type { Questionnaire } from './questionnaire.js';
import { QUESTIONNAIRE_KINDS } from './questionnaire.js';
import { gapsOf, scoreOf, type ScoredAnswer } from './scoring.js';
import { PLATFORM_ID_MAX, scopeSchema, SESSION_ID_PATTERN, type Session } from './session.js';

export const RESULT_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true });

const areaSchema = z.strictObject({ key: z.string().max(60), label: z.string().max(120), order: z.number() });

export const resultAnswerSchema = z.strictObject({
  questionId: z.string().min(1).max(40),
  number: z.number().int().min(1),
  text: z.string().max(300),
  gap: z.string().max(120),
  recommendation: z.string().max(600),
  refs: z.array(z.string().max(40)).max(8),
  weight: z.number().int().min(1).max(5),
  /** The area the question is asked under (its first ref). */
  area: areaSchema,
  /** Every area of the check's standard it evidences; the breakdown counts it in each. */
  areas: z.array(areaSchema).min(1).max(8),
  answer: z.enum([...ANSWER_VALUES, 'skipped']),
});
export type ResultAnswer = z.infer<typeof resultAnswerSchema>;

export const resultSchema = z.strictObject({
  v: z.literal(RESULT_VERSION),
  id: z.string().regex(SESSION_ID_PATTERN),
  checkId: z.string().min(1).max(40),
  checkVersion: z.number().int().min(1),
  checkTitle: z.string().max(80),
  standard: z.enum(STANDARDS),
  kind: z.enum(QUESTIONNAIRE_KINDS),
  scope: scopeSchema,
  user: z.strictObject({ id: z.string().min(1).max(PLATFORM_ID_MAX), name: z.string().max(200) }),
  startedAt: isoTime,
  completedAt: isoTime,
  score: z.number().int().min(0).max(100),
  answers: z.array(resultAnswerSchema).min(1),
});
export type CheckResult = z.infer<typeof resultSchema>;

/** The finished interview as a result record. Pure. */
export function buildResult(s: Session, q: Questionnaire, kb: KnowledgeBase, now: Date): CheckResult {
  const answers: ResultAnswer[] = q.questions.map((question, i) => {
    const area = areaOfRef(kb, question.refs[0]!) ?? { key: 'other', label: 'Other', order: 999 };
    const own = question.refs.filter((r) => r.startsWith(`${q.standard}:`)).map((r) => areaOfRef(kb, r)).filter((a): a is Area => a !== undefined);
    const areas = [...new Map([area, ...own].map((a) => [a.key, a])).values()];
    return {
      questionId: question.id,
      number: i + 1,
      text: question.text,
      gap: question.gap,
      recommendation: question.recommendation,
      refs: question.refs,
      weight: question.weight,
      area,
      areas,
      answer: s.answers[question.id] ?? 'skipped',
    };
  });
  return {
    v: RESULT_VERSION,
    id: s.id,
    checkId: q.id,
    checkVersion: q.version,
    checkTitle: q.title,
    standard: q.standard,
    kind: q.kind,
    scope: s.scope,
    user: s.user,
    startedAt: s.startedAt,
    completedAt: now.toISOString(),
    score: scoreOf(answers).score,
    answers,
  };
}

/** The result's gaps, ranked; gap N is `rankedGaps(r)[N - 1]`. */
export function rankedGaps(r: CheckResult): ResultAnswer[] {
  return gapsOf(r.answers as Array<ResultAnswer & ScoredAnswer>);
}
