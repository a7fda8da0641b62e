/**
 * CSV output of gap checks: the answers export and the draft Statement of Applicability. Pure.
 *
 * Cells are quoted per RFC 4180, and a cell that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) is prefixed with an apostrophe: names and titles come from
 * users and platforms and are never trusted.
 */
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeEntry } from '../knowledge/schema.js';
import type { CheckResult, ResultAnswer } from './result.js';
import { CREDIT, FINAL_ANSWER_LABELS, type FinalAnswer } from './scoring.js';

export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const EXPORT_COLUMNS = [
  'result_id', 'check_id', 'check_version', 'check_title', 'completed_at', 'completed_by', 'score',
  'question_number', 'question_id', 'area', 'question', 'answer', 'weight', 'refs', 'recommendation',
] as const;

/** One row per question per result. */
export function resultsCsv(results: readonly CheckResult[]): string {
  const rows = results.flatMap((r) =>
    r.answers.map((a) => [
      r.id, r.checkId, r.checkVersion, r.checkTitle, r.completedAt, r.user.name, r.score,
      a.number, a.questionId, a.area.label, a.text, FINAL_ANSWER_LABELS[a.answer], a.weight, a.refs.join(' '),
      a.answer === 'yes' || a.answer === 'na' ? '' : a.recommendation,
    ]),
  );
  return toCsv(EXPORT_COLUMNS, rows);
}

export const SOA_COLUMNS = [
  'control', 'title', 'theme', 'applicable', 'justification', 'implementation_status', 'evidence_from_check', 'draft_note',
] as const;

export type ImplementationStatus = 'Implemented' | 'Partially implemented' | 'Not implemented' | 'Unknown' | 'Not applicable' | 'Not assessed';

export interface SoaRow {
  control: KnowledgeEntry;
  applicable: 'yes' | 'no';
  status: ImplementationStatus;
  justification: string;
  evidence: string;
}

/**
 * Infers a control's line from the answers to the questions that evidence it: all "not applicable"
 * excludes it; otherwise the known answers set the status (all Yes: implemented; all No:
 * not implemented; a mix: partially), and "not sure" or unanswered alone leave it unknown.
 * A control no question touched is included by default and marked "not assessed".
 */
export function soaRowOf(control: KnowledgeEntry, answers: readonly ResultAnswer[]): SoaRow {
  const touching = answers.filter((a) => a.refs.includes(control.ref));
  const evidence = touching.map((a) => `Q${a.number} ${a.questionId}: ${FINAL_ANSWER_LABELS[a.answer]}`).join('; ');
  const first = (pick: (x: FinalAnswer) => boolean) => touching.find((a) => pick(a.answer));
  if (!touching.length) {
    return { control, applicable: 'yes', status: 'Not assessed', evidence: '', justification: 'Included by default: this check did not cover it. Decide from your risk assessment whether it applies, and why.' };
  }
  if (touching.every((a) => a.answer === 'na')) {
    return { control, applicable: 'no', status: 'Not applicable', evidence, justification: `Excluded: answered "not applicable" (Q${touching[0]!.number}). Write down why it does not apply to your scope.` };
  }
  const known = touching.map((a) => (a.answer === 'unsure' || a.answer === 'skipped' ? null : CREDIT[a.answer])).filter((c): c is number => c !== null);
  let status: ImplementationStatus;
  if (!known.length) status = 'Unknown';
  else if (known.every((c) => c === 1)) status = 'Implemented';
  else if (known.every((c) => c === 0)) status = 'Not implemented';
  else status = 'Partially implemented';
  const gap = first((x) => x !== 'yes' && x !== 'na');
  const justification =
    status === 'Implemented'
      ? `Included: in place according to the check (Q${first((x) => x === 'yes')!.number}). Link it to the risks it treats.`
      : status === 'Unknown'
        ? `Included: the check could not confirm it (Q${gap!.number} answered "${FINAL_ANSWER_LABELS[gap!.answer]}"). Find out before the audit.`
        : `Included: needed to treat the gap "${gap!.gap}" (Q${gap!.number}). Link it to the risk it treats.`;
  return { control, applicable: 'yes', status, evidence, justification };
}

const THEME_LABEL: Record<string, string> = { organizational: 'Organizational', people: 'People', physical: 'Physical', technological: 'Technological' };

/** Annex A controls of 27001 in their numeric order (A.5.1 ... A.8.34). */
export function annexAControls(kb: KnowledgeBase): KnowledgeEntry[] {
  const key = (id: string) => id.slice(2).split('.').map(Number);
  return kb.entries
    .filter((e) => e.standard === '27001' && e.kind === 'control' && !e.organization)
    .sort((a, b) => {
      const [x, y] = [key(a.id), key(b.id)];
      return x[0]! - y[0]! || x[1]! - y[1]!;
    });
}

/** The draft SoA: every Annex A control, one row each, marked as a draft on every row. */
export function soaCsv(kb: KnowledgeBase, r: CheckResult): { csv: string; rows: SoaRow[] } {
  const rows = annexAControls(kb).map((c) => soaRowOf(c, r.answers));
  const note = `DRAFT generated by Annex from gap check ${r.id} (${r.checkTitle}, ${r.completedAt.slice(0, 10)}): review every line before use`;
  const csv = toCsv(
    SOA_COLUMNS,
    rows.map((x) => [x.control.id, x.control.title, THEME_LABEL[x.control.theme ?? ''] ?? '', x.applicable, x.justification, x.status, x.evidence, note]),
  );
  return { csv, rows };
}
