/**
 * Issue 6, "done when", as transcripts against the real app (SQLite file, shipped knowledge and
 * questionnaires, real risk register):
 * - `/gapcheck 27001`, answering every question, ends with a score, a breakdown and the top gaps;
 * - quitting half-way, restarting the bot (a new app on the same SQLite file) and
 *   `/gapcheck resume` continues at the same question;
 * - logging two gaps as risks makes them appear in `/risk list` with their control refs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadQuestionnaires } from '../../src/gap-check/load-questionnaires.js';
import type { GapResultView } from '../../src/views/view.js';
import { createTestApp, testKnowledge, type TestApp } from '../helpers/app.js';
import { conversation, type Step } from './transcript.js';

const quick = loadQuestionnaires(resolve('knowledge/gap-checks'), testKnowledge()).byId.get('27001-quick')!;
const ids = quick.questions.map((q) => q.id);
const weight = (id: string) => quick.questions.find((q) => q.id === id)!.weight;
const title = (n: number) => `question ${n} of ${quick.questions.length}`;

/** What this company answers, typed the ways people type: words, letters, numbers. */
const TYPED: Record<string, string> = { 'risk-assessment': 'no', 'internal-audit-review': 'partly', suppliers: 'not sure', physical: 'n/a', scope: 'y', documents: '1' };
const typed = (id: string) => TYPED[id] ?? 'yes';

/** The expected score, worked out here from the weights (independently of scoring.ts). */
function expectedScore(): number {
  const possible = ids.filter((id) => id !== 'physical').reduce((sum, id) => sum + weight(id), 0);
  const earned = possible - weight('risk-assessment') - weight('internal-audit-review') / 2 - weight('suppliers');
  return Math.round((100 * earned) / possible);
}

/** The interview: each answer moves on to the next question, the last one to the result. */
function interview(from = 0, to = ids.length): Step[] {
  return ids.slice(from, to).map((id, i) => {
    const n = from + i + 1;
    return { says: typed(id), answers: n < ids.length ? [title(n + 1), quick.questions[n]!.text] : ['readiness'] };
  });
}

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.dispose()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const newApp = async (dir?: string) => {
  const app = await createTestApp(dir ? { dir } : {});
  apps.push(app);
  return app;
};

describe('/gapcheck 27001 in the terminal', () => {
  it('answering every question ends with a score, a breakdown by area and the top gaps', async () => {
    const app = await newApp();
    const sam = conversation(app.bot);
    await sam.play([
      ['/gapcheck 27001', [`ISO/IEC 27001 quick readiness check: ${ids.length} questions`, title(1), quick.questions[0]!.text, '[1] Yes', '[2] Partly', '[3] No', '[4] Not sure', '[5] Not applicable', 'Also: why, back, skip, status, cancel']],
      ...interview(0, ids.length - 1),
    ]);
    const [last] = await sam.play([[typed(ids[ids.length - 1]!), ['Check complete', `readiness ${expectedScore()}/100`, '"Not sure" counts as No', '"Not applicable" is left out of the score', 'By area:', 'Top gaps:']]]);

    const result = last!.reply.views.find((v): v is GapResultView => v.kind === 'gap-result')!;
    expect(result.score).toBe(expectedScore());
    // Physical controls were all "not applicable", so that theme has no score to show.
    expect(result.breakdown.map((b) => b.label)).toEqual([
      'Clause 4 Context of the organization',
      'Clause 5 Leadership',
      'Clause 6 Planning',
      'Clause 7 Support',
      'Clause 8 Operation',
      'Clause 9 Performance evaluation',
      'Clause 10 Improvement',
      'A.5 Organizational controls',
      'A.6 People controls',
      'A.8 Technological controls',
    ]);
    expect(result.breakdown.find((b) => b.label === 'Clause 4 Context of the organization')!.score).toBe(100);
    // Clause 8 is evidenced by risk assessment (No, 5) and risk treatment (Yes, 5).
    expect(result.breakdown.find((b) => b.label === 'Clause 8 Operation')).toEqual({ label: 'Clause 8 Operation', score: 50, answered: 2 });
    // Heaviest first: risk assessment (No, weight 5), internal audit (Partly, 4), suppliers (Not sure, 3).
    expect(result.gaps.map((g) => [g.number, g.title, g.answer])).toEqual([
      [1, 'No repeatable information security risk assessment', 'No'],
      [2, 'No internal audit or management review', 'Partly'],
      [3, 'Supplier security is not assessed or contracted', 'Not sure'],
    ]);
    expect(result.gaps[0]!.recommendation).toContain('risk method');
    expect(result.gaps[0]!.refs.map((r) => r.ref)).toEqual(['27001:6.1.2', '27001:8.2', '27001:6.1.1']);
    expect(last!.text).toContain('Read: 27001 clause 6.1.2 Information security risk assessment');
  });

  it('survives a restart half-way: /gapcheck resume continues at the same question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annex-restart-'));
    dirs.push(dir);
    const first = await newApp(dir);
    await conversation(first.bot).play([['/gapcheck 27001', title(1)], ...interview(0, 7)]);
    // Quit: the process goes away with the check at question 8.
    await first.dispose();
    apps.splice(apps.indexOf(first), 1);

    const second = await newApp(dir);
    const sam = conversation(second.bot);
    await sam.play([
      ['/gapcheck resume', [title(8), quick.questions[7]!.text, '!question 1 of']],
      ['status', ['at question 8 of 15', '7 answered']],
      ...interview(7),
    ]);
    const [again] = await sam.play([['/gapcheck result', `readiness ${expectedScore()}/100`]]);
    expect(again!.text).toContain('No repeatable information security risk assessment');
  });

  it('logs two gaps as risks that appear in /risk list with their control refs, once however often it is clicked', async () => {
    const app = await newApp();
    const sam = conversation(app.bot);
    await sam.play([['/gapcheck 27001', title(1)], ...interview()]);

    const [logged] = await sam.play([['/gapcheck log 1,3', ['Logged 2 gaps', 'No repeatable information security risk assessment (controls 27001:6.1.2, 27001:8.2, 27001:6.1.1)', 'Supplier security is not assessed or contracted (controls 27001:A.5.19, 27001:A.5.20, 27001:A.5.23)']]]);
    const riskIds = [...logged!.text.matchAll(/^(R-[0-9A-Z]+): /gm)].map((m) => m[1]!);
    expect(riskIds).toHaveLength(2);

    await sam.play([
      ['/risk list', ['2 risks', `${riskIds[0]}`, 'No repeatable information security risk assessment', `${riskIds[1]}`, 'Supplier security is not assessed or contracted']],
      [`/risk show ${riskIds[0]}`, ['Controls: 27001 clause 6.1.2 Information security risk assessment; 27001 clause 8.2', 'from gapcheck:', 'Treatment: mitigate']],
      [`/risk show ${riskIds[1]}`, ['Controls: 27001 A.5.19 Information security in supplier relationships; 27001 A.5.20', 'Impact: 3']],
      ['/risk list control=A.5.19', ['1 risk', riskIds[1]!]],
      // A double click on the same button: nothing new.
      ['/gapcheck log 1,3', ['Nothing new to log', `Gap 1 was already logged as ${riskIds[0]}`, `Gap 3 was already logged as ${riskIds[1]}`]],
      ['/risk list', '2 risks'],
      // The result now says which gaps are in the register.
      ['/gapcheck result', [`[logged as ${riskIds[0]}]`, `[logged as ${riskIds[1]}]`, 'Log gap 2 as a risk', '!Log gap 1 as a risk']],
      ['/gapcheck log all', ['Logged 1 gap', 'No internal audit or management review']],
      ['/risk list', '3 risks'],
    ]);
  });

  it('does not log a gap twice even when the gap-check side lost its record (the register key holds)', async () => {
    const app = await newApp();
    const sam = conversation(app.bot);
    await sam.play([['/gapcheck 27001', title(1)], ...interview()]);
    const [first] = await sam.play([['/gapcheck log 1', 'Logged 1 gap']]);
    const riskId = /^(R-[0-9A-Z]+): /m.exec(first!.text)![1]!;
    // Simulate a crash between the register write and our own record of it.
    const logged = app.store.collection('gapcheck-logged', z.unknown());
    const keys = (await logged.list()).map((x) => x.key);
    expect(keys).toHaveLength(1);
    await logged.delete(keys[0]!);
    await sam.play([
      ['/gapcheck log 1', riskId],
      ['/risk list', '1 risk'],
    ]);
  });
});
