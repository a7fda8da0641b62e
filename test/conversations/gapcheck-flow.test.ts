/**
 * The gap-check conversation around the happy path, as transcripts: starting and choosing checks,
 * one active check per person per conversation, steering words, text that is not an answer,
 * double clicks, expiry, stored sessions from another version, comparison with an earlier result,
 * history, exports and the draft Statement of Applicability.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionKey } from '../../src/gap-check/stores.js';
import type { FileView } from '../../src/views/view.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { conversation } from './transcript.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.dispose();
});

const sam = () => conversation(app.bot);
const samScope = { platform: 'cli' as const, workspace: 'T-test', conversation: 'C-test' };

/** Answers `n` questions with `answer`. */
const times = (n: number, answer: string) => Array.from({ length: n }, () => [answer, /question|readiness/] as [string, RegExp]);

describe('choosing a check', () => {
  it('offers the checks on /gapcheck and on "start a readiness check", and starts the one picked by number', async () => {
    await sam().play([
      ['/gapcheck', ['Which readiness check?', '[1] ISO/IEC 27001 quick readiness check (15 questions)', '[2] ISO/IEC 42001 quick readiness check (15 questions)', 'ISO/IEC 27001 access control check']],
      ['start a readiness check', 'Which readiness check?'],
      ['3', ['ISO/IEC 27001 access control check', 'question 1 of 9']],
    ]);
  });

  it.each([
    ['/gapcheck 42001', 'ISO/IEC 42001 quick readiness check · question 1 of 15'],
    ['/gapcheck access control', 'ISO/IEC 27001 access control check · question 1 of 9'],
    ['/gapcheck 27001 suppliers', 'ISO/IEC 27001 supplier security check · question 1 of 7'],
    ['gapcheck incident management', 'ISO/IEC 27001 incident management check · question 1 of 8'],
    ['/gapcheck iso 42001 impact assessment', 'ISO/IEC 42001 AI impact assessment check · question 1 of 7'],
    ['start a gap check for 42001 data', 'ISO/IEC 42001 data for AI check · question 1 of 6'],
    ['/gapcheck 42001-life-cycle', 'ISO/IEC 42001 AI system life cycle check · question 1 of 9'],
  ])('%s starts the right check', async (says, expected) => {
    await sam().play([[says, expected]]);
  });

  it('answers an unknown check name with the list', async () => {
    await sam().play([['/gapcheck gardening', ['I do not know a check called "gardening"', 'Which readiness check?']]]);
  });

  it.each([
    ['/gapcheck for 27001:A.5.15', ['The ISO/IEC 27001 access control check covers 27001 A.5.15 Access control.', 'question 1 of 9']],
    ['/gapcheck for 42001:A.7.4', ['The ISO/IEC 42001 data for AI check covers', 'question 1 of 6']],
    ['/gapcheck for 42001:6.1.4', ['ISO/IEC 42001 AI impact assessment check']],
    ['/gapcheck for 27001:A.8.12', ['No focused check covers 27001 A.8.12 Data leakage prevention; the ISO/IEC 27001 quick readiness check looks at the whole standard.', 'question 1 of 15']],
    ['/gapcheck for 27001 A.8.5', ['The ISO/IEC 27001 access control check covers 27001 A.8.5 Secure authentication.']],
    ['/gapcheck for A.8.5', ['"A.8.5" exists in more than one place', '[1] 27001 A.8.5 Secure authentication', '[2] 42001 A.8.5']],
    ['/gapcheck for 5.2', ['"5.2" exists in more than one place', '27001 clause 5.2 Policy']],
    ['/gapcheck for A.99.1', ['Sorry: I could not find the clause or control "A.99.1"']],
  ])('%s', async (says, expected) => {
    await sam().play([[says, expected]]);
  });
});

describe('one check per person per conversation', () => {
  it('asks whether to resume or restart when another check is started, and does what is picked', async () => {
    const c = sam();
    await c.play([
      ['/gapcheck 27001', 'question 1 of 15'],
      ['yes', 'question 2 of 15'],
      ['/gapcheck 42001', ['You have a check in progress here: ISO/IEC 27001 quick readiness check, at question 2 of 15 (1 answered).', '[1] Resume ISO/IEC 27001 quick readiness check', '[2] Start ISO/IEC 42001 quick readiness check (drops 1 answer)']],
      ['1', 'ISO/IEC 27001 quick readiness check · question 2 of 15'],
      ['/gapcheck 27001', ['Resume it, or start it again from the first question?', '[2] Start again (drops 1 answer)']],
      ['2', ['ISO/IEC 27001 quick readiness check · question 1 of 15']],
      ['/gapcheck 42001', 'You have a check in progress'],
      ['2', 'ISO/IEC 42001 quick readiness check · question 1 of 15'],
      ['/gapcheck status', 'ISO/IEC 42001 quick readiness check: at question 1 of 15'],
    ]);
  });

  it('leaves other people and other conversations alone', async () => {
    await sam().play([['/gapcheck 27001', 'question 1 of 15']]);
    const alex = conversation(app.bot, { user: { id: 'U-alex', name: 'Alex' } });
    const samElsewhere = conversation(app.bot, { conversation: 'C-other' });
    await alex.play([['yes', '!question 2 of 15']]);
    await samElsewhere.play([['yes', '!question 2 of 15'], ['/gapcheck resume', 'You have no check in progress in this conversation']]);
    await sam().play([['yes', 'question 2 of 15']]);
  });
});

describe('during a check', () => {
  it('explains on why, steps back, skips, reports status, and re-asks gently on other text', async () => {
    await sam().play([
      ['/gapcheck 27001', 'question 1 of 15'],
      ['why', ['What good looks like: A one-page scope statement', 'Evidences: 27001 clause 4.3']],
      ['partly', 'question 2 of 15'],
      ['back', ['question 1 of 15', '(Your answer so far: Partly.)']],
      ['yes', 'question 2 of 15'],
      ['skip', ['Skipped question 2; I will come back to it at the end.', 'question 3 of 15']],
      ['status', ['at question 3 of 15', '1 answered, 1 skipped', 'Started 28 Nov; kept until 5 Dec']],
      ['we wrote something once, not sure where it is', ['I did not catch an answer there', 'question 3 of 15']],
      ['3', 'question 4 of 15'],
    ]);
  });

  it('lets slash commands through: /iso answers while the check waits', async () => {
    await sam().play([
      ['/gapcheck 27001', 'question 1 of 15'],
      ['/iso A.5.15', ['Access control (ISO/IEC 27001:2022 · Annex A control A.5.15)', '!question 1 of']],
      ['yes', 'question 2 of 15'],
    ]);
  });

  it('ignores a second click on the same answer button instead of answering the next question', async () => {
    const c = sam();
    const [started] = await c.play([['/gapcheck 27001', 'question 1 of 15']]);
    const yes = started!.reply.views.flatMap((v) => (v.kind === 'gap-question' ? v.answers : []))[0]!.command;
    expect(yes).toMatch(/^\/gapcheck answer GC-[0-9A-Z]+ scope yes$/);
    const turn = { platform: 'cli' as const, workspace: 'T-test', conversation: 'C-test', user: { id: 'U-sam', name: 'Sam' }, action: { command: yes } };
    const first = await app.bot.handle({ ...turn, eventId: 'click-1' });
    const second = await app.bot.handle({ ...turn, eventId: 'click-2' });
    expect(first.replaceOriginal).toBe(true);
    for (const r of [first, second]) expect(r.views.find((v) => v.kind === 'gap-question')).toMatchObject({ index: 2 });
  });

  it('goes over skipped questions at the end, and can finish with them counted as not sure', async () => {
    await sam().play([
      ['/gapcheck 42001 data', 'question 1 of 6'],
      ['skip', 'question 2 of 6'],
      ...times(5, '1'),
      ['x', ['I did not catch an answer there', 'you reached the end with 1 question unanswered (question 1)', '!readiness']],
    ]);
    await sam().play([
      ['status', ['at the end of the questions', '5 answered, 1 skipped']],
      ['/gapcheck finish now', ['readiness 83/100', 'No data management process for AI (Not answered)']],
    ]);
  });

  it('finishes early only after asking', async () => {
    await sam().play([
      ['/gapcheck 27001 incidents', 'question 1 of 8'],
      ['finish', ['8 of 8 questions are still unanswered', '[1] Keep going', '[2] Finish now']],
      ['1', 'question 1 of 8'],
    ]);
  });

  it('cancels, after which plain text is a question again', async () => {
    await sam().play([
      ['/gapcheck 27001', 'question 1 of 15'],
      ['yes', 'question 2 of 15'],
      ['cancel', ['ISO/IEC 27001 quick readiness check cancelled', 'Your 1 answer was dropped']],
      ['yes', ['I answer questions about ISO/IEC 27001', '!question 2 of']],
      ['/gapcheck resume', 'You have no check in progress'],
    ]);
  });
});

describe('expired and unreadable checks', () => {
  it('closes a check untouched for more than 7 days politely', async () => {
    await sam().play([['/gapcheck 27001', 'question 1 of 15'], ['yes', 'question 2 of 15']]);
    app.setNow(new Date('2026-12-05T10:00:01Z'));
    await sam().play([
      ['what is A.5.15?', ['Access control', '!expired']],
      ['yes', ['That check cannot be resumed', 'was last touched more than 7 days ago, so it has expired. Its 1 answer could not be kept.']],
      ['/gapcheck resume', 'You have no check in progress'],
    ]);
  });

  it('resumes a check 6 days later', async () => {
    await sam().play([['/gapcheck 27001', 'question 1 of 15'], ['yes', 'question 2 of 15']]);
    app.setNow(new Date('2026-12-04T09:00:00Z'));
    await sam().play([['/gapcheck resume', 'question 2 of 15']]);
  });

  it('closes a session saved by an older version of Annex politely, without an error', async () => {
    const sessions = app.store.collection('gapcheck-sessions', z.unknown(), { expiring: true });
    await sessions.set(sessionKey(samScope, 'U-sam'), { v: 0, checkId: '27001-quick', position: 4, answers: { scope: 'yes', 'leadership-policy': 'no' } }, 60_000);
    await sam().play([
      ['/gapcheck resume', ['That check cannot be resumed', 'Your ISO/IEC 27001 quick readiness check was saved by a different version of Annex and cannot be resumed. Its 2 answers could not be kept.', '!Something went wrong']],
      ['/gapcheck 27001', 'question 1 of 15'],
    ]);
  });

  it('starts afresh over a damaged session, saying so', async () => {
    const sessions = app.store.collection('gapcheck-sessions', z.unknown(), { expiring: true });
    await sessions.set(sessionKey(samScope, 'U-sam'), { v: 1, id: 'not an id' }, 60_000);
    await sam().play([['/gapcheck 42001', ['I could not read your readiness check back from storage', 'Starting a new one', 'question 1 of 15']]]);
  });
});

describe('results', () => {
  it('compares with the previous result of the same check, by the same person or else the team', async () => {
    await sam().play([['/gapcheck 42001 data', 'question 1 of 6'], ...times(6, 'no')]);
    app.setNow(new Date('2026-12-03T10:00:00Z'));
    await sam().play([['/gapcheck 42001 data', 'question 1 of 6'], ...times(3, 'yes'), ...times(2, 'no'), ['no', ['readiness 57/100 (up 57 points since 28 Nov)']]]);
    // A colleague's first run of the same check compares with the team's latest.
    const alex = conversation(app.bot, { user: { id: 'U-alex', name: 'Alex' } });
    app.setNow(new Date('2026-12-04T10:00:00Z'));
    await alex.play([['/gapcheck 42001 data', 'question 1 of 6'], ...times(5, 'yes'), ['partly', /readiness 93\/100 \(up 36 points since 3 Dec \(Sam's check\)\)/]]);
  });

  it('lists history, exports CSV and drafts a Statement of Applicability from a 27001 check', async () => {
    const c = sam();
    await c.play([
      ['/gapcheck soa', ['there is none here yet', '[1] Start the 27001 quick check']],
      ['/gapcheck history', ['Completed checks in this workspace', '(none)']],
      ['/gapcheck 27001', 'question 1 of 15'],
      ...times(14, 'yes'),
      ['no', 'readiness'],
    ]);
    const [history] = await c.play([['/gapcheck history', ['Result', 'Check', 'Score', 'ISO/IEC 27001 quick readiness check', 'Sam']]]);
    expect(history!.text).toMatch(/GC-[0-9A-Z]+\s+ISO\/IEC 27001 quick readiness check\s+2026-11-28\s+Sam\s+91\s+1/);

    const [exported] = await c.play([['/gapcheck export', '']]);
    const csv = exported!.reply.views.find((v): v is FileView => v.kind === 'file')!;
    expect(csv.filename).toBe('gapcheck-results-2026-11-28.csv');
    expect(csv.content.trim().split('\r\n')).toHaveLength(16);

    const [soa] = await c.play([['/gapcheck soa', ['DRAFT Statement of Applicability: review before use', 'All 93 Annex A controls']]]);
    const file = soa!.reply.views.find((v): v is FileView => v.kind === 'file')!;
    expect(file.filename).toMatch(/^soa-DRAFT-GC-[0-9A-Z]+\.csv$/);
    expect(file.title).toBe('DRAFT Statement of Applicability (review before use)');
    expect(file.content.trim().split('\r\n')).toHaveLength(94);
  });

  it('refuses a draft SoA from a 42001 result', async () => {
    const c = sam();
    const plays = await c.play([['/gapcheck 42001 data', 'question 1 of 6'], ...times(6, 'yes')]);
    const id = /GC-[0-9A-Z]+/.exec(plays[plays.length - 1]!.text)![0];
    await c.play([[`/gapcheck soa ${id}`, `Sorry: Result ${id} is a ISO/IEC 42001 data for AI check; the draft Statement of Applicability needs an ISO/IEC 27001 check.`]]);
  });

  it('refuses gap numbers a result does not have, and results of another workspace', async () => {
    const c = sam();
    const plays = await c.play([['/gapcheck 42001 data', 'question 1 of 6'], ...times(5, 'yes'), ['no', 'readiness']]);
    const id = /GC-[0-9A-Z]+/.exec(plays[plays.length - 1]!.text)![0];
    await c.play([
      ['/gapcheck log 4', `Sorry: Result ${id} has 1 gap; there is no gap 4.`],
      ['/gapcheck log', 'Sorry: Which gaps should I log?'],
    ]);
    const stranger = conversation(app.bot, { workspace: 'T-other' });
    await stranger.play([
      [`/gapcheck result ${id}`, `Sorry: There is no result ${id} in this workspace.`],
      ['/gapcheck history', '(none)'],
    ]);
  });

  it('says a finished check is finished when an old answer button is clicked', async () => {
    const c = sam();
    const [started] = await c.play([['/gapcheck 42001 data', 'question 1 of 6']]);
    const button = started!.reply.views.flatMap((v) => (v.kind === 'gap-question' ? v.answers : []))[2]!.command;
    await c.play(times(6, 'yes'));
    const r = await app.bot.handle({ platform: 'cli', workspace: 'T-test', conversation: 'C-test', user: { id: 'U-sam', name: 'Sam' }, action: { command: button } });
    expect(r.views[0]).toMatchObject({ kind: 'notice', text: expect.stringContaining('That check is already finished') });
  });
});
