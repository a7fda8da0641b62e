/**
 * The questionnaires: the shipped set loads and has what the issue asks for; a broken one is
 * refused at start-up with the file and the field named.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { areasOfStandard, areaOfRef } from '../../src/gap-check/areas.js';
import { loadQuestionnaires, QuestionnaireLoadError, validateQuestionnaires } from '../../src/gap-check/load-questionnaires.js';
import { silentLogger } from '../../src/logger.js';
import { testKnowledge } from '../helpers/app.js';

const kb = testKnowledge();
const shippedDir = resolve('knowledge/gap-checks');
const shipped = () => loadQuestionnaires(shippedDir, kb);
const fileData = (name: string) => parse(readFileSync(join(shippedDir, name), 'utf8')) as Record<string, any>;

/** Problems reported for one shipped file after `change`. */
function problemsAfter(name: string, change: (data: Record<string, any>) => void): string[] {
  const data = fileData(name);
  change(data);
  return validateQuestionnaires([{ file: `gap-checks/${name}`, data }], kb).problems;
}

describe('shipped questionnaires', () => {
  it('load without problems', () => {
    expect(() => shipped()).not.toThrow();
  });

  it('offer a quick check per standard with 10-15 questions', () => {
    const quick = shipped().all.filter((q) => q.kind === 'quick');
    expect(quick.map((q) => q.standard).sort()).toEqual(['27001', '42001']);
    for (const q of quick) {
      expect(q.questions.length).toBeGreaterThanOrEqual(10);
      expect(q.questions.length).toBeLessThanOrEqual(15);
    }
  });

  it('offer the focused checks the issue names', () => {
    const focused = shipped().all.filter((q) => q.kind === 'focused').map((q) => q.id);
    expect(focused).toEqual(expect.arrayContaining(['27001-access-control', '27001-suppliers', '27001-incident-management', '42001-data', '42001-life-cycle', '42001-impact-assessment']));
  });

  it('reach every clause 4-10 and every Annex A theme or group from each quick check', () => {
    for (const q of shipped().all.filter((x) => x.kind === 'quick')) {
      const reached = new Set(q.questions.flatMap((x) => x.refs).map((r) => areaOfRef(kb, r)?.key));
      const needed = areasOfStandard(kb, q.standard).map((a) => a.key);
      expect(needed.length).toBe(q.standard === '27001' ? 11 : 16);
      expect(needed.filter((k) => !reached.has(k))).toEqual([]);
    }
  });

  it('give every question refs that exist, a weight, help and a recommendation', () => {
    for (const q of shipped().all) {
      for (const question of q.questions) {
        expect(question.refs.every((r) => kb.byRef.has(r))).toBe(true);
        expect(question.weight).toBeGreaterThanOrEqual(1);
        expect(question.help.length).toBeGreaterThan(20);
        expect(question.recommendation.length).toBeGreaterThan(20);
      }
    }
  });

  it('do not reuse the knowledge base readiness questions word for word (our own words, not copies)', () => {
    const kbQuestions = new Set(kb.entries.flatMap((e) => e.questions.map((x) => x.toLowerCase())));
    const copies = shipped().all.flatMap((q) => q.questions.filter((x) => kbQuestions.has(x.text.toLowerCase())).map((x) => `${q.id}/${x.id}`));
    expect(copies).toEqual([]);
  });
});

describe('questionnaire validation', () => {
  it('names the file and the field of a schema error', () => {
    const problems = problemsAfter('27001-suppliers.yaml', (d) => {
      d.questions[2].weight = 9;
    });
    expect(problems).toEqual([expect.stringMatching(/^gap-checks\/27001-suppliers\.yaml: questions\[2\]\.weight: /)]);
  });

  it('refuses a ref that is not in the knowledge base, naming where it is', () => {
    const problems = problemsAfter('27001-suppliers.yaml', (d) => {
      d.questions[1].refs[1] = '27001:A.5.99';
    });
    expect(problems).toEqual(['gap-checks/27001-suppliers.yaml: questions[1].refs[1]: 27001:A.5.99 does not exist in the knowledge base']);
  });

  it('refuses a topic as a ref (questions evidence clauses and controls)', () => {
    const topic = kb.entries.find((e) => e.kind === 'topic')!.ref;
    const problems = problemsAfter('42001-data.yaml', (d) => {
      d.questions[0].refs.push(topic);
    });
    expect(problems).toEqual([`gap-checks/42001-data.yaml: questions[0].refs[1]: ${topic} is not a clause or an Annex A control`]);
  });

  it('refuses a first ref from the other standard (it decides the area)', () => {
    const problems = problemsAfter('42001-data.yaml', (d) => {
      d.questions[3].refs.unshift('27001:A.5.34');
    });
    expect(problems).toEqual(['gap-checks/42001-data.yaml: questions[3].refs[0]: the first ref must be a clause or control of 42001']);
  });

  it('refuses duplicate question ids, a file named differently from its id, and a subcommand used as an alias', () => {
    const problems = problemsAfter('42001-data.yaml', (d) => {
      d.questions[1].id = d.questions[0].id;
      d.id = '42001-data-v2';
      d.aliases.push('history');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'gap-checks/42001-data.yaml: id: "42001-data-v2" must match the file name (42001-data)',
        'gap-checks/42001-data.yaml: questions[1].id: duplicate question id data-management',
        'gap-checks/42001-data.yaml: aliases: "history" is a /gapcheck subcommand',
      ]),
    );
  });

  it('refuses a quick check that misses an area or has too few questions', () => {
    const problems = problemsAfter('27001-quick.yaml', (d) => {
      d.questions = d.questions.filter((x: { id: string }) => x.id !== 'physical' && x.id !== 'people-lifecycle' && x.id !== 'technical-baseline' && x.id !== 'corrective-action' && x.id !== 'documents' && x.id !== 'awareness');
    });
    expect(problems).toContain('gap-checks/27001-quick.yaml: questions: a quick check has 10-15 questions, found 9');
    expect(problems).toContain('gap-checks/27001-quick.yaml: questions: a quick check must reach every clause and Annex A area; nothing refers to A.7 Physical controls');
    expect(problems).toContain('gap-checks/27001-quick.yaml: questions: a quick check must reach every clause and Annex A area; nothing refers to Clause 10 Improvement');
  });

  it('refuses the same alias on two checks', () => {
    const a = fileData('27001-suppliers.yaml');
    const b = fileData('27001-access-control.yaml');
    b.aliases.push('Vendors');
    const { problems } = validateQuestionnaires([{ file: 'gap-checks/27001-suppliers.yaml', data: a }, { file: 'gap-checks/27001-access-control.yaml', data: b }], kb);
    expect(problems).toEqual(['gap-checks/27001-access-control.yaml: aliases: "Vendors" is also a name of 27001-suppliers']);
  });
});

describe('loading at start-up', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'annex-gc-'));
    cpSync('knowledge', join(root, 'knowledge'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports YAML that does not parse, with the file', () => {
    writeFileSync(join(root, 'knowledge/gap-checks/broken.yaml'), 'id: [unclosed\n');
    try {
      loadQuestionnaires(join(root, 'knowledge/gap-checks'), kb);
      expect.unreachable('the loader accepted broken YAML');
    } catch (err) {
      expect(err).toBeInstanceOf(QuestionnaireLoadError);
      expect((err as QuestionnaireLoadError).problems).toEqual([expect.stringMatching(/^gap-checks\/broken\.yaml: \(file\): not valid YAML/)]);
    }
  });

  it('stops the app from starting with an invalid questionnaire', async () => {
    const path = join(root, 'knowledge/gap-checks/42001-life-cycle.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace("refs: ['42001:A.6.2.8']", "refs: ['42001:A.6.2.9']"));
    await expect(
      createApp({ env: { STORE_URL: `sqlite://${join(root, 'annex.sqlite')}`, ANNEX_KNOWLEDGE_DIR: join(root, 'knowledge') }, logger: silentLogger, knowledge: kb }),
    ).rejects.toThrow(/gap-checks\/42001-life-cycle\.yaml: questions\[8\]\.refs\[0\]: 42001:A\.6\.2\.9 does not exist/);
  });
});
