/**
 * The pure engine, as transcripts of inputs and outcomes over a small questionnaire, plus a
 * property: whatever people type, in any order, the session stays valid and stored answers are
 * only ever changed by an answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_VALUES, type AnswerValue } from '../../src/gap-check/answers.js';
import { startSession, step, unansweredOf, type EngineInput, type Outcome } from '../../src/gap-check/engine.js';
import type { Questionnaire } from '../../src/gap-check/questionnaire.js';
import { sessionSchema, type Session } from '../../src/gap-check/session.js';

const fakeQuestionnaire: Questionnaire = {
  id: 'fake-check',
  version: 1,
  standard: '27001',
  kind: 'focused',
  title: 'Fake check',
  summary: 'Four questions for the engine tests.',
  aliases: [],
  questions: ['q1', 'q2', 'q3', 'q4'].map((id, i) => ({
    id,
    text: `Question number ${i + 1}?`,
    gap: `Gap ${i + 1}`,
    help: 'What good looks like, at some length.',
    recommendation: 'Do the thing that closes the gap.',
    refs: ['27001:A.5.15'],
    weight: i + 1,
  })),
};

const t0 = new Date('2026-11-28T10:00:00Z');
const fresh = () => startSession(fakeQuestionnaire, { id: 'GC-TEST01', scope: { platform: 'cli', workspace: 'T', conversation: 'C' }, user: { id: 'U', name: 'Sam' } }, t0);

const answer = (value: AnswerValue, questionId?: string): EngineInput => ({ type: 'answer', value, ...(questionId ? { questionId } : {}) });

/** Plays inputs; returns the final session and a compact line per outcome. */
function play(inputs: EngineInput[], from: Session = fresh()): { session: Session; lines: string[] } {
  let s = from;
  const lines: string[] = [];
  for (const input of inputs) {
    const r = step(s, fakeQuestionnaire, input, t0);
    s = r.session;
    lines.push(describe_(r.outcome));
  }
  return { session: s, lines };
}

function describe_(o: Outcome): string {
  switch (o.type) {
    case 'question':
      return `ask ${o.questionId}${o.why ? ' +why' : ''}${o.note ? ` (${o.note})` : ''}`;
    case 'review':
      return `review ${o.unanswered.join(',')}${o.note ? ` (${o.note})` : ''}`;
    case 'confirm-finish':
      return `confirm ${o.unanswered.join(',')}`;
    case 'status':
      return `status ${o.unanswered.join(',')}`;
    default:
      return o.type;
  }
}

describe('gap-check engine', () => {
  it('asks every question in order and completes', () => {
    const { session, lines } = play([answer('yes'), answer('partly'), answer('no'), answer('na')]);
    expect(lines).toEqual(['ask q2', 'ask q3', 'ask q4', 'complete']);
    expect(session.answers).toEqual({ q1: 'yes', q2: 'partly', q3: 'no', q4: 'na' });
  });

  it('comes back to skipped questions at the end, then finishes', () => {
    const { session, lines } = play([answer('yes'), { type: 'skip' }, answer('no'), { type: 'skip' }, { type: 'resume' }, answer('unsure'), { type: 'skip' }, { type: 'finish' }]);
    expect(lines).toEqual([
      'ask q2',
      'ask q3 (Skipped question 2; I will come back to it at the end.)',
      'ask q4',
      'review q2,q4 (Skipped question 4; I will come back to it at the end.)',
      'ask q2',
      'ask q4',
      'review q4 (Question 4 stays unanswered.)',
      'complete',
    ]);
    expect(session.answers).toEqual({ q1: 'yes', q2: 'unsure', q3: 'no' });
    expect(session.skipped).toEqual(['q4']);
  });

  it('goes back one question and, after a new answer, on to the next unanswered one', () => {
    const { session, lines } = play([answer('yes'), answer('yes'), { type: 'back' }, { type: 'back' }, { type: 'back' }, answer('no')]);
    expect(lines).toEqual(['ask q2', 'ask q3', 'ask q2', 'ask q1', 'ask q1 (This is the first question.)', 'ask q3']);
    expect(session.answers).toEqual({ q1: 'no', q2: 'yes' });
  });

  it('ignores a second click on the same answer and does not answer the next question with it', () => {
    const { session, lines } = play([answer('yes', 'q1'), answer('yes', 'q1')]);
    expect(lines).toEqual(['ask q2', 'ask q2']);
    expect(session.answers).toEqual({ q1: 'yes' });
  });

  it('changes an earlier answer from an older button and stays where it is', () => {
    const { session, lines } = play([answer('yes'), answer('yes'), answer('no', 'q1')]);
    expect(lines).toEqual(['ask q2', 'ask q3', 'ask q3 (Changed the answer to question 1.)']);
    expect(session.answers).toEqual({ q1: 'no', q2: 'yes' });
  });

  it('completes when an older button answers the last open question at the end', () => {
    const { lines } = play([{ type: 'skip' }, answer('yes'), answer('yes'), answer('yes'), answer('partly', 'q1')]);
    expect(lines.slice(-2)).toEqual(['review q1', 'complete']);
  });

  it('refuses an answer for a question the check does not have', () => {
    const { session, lines } = play([answer('yes', 'gone')]);
    expect(lines).toEqual(['ask q1 (That answer was for a question this check no longer has; nothing was changed.)']);
    expect(session.answers).toEqual({});
  });

  it('asks before finishing early, and finishes at once on finish-now', () => {
    expect(play([answer('yes'), { type: 'finish' }]).lines).toEqual(['ask q2', 'confirm q2,q3,q4']);
    expect(play([answer('yes'), { type: 'finish-now' }]).lines).toEqual(['ask q2', 'complete']);
  });

  it('re-asks on text that is not an answer, explains on why, reports status, and cancels', () => {
    expect(play([{ type: 'unclear' }, { type: 'why' }, { type: 'status' }, { type: 'cancel' }]).lines).toEqual(['reask', 'ask q1 +why', 'status q1,q2,q3,q4', 'cancelled']);
  });

  it('records when it last moved, for the 7-day expiry', () => {
    const later = new Date('2026-12-01T09:00:00Z');
    expect(step(fresh(), fakeQuestionnaire, answer('yes'), later).session.updatedAt).toBe(later.toISOString());
  });

  const inputArb: fc.Arbitrary<EngineInput> = fc.oneof(
    fc.record({ type: fc.constant('answer' as const), value: fc.constantFrom(...ANSWER_VALUES) }),
    fc.record({ type: fc.constant('answer' as const), value: fc.constantFrom(...ANSWER_VALUES), questionId: fc.constantFrom('q1', 'q2', 'q3', 'q4', 'nope') }),
    fc.constantFrom<EngineInput>({ type: 'skip' }, { type: 'back' }, { type: 'why' }, { type: 'status' }, { type: 'resume' }, { type: 'finish' }, { type: 'unclear' }),
  );

  it('keeps the session valid and serialisable, and changes answers only by answering (property)', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 40 }), (inputs) => {
        let s = fresh();
        for (const input of inputs) {
          const before = s;
          const r = step(s, fakeQuestionnaire, input, t0);
          if (r.outcome.type === 'complete') break;
          s = sessionSchema.parse(JSON.parse(JSON.stringify(r.session)));
          if (input.type !== 'answer') expect(s.answers).toEqual(before.answers);
          expect(s.current === null ? unansweredOf(s, fakeQuestionnaire).length > 0 : fakeQuestionnaire.questions.some((q) => q.id === s.current)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always ends after answering at most once per question from any state (property)', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 20 }), fc.constantFrom(...ANSWER_VALUES), (prefix, value) => {
        let s = fresh();
        for (const input of prefix) {
          const r = step(s, fakeQuestionnaire, input, t0);
          if (r.outcome.type === 'complete') return;
          s = r.session;
        }
        // From wherever the person is: resume, then answer whatever is asked.
        let r = step(s, fakeQuestionnaire, { type: 'resume' }, t0);
        for (let i = 0; i < fakeQuestionnaire.questions.length && r.outcome.type !== 'complete'; i++) {
          r = step(r.session, fakeQuestionnaire, answer(value), t0);
          if (r.outcome.type === 'review') r = step(r.session, fakeQuestionnaire, { type: 'resume' }, t0);
        }
        expect(r.outcome.type).toBe('complete');
      }),
      { numRuns: 300 },
    );
  });
});
