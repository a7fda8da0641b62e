/**
 * Reading a stored session back: valid ones come back as they were; sessions saved under an older
 * questionnaire version are migrated by question id; expired, foreign-format, damaged or withdrawn
 * ones are closed with a polite reason. Never a throw.
 */
import { describe, expect, it } from 'vitest';
import { startSession, step } from '../../src/gap-check/engine.js';
import type { QuestionnaireSet } from '../../src/gap-check/load-questionnaires.js';
import type { Questionnaire } from '../../src/gap-check/questionnaire.js';
import { closedMessage, readSession, SESSION_TTL_MS, type Session, type SessionRead } from '../../src/gap-check/session.js';

const question = (id: string) => ({ id, text: `Question ${id}, is it done?`, gap: `Gap ${id}`, help: 'What good looks like, at some length.', recommendation: 'Do the thing that closes the gap.', refs: ['27001:A.5.15'], weight: 3 });

const v1: Questionnaire = { id: 'fake-check', version: 1, standard: '27001', kind: 'focused', title: 'Fake check', summary: 'For the session tests.', aliases: [], questions: ['a', 'b', 'c', 'd'].map(question) };
const setOf = (...qs: Questionnaire[]): QuestionnaireSet => ({ all: qs, byId: new Map(qs.map((q) => [q.id, q])) });

const t0 = new Date('2026-11-28T10:00:00Z');

/** A session answered a=yes, b=no, now at c, through the engine, stored and read back as JSON. */
function stored(): Record<string, unknown> {
  let s: Session = startSession(v1, { id: 'GC-TEST01', scope: { platform: 'cli', workspace: 'T', conversation: 'C' }, user: { id: 'U', name: 'Sam' } }, t0);
  s = step(s, v1, { type: 'answer', value: 'yes' }, t0).session;
  s = step(s, v1, { type: 'answer', value: 'no' }, t0).session;
  return JSON.parse(JSON.stringify(s));
}

const ok = (r: SessionRead) => {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
};

describe('reading a stored session', () => {
  it('gives back the same session, at the same question', () => {
    const r = ok(readSession(stored(), setOf(v1), t0));
    expect(r.session.current).toBe('c');
    expect(r.session.answers).toEqual({ a: 'yes', b: 'no' });
    expect(r.note).toBeUndefined();
  });

  it('keeps a session for 7 days after the last answer, and no longer', () => {
    expect(readSession(stored(), setOf(v1), new Date(t0.getTime() + SESSION_TTL_MS)).status).toBe('ok');
    const late = readSession(stored(), setOf(v1), new Date(t0.getTime() + SESSION_TTL_MS + 1));
    expect(late).toEqual({ status: 'closed', reason: 'expired', checkTitle: 'Fake check', answered: 2 });
    expect(closedMessage(late as Extract<SessionRead, { status: 'closed' }>)).toBe('Your Fake check was last touched more than 7 days ago, so it has expired. Its 2 answers could not be kept.');
  });

  it('moves a session to a new version of its questions, keeping answers by question id', () => {
    const v2: Questionnaire = { ...v1, version: 2, questions: ['a', 'x', 'c', 'd'].map(question) };
    const r = ok(readSession(stored(), setOf(v2), t0));
    expect(r.session.checkVersion).toBe(2);
    expect(r.session.answers).toEqual({ a: 'yes' });
    expect(r.session.current).toBe('c');
    expect(r.note).toBe('The questions of this check were updated since you started (version 1 to 2). I kept 1 of your answers; 1 belonged to questions that changed.');
  });

  it('moves to the first open question when the current one was removed', () => {
    const v2: Questionnaire = { ...v1, version: 2, questions: ['a', 'b', 'y', 'd'].map(question) };
    expect(ok(readSession(stored(), setOf(v2), t0)).session.current).toBe('y');
  });

  it.each([
    ['an older stored format', { v: 0 }, 'other-version'],
    ['a newer stored format', { v: 2 }, 'other-version'],
    ['a format without a version', { v: undefined }, 'other-version'],
    ['a damaged record', { answers: { a: 'maybe' } }, 'unreadable'],
    ['a current question the check does not have', { current: 'zz' }, 'unreadable'],
  ])('closes %s politely', (_what, change, reason) => {
    const r = readSession({ ...stored(), ...change }, setOf(v1), t0);
    expect(r.status).toBe('closed');
    expect(r).toMatchObject({ reason, checkTitle: 'Fake check' });
  });

  it('closes a session whose check is no longer offered', () => {
    expect(readSession(stored(), setOf(), t0)).toEqual({ status: 'closed', reason: 'check-withdrawn', answered: 2 });
  });

  it.each([[null], ['text'], [42], [[1, 2]]])('closes a record that is not an object (%j)', (raw) => {
    expect(readSession(raw, setOf(v1), t0)).toEqual({ status: 'closed', reason: 'unreadable' });
  });
});
