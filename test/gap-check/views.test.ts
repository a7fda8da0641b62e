/**
 * Gap-check views: the comparison line, question buttons and result actions.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../src/gap-check/engine.js';
import { loadQuestionnaires } from '../../src/gap-check/load-questionnaires.js';
import { buildResult, type CheckResult } from '../../src/gap-check/result.js';
import { comparisonText, questionView, resultView, shortDate } from '../../src/gap-check/views.js';
import { testKnowledge } from '../helpers/app.js';

const kb = testKnowledge();
const set = loadQuestionnaires(resolve('knowledge/gap-checks'), kb);
const data = set.byId.get('42001-data')!;
const scope = { platform: 'cli' as const, workspace: 'T', conversation: 'C' };

function result(id: string, user: string, at: string, answers: Record<string, 'yes' | 'no'>, version = 1): CheckResult {
  const s = { ...startSession(data, { id, scope, user: { id: user, name: user } }, new Date(at)), answers, current: null };
  return { ...buildResult(s, data, kb, new Date(at)), checkVersion: version };
}

const allYes = Object.fromEntries(data.questions.map((q) => [q.id, 'yes' as const]));
const allNo = Object.fromEntries(data.questions.map((q) => [q.id, 'no' as const]));
const now = new Date('2026-12-10T00:00:00Z');

describe('comparison with an earlier result', () => {
  it('says down, and no change, against the same person first', () => {
    const old = result('GC-AAAAAA', 'sam', '2026-11-03T10:00:00Z', allYes);
    const theirs = result('GC-BBBBBB', 'alex', '2026-11-20T10:00:00Z', allYes);
    const mine = result('GC-CCCCCC', 'sam', '2026-12-01T10:00:00Z', allNo);
    expect(comparisonText(mine, [mine, theirs, old], now)).toBe('down 100 points since 3 Nov');
    expect(comparisonText(result('GC-DDDDDD', 'sam', '2026-12-02T10:00:00Z', allNo), [mine, old], now)).toBe('no change since 1 Dec');
  });

  it('names the year of an older result and a change of question version', () => {
    const old = result('GC-AAAAAA', 'sam', '2025-11-03T10:00:00Z', allNo, 1);
    const mine = result('GC-CCCCCC', 'sam', '2026-12-01T10:00:00Z', allYes, 2);
    expect(comparisonText(mine, [mine, old], now)).toBe('up 100 points since 3 Nov 2025, with an earlier version of the questions');
  });

  it('says nothing for a first result', () => {
    const mine = result('GC-CCCCCC', 'sam', '2026-12-01T10:00:00Z', allYes);
    expect(comparisonText(mine, [mine], now)).toBeUndefined();
    expect(shortDate('2026-01-09T23:59:59Z', now)).toBe('9 Jan');
  });
});

describe('question and result views', () => {
  it('gives each answer a button naming the check and the question, and the steering words as typed', () => {
    const s = startSession(data, { id: 'GC-AAAAAA', scope, user: { id: 'sam', name: 'Sam' } }, now);
    const v = questionView(kb, data, s, 'quality', true);
    expect(v.answers.map((a) => a.command)).toEqual(['yes', 'partly', 'no', 'unsure', 'na'].map((x) => `/gapcheck answer GC-AAAAAA quality ${x}`));
    expect(v.actions.map((a) => a.command)).toEqual(['why', 'back', 'skip', 'status', 'cancel']);
    expect(v).toMatchObject({ index: 3, total: 6, area: 'A.7 Data for AI systems' });
    expect(v.help).toContain('Quality criteria');
  });

  it('offers to log each shown gap not yet logged, all gaps, and the exports; a SoA only for 27001', () => {
    const r = result('GC-AAAAAA', 'sam', '2026-12-01T10:00:00Z', allNo);
    const v = resultView(kb, r, { logged: new Map([[r.answers.find((a) => a.weight === 5)!.questionId, 'R-1234']]) });
    expect(v.gaps).toHaveLength(5);
    expect(v.gaps[0]!.title).toBe('Data quality for AI is not defined or measured [logged as R-1234]');
    expect(v.actions.map((a) => a.command)).toEqual([
      '/gapcheck log 2 GC-AAAAAA', '/gapcheck log 3 GC-AAAAAA', '/gapcheck log 4 GC-AAAAAA', '/gapcheck log 5 GC-AAAAAA',
      '/gapcheck log all GC-AAAAAA', '/gapcheck result GC-AAAAAA all', '/gapcheck export GC-AAAAAA', '/gapcheck history',
    ]);
    expect(resultView(kb, r, { allGaps: true }).gaps).toHaveLength(6);
  });
});
