/**
 * CSV output: safe cells, the answers export, and the draft Statement of Applicability built from a
 * completed 27001 check (all 93 controls, applicability and status inferred from the answers).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import type { AnswerValue } from '../../src/gap-check/answers.js';
import { csvCell, resultsCsv, soaCsv, toCsv } from '../../src/gap-check/csv.js';
import { startSession } from '../../src/gap-check/engine.js';
import { loadQuestionnaires } from '../../src/gap-check/load-questionnaires.js';
import { buildResult, type CheckResult } from '../../src/gap-check/result.js';
import { testKnowledge } from '../helpers/app.js';

const kb = testKnowledge();
const set = loadQuestionnaires(resolve('knowledge/gap-checks'), kb);
const quick = set.byId.get('27001-quick')!;

function resultWith(answers: Record<string, AnswerValue>, checkId = '27001-quick'): CheckResult {
  const q = set.byId.get(checkId)!;
  const s = { ...startSession(q, { id: 'GC-CSV001', scope: { platform: 'cli', workspace: 'T', conversation: 'C' }, user: { id: 'U', name: '=HYPERLINK("x")' } }, new Date('2026-11-28T10:00:00Z')), answers, current: null };
  return buildResult(s, q, kb, new Date('2026-11-28T10:05:00Z'));
}

/** Splits CSV made by `toCsv` back into rows (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=cmd()')).toBe("'=cmd()");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('plain')).toBe('plain');
  });

  it('round-trips through a CSV reader', () => {
    expect(parseCsv(toCsv(['a', 'b'], [['x, y', 'he said "no"\nthen left']]))).toEqual([['a', 'b'], ['x, y', 'he said "no"\nthen left']]);
  });
});

describe('answers export', () => {
  it('has one row per question, with the answer, refs and the recommendation for gaps only', () => {
    const r = resultWith({ scope: 'yes', 'risk-assessment': 'no' });
    const rows = parseCsv(resultsCsv([r]));
    expect(rows).toHaveLength(1 + quick.questions.length);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const scope = rows.find((x) => x[col('question_id')] === 'scope')!;
    const risk = rows.find((x) => x[col('question_id')] === 'risk-assessment')!;
    expect(scope[col('answer')]).toBe('Yes');
    expect(scope[col('recommendation')]).toBe('');
    expect(risk[col('answer')]).toBe('No');
    expect(risk[col('refs')]).toBe('27001:6.1.2 27001:8.2 27001:6.1.1');
    expect(risk[col('recommendation')]).toContain('risk method');
    expect(rows.find((x) => x[col('question_id')] === 'physical')![col('answer')]).toBe('Not answered');
    // The user's name came from a platform: it must not become a formula.
    expect(scope[col('completed_by')]).toBe('\'=HYPERLINK("x")');
  });
});

describe('draft Statement of Applicability', () => {
  const answers: Record<string, AnswerValue> = { 'access-control': 'yes', suppliers: 'partly', incidents: 'no', physical: 'na', 'technical-baseline': 'unsure', 'people-lifecycle': 'yes' };
  const { csv, rows } = soaCsv(kb, resultWith(answers));
  const row = (id: string) => rows.find((x) => x.control.id === id)!;

  it('lists every one of the 93 Annex A controls once, in order, marked as a draft on every line', () => {
    const table = parseCsv(csv);
    expect(table[0]).toEqual(['control', 'title', 'theme', 'applicable', 'justification', 'implementation_status', 'evidence_from_check', 'draft_note']);
    const ids = table.slice(1).map((x) => x[0]);
    expect(ids).toHaveLength(93);
    expect(new Set(ids).size).toBe(93);
    expect(ids[0]).toBe('A.5.1');
    expect(ids[36]).toBe('A.5.37');
    expect(ids[92]).toBe('A.8.34');
    expect(table.slice(1).every((x) => x[7]!.startsWith('DRAFT'))).toBe(true);
  });

  it('infers status from the answers of the questions that evidence each control', () => {
    expect(row('A.5.15')).toMatchObject({ applicable: 'yes', status: 'Implemented', evidence: 'Q10 access-control: Yes' });
    expect(row('A.5.19')).toMatchObject({ applicable: 'yes', status: 'Partially implemented' });
    expect(row('A.5.24')).toMatchObject({ applicable: 'yes', status: 'Not implemented' });
    expect(row('A.8.1')).toMatchObject({ applicable: 'yes', status: 'Unknown' });
    expect(row('A.6.1')).toMatchObject({ applicable: 'yes', status: 'Implemented' });
  });

  it('excludes a control answered not applicable, asking for the reason', () => {
    expect(row('A.7.1')).toMatchObject({ applicable: 'no', status: 'Not applicable' });
    expect(row('A.7.1').justification).toContain('Write down why it does not apply');
  });

  it('includes controls the check did not cover by default, marked not assessed', () => {
    expect(row('A.8.12')).toMatchObject({ applicable: 'yes', status: 'Not assessed', evidence: '' });
    const covered = new Set(quick.questions.flatMap((q) => q.refs));
    expect(rows.filter((x) => x.status === 'Not assessed').length).toBe(93 - [...covered].filter((r) => /^27001:A\./.test(r)).length);
  });

  it('calls a control evidenced Yes in one question and No in another partially implemented', () => {
    const file = parse(readFileSync(resolve('knowledge/gap-checks/27001-incident-management.yaml'), 'utf8')) as { questions: Array<{ id: string; refs: string[] }> };
    const both = file.questions.filter((q) => q.refs.includes('27001:A.5.24')).map((q) => q.id);
    expect(both.length).toBeGreaterThan(1);
    const mixed = soaCsv(kb, resultWith({ [both[0]!]: 'yes', [both[1]!]: 'no' }, '27001-incident-management')).rows.find((x) => x.control.id === 'A.5.24')!;
    expect(mixed.status).toBe('Partially implemented');
  });
});
