/**
 * Gap-check data -> views. Pure: everything here is a function of its arguments, so the transcript
 * tests pin the wording down and every platform renders the same content.
 *
 * Button commands are what a person could type: answers name the session and the question
 * (`/gapcheck answer GC-7K3F scope yes`) so a second click on an old button cannot answer the next
 * question by accident; the steering words (`why`, `back`, ...) are the plain words people type.
 */
import type { KnowledgeBase } from '../knowledge/load.js';
import { linkOf } from '../knowledge/entry-card.js';
import type { Action, ChoicesView, GapQuestionView, GapResultView, NoticeView, RefLink, TableView } from '../views/view.js';
import { ANSWER_LABELS, ANSWER_VALUES } from './answers.js';
import { areaOfRef } from './areas.js';
import { numberOf } from './engine.js';
import type { QuestionnaireSet } from './load-questionnaires.js';
import type { Questionnaire } from './questionnaire.js';
import { rankedGaps, type CheckResult } from './result.js';
import { FINAL_ANSWER_LABELS, methodText, scoreOf } from './scoring.js';
import { SESSION_TTL_MS, type Session } from './session.js';

/** How many gaps a result shows unless asked for all. */
export const GAPS_SHOWN = 5;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `3 Nov`, or `3 Nov 2025` when not in the year of `now` (UTC, so every server says the same). */
export function shortDate(iso: string, now: Date): string {
  const d = new Date(iso);
  const year = d.getUTCFullYear() === now.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}`;
}

export const dayOf = (iso: string) => iso.slice(0, 10);

export function refLinks(kb: KnowledgeBase, refs: readonly string[]): RefLink[] {
  return refs.flatMap((r) => {
    const e = kb.byRef.get(r);
    return e ? [linkOf(e)] : [];
  });
}

export const STEER_ACTIONS: Action[] = [
  { label: 'Why?', command: 'why' },
  { label: 'Back', command: 'back' },
  { label: 'Skip', command: 'skip' },
  { label: 'Status', command: 'status' },
  { label: 'Cancel', command: 'cancel', style: 'danger' },
];

export function questionView(kb: KnowledgeBase, q: Questionnaire, s: Session, questionId: string, why = false): GapQuestionView {
  const question = q.questions.find((x) => x.id === questionId)!;
  const area = areaOfRef(kb, question.refs[0]!);
  const given = s.answers[questionId];
  return {
    kind: 'gap-question',
    checkTitle: q.title,
    index: numberOf(q, questionId),
    total: q.questions.length,
    area: area?.label ?? '',
    text: given ? `${question.text} (Your answer so far: ${ANSWER_LABELS[given]}.)` : question.text,
    ...(why ? { help: question.help } : {}),
    refs: refLinks(kb, question.refs),
    answers: ANSWER_VALUES.map((v) => ({ label: ANSWER_LABELS[v], command: `/gapcheck answer ${s.id} ${questionId} ${v}`, ...(v === 'yes' ? { style: 'primary' as const } : {}) })),
    actions: STEER_ACTIONS,
  };
}

export function startNotice(q: Questionnaire): NoticeView {
  return {
    kind: 'notice',
    tone: 'info',
    title: `${q.title}: ${q.questions.length} questions`,
    text: `${q.summary} Answer yes, partly, no, not sure or n/a (or 1-5). Each answer is saved at once; you can leave and come back within 7 days with /gapcheck resume.`,
  };
}

/** A short line before the next question (no actions, so answer numbers stay 1-5 in the terminal). */
export const noteView = (text: string): NoticeView => ({ kind: 'notice', tone: 'info', text });

export function reaskView(): NoticeView {
  return {
    kind: 'notice',
    tone: 'info',
    text: 'I did not catch an answer there. Reply yes, partly, no, not sure or n/a (or 1-5), or type why, back, skip, status or cancel. To ask me something else without leaving the check, start with /iso.',
  };
}

export function reviewView(q: Questionnaire, unanswered: readonly string[], note?: string): ChoicesView {
  const numbers = unanswered.map((id) => numberOf(q, id));
  return {
    kind: 'choices',
    title: `${q.title}: you reached the end with ${unanswered.length} question${unanswered.length === 1 ? '' : 's'} unanswered (${numbers.length === 1 ? 'question' : 'questions'} ${numbers.join(', ')}).`,
    text: `${note ? `${note} ` : ''}Answer ${unanswered.length === 1 ? 'it' : 'them'} now, or finish: unanswered questions count as "not sure".`,
    choices: [
      { label: 'Answer them now', command: '/gapcheck resume', style: 'primary' },
      { label: 'Finish and see my score', command: '/gapcheck finish now' },
    ],
  };
}

export function confirmFinishView(q: Questionnaire, unanswered: readonly string[]): ChoicesView {
  return {
    kind: 'choices',
    title: `${unanswered.length} of ${q.questions.length} questions are still unanswered.`,
    text: 'Finish now and they count as "not sure", or keep going.',
    choices: [
      { label: 'Keep going', command: '/gapcheck resume', style: 'primary' },
      { label: 'Finish now', command: '/gapcheck finish now' },
    ],
  };
}

export function statusView(q: Questionnaire, s: Session, unanswered: readonly string[]): NoticeView {
  const answered = q.questions.length - unanswered.length;
  const where = s.current ? `question ${numberOf(q, s.current)} of ${q.questions.length}` : 'the end of the questions';
  const skipped = s.skipped.length ? `, ${s.skipped.length} skipped` : '';
  const until = new Date(Date.parse(s.updatedAt) + SESSION_TTL_MS).toISOString();
  const now = new Date(s.updatedAt);
  return {
    kind: 'notice',
    tone: 'info',
    title: `${q.title}: at ${where}`,
    text: `${answered} answered${skipped}. Started ${shortDate(s.startedAt, now)}; kept until ${shortDate(until, now)} (7 days after the last answer).`,
  };
}

export function checksMenu(set: QuestionnaireSet, active?: { q: Questionnaire; s: Session }, text?: string): ChoicesView {
  const choices: Action[] = [];
  if (active) {
    const answered = Object.keys(active.s.answers).length;
    choices.push({ label: `Resume: ${active.q.title} (${answered} of ${active.q.questions.length} answered)`, command: '/gapcheck resume', style: 'primary' });
  }
  for (const q of set.all) choices.push({ label: `${q.title} (${q.questions.length} questions)`, command: `/gapcheck ${q.id}` });
  return {
    kind: 'choices',
    title: 'Which readiness check?',
    text: text ?? 'Quick checks cover a whole standard in about five minutes; focused checks go deeper into one area. Answers are saved as you go.',
    choices,
  };
}

export function resumeOrRestartView(active: { q: Questionnaire; s: Session }, wanted: Questionnaire): ChoicesView {
  const answered = Object.keys(active.s.answers).length;
  const where = active.s.current ? `question ${numberOf(active.q, active.s.current)} of ${active.q.questions.length}` : 'the end';
  const same = active.q.id === wanted.id;
  return {
    kind: 'choices',
    title: `You have a check in progress here: ${active.q.title}, at ${where} (${answered} answered).`,
    text: same ? 'Resume it, or start it again from the first question?' : `Resume it, or drop it and start the ${wanted.title}?`,
    choices: [
      { label: `Resume ${active.q.title}`, command: '/gapcheck resume', style: 'primary' },
      { label: same ? `Start again (drops ${answered} answer${answered === 1 ? '' : 's'})` : `Start ${wanted.title} (drops ${answered} answer${answered === 1 ? '' : 's'})`, command: `/gapcheck restart ${wanted.id}`, style: 'danger' },
    ],
  };
}

export function resultView(kb: KnowledgeBase, r: CheckResult, options: { comparison?: string; allGaps?: boolean; logged?: ReadonlyMap<string, string> } = {}): GapResultView {
  const score = scoreOf(r.answers);
  const gaps = rankedGaps(r);
  const shown = options.allGaps ? gaps : gaps.slice(0, GAPS_SHOWN);
  const actions: Action[] = [];
  shown.forEach((g, i) => {
    if (!options.logged?.has(g.questionId)) actions.push({ label: `Log gap ${i + 1} as a risk`, command: `/gapcheck log ${i + 1} ${r.id}` });
  });
  if (gaps.length > 1) actions.push({ label: `Log all ${gaps.length} gaps as risks`, command: `/gapcheck log all ${r.id}` });
  if (gaps.length > shown.length) actions.push({ label: `Show all ${gaps.length} gaps`, command: `/gapcheck result ${r.id} all` });
  if (r.standard === '27001') actions.push({ label: 'Draft Statement of Applicability (CSV)', command: `/gapcheck soa ${r.id}` });
  actions.push({ label: 'Export answers (CSV)', command: `/gapcheck export ${r.id}` }, { label: 'History', command: '/gapcheck history' });
  return {
    kind: 'gap-result',
    checkTitle: `${r.checkTitle} (${r.id}, ${dayOf(r.completedAt)})`,
    score: r.score,
    method: methodText(score),
    ...(options.comparison ? { comparison: options.comparison } : {}),
    breakdown: score.breakdown.map((b) => ({ label: b.label, score: b.score, answered: b.answered })),
    gaps: shown.map((g, i) => {
      const risk = options.logged?.get(g.questionId);
      return {
        number: i + 1,
        title: risk ? `${g.gap} [logged as ${risk}]` : g.gap,
        answer: FINAL_ANSWER_LABELS[g.answer],
        recommendation: g.recommendation,
        refs: refLinks(kb, g.refs.slice(0, 3)),
      };
    }),
    actions,
  };
}

/**
 * "up 12 points since 3 Nov": against the newest earlier result of the same check by the same
 * person, else by anyone in the workspace (the team).
 */
export function comparisonText(r: CheckResult, history: readonly CheckResult[], now: Date): string | undefined {
  const earlier = history.filter((x) => x.checkId === r.checkId && x.id !== r.id && x.completedAt < r.completedAt);
  const mine = earlier.filter((x) => x.user.id === r.user.id);
  const prev = (mine.length ? mine : earlier).sort((a, b) => b.completedAt.localeCompare(a.completedAt))[0];
  if (!prev) return undefined;
  const diff = r.score - prev.score;
  const who = prev.user.id === r.user.id ? '' : ` (${prev.user.name}'s check)`;
  const when = shortDate(prev.completedAt, now);
  const versions = prev.checkVersion === r.checkVersion ? '' : ', with an earlier version of the questions';
  if (diff === 0) return `no change since ${when}${who}${versions}`;
  return `${diff > 0 ? 'up' : 'down'} ${Math.abs(diff)} point${Math.abs(diff) === 1 ? '' : 's'} since ${when}${who}${versions}`;
}

export function historyView(results: readonly CheckResult[], title: string, limit = 20): TableView {
  const rows = results.slice(0, limit).map((r) => [r.id, r.checkTitle, dayOf(r.completedAt), r.user.name, String(r.score), String(rankedGaps(r).length)]);
  return {
    kind: 'table',
    title: results.length > limit ? `${title} (newest ${limit} of ${results.length})` : title,
    columns: ['Result', 'Check', 'Completed', 'By', 'Score', 'Gaps'],
    rows,
    actions: [
      ...results.slice(0, 3).map((r) => ({ label: `Open ${r.id}`, command: `/gapcheck result ${r.id}` })),
      ...(results.length ? [{ label: 'Export all as CSV', command: '/gapcheck export' }] : [{ label: 'Start a check', command: '/gapcheck' }]),
    ],
  };
}
