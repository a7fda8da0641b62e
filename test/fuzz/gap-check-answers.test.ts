/**
 * Gap-check answer parsing (src/gap-check/answers.ts, and the gap numbers and check names of
 * service.ts) under hostile input: typed replies become an answer, a steering word or nothing;
 * gap lists are sorted small numbers or nothing; a check name finds a real questionnaire or nothing.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_VALUES, normalizeReply, readAnswerValue, readReply } from '../../src/gap-check/answers.js';
import { loadQuestionnaires, type QuestionnaireSet } from '../../src/gap-check/load-questionnaires.js';
import { findCheck, parseGapNumbers } from '../../src/gap-check/service.js';
import { testKnowledge } from '../helpers/app.js';
import { hostileText, mixedText, runs } from './hostile.js';

const STEERS = ['back', 'skip', 'status', 'why', 'cancel', 'finish', 'finish-now', 'resume'];

/** Replies as people type them during an interview, with noise around. */
const replyLike = fc
  .tuple(
    fc.constantFrom('', ' ', '[', '(', '"', '*', '> '),
    fc.constantFrom('yes', 'Yes, we have one', 'no', 'NO!', 'n/a', 'N.A.', 'not sure', "don't know", 'partly', '1', '2.', '[3]', '4', '5', '6', '0', 'skip', 'back', 'why?', 'finish now', 'cancel', 'resume', 'yess', 'yes no', 'y', 'idk'),
    fc.constantFrom('', '.', '!', '?', ' ', ', really', '\u200b', '\u00a0'),
  )
  .map(([a, b, c]) => a + b + c);

let set: QuestionnaireSet;
beforeAll(() => {
  set = loadQuestionnaires(resolve('knowledge/gap-checks'), testKnowledge());
});

describe('gap-check answers (fuzz)', () => {
  it('reads any typed reply as an answer, a steering word or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, replyLike), (text) => {
        const n = normalizeReply(text);
        expect(n).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
        const r = readReply(text);
        if (r === undefined) return;
        if (r.type === 'answer') expect(ANSWER_VALUES).toContain(r.value);
        else expect(STEERS).toContain(r.type);
        const v = readAnswerValue(text);
        if (v !== undefined) expect(ANSWER_VALUES).toContain(v);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('reads gap numbers as a sorted list of small numbers, "all", or nothing', () => {
    const listLike = fc
      .tuple(fc.array(fc.oneof(fc.integer({ min: -5, max: 150 }).map(String), fc.constantFrom('1-3', '3-1', 'and', ',', '-', '99-99', '0', '00', 'all')), { maxLength: 8 }), fc.constantFrom(' ', ',', ', ', ' and '))
      .map(([parts, sep]) => parts.join(sep));
    fc.assert(
      fc.property(fc.oneof(hostileText, listLike), (text) => {
        const r = parseGapNumbers(text);
        if (r === undefined || r === 'all') return;
        expect(r.length).toBeGreaterThan(0);
        for (const n of r) expect(Number.isInteger(n) && n >= 0 && n <= 99).toBe(true);
        expect([...r].sort((a, b) => a - b)).toEqual(r);
        expect(new Set(r).size).toBe(r.length);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('finds a questionnaire of the set by any name, or none', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, mixedText), (text) => {
        const q = findCheck(set, text);
        if (q) expect(set.all).toContain(q);
      }),
      { numRuns: runs(1500) },
    );
  });
});
