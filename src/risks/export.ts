/**
 * The register as files: JSON (complete, with every history entry; reads back to the same records)
 * and CSV (one row per risk, for spreadsheets). Pure: risks in, file views out.
 *
 * CSV follows RFC 4180 (quotes doubled, fields with commas, quotes or line breaks quoted). Cells
 * that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading
 * apostrophe, the usual CSV-injection guard; `csvCellValue` removes it again.
 */
import type { FileView } from '../views/view.js';
import { LEVEL_NAMES } from './matrix.js';
import type { Risk } from './risk.js';

export const EXPORT_FORMAT_VERSION = 1;

export const CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'likelihood',
  'impact',
  'score',
  'level',
  'residual_likelihood',
  'residual_impact',
  'residual_score',
  'residual_level',
  'owner',
  'owner_id',
  'reporter',
  'reporter_id',
  'treatment',
  'treatment_plan',
  'due',
  'standards',
  'controls',
  'suggested_controls',
  'platform',
  'workspace',
  'channel',
  'message_link',
  'created_at',
  'updated_at',
  'accepted_by',
  'accepted_at',
  'accepted_score',
  'closed_by',
  'closed_at',
  'closed_reason',
  'changes',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** One risk as CSV cells (before quoting), by column. */
export function csvRecord(r: Risk): Record<CsvColumn, string> {
  return {
    id: r.id,
    title: r.title,
    description: str(r.description),
    status: r.status,
    likelihood: str(r.likelihood),
    impact: str(r.impact),
    score: str(r.rating?.score),
    level: r.rating ? LEVEL_NAMES[r.rating.level] : '',
    residual_likelihood: str(r.residualLikelihood),
    residual_impact: str(r.residualImpact),
    residual_score: str(r.residualRating?.score),
    residual_level: r.residualRating ? LEVEL_NAMES[r.residualRating.level] : '',
    owner: str(r.owner?.name),
    owner_id: str(r.owner?.id),
    reporter: r.reporter.name,
    reporter_id: r.reporter.id,
    treatment: str(r.treatment),
    treatment_plan: str(r.treatmentPlan),
    due: str(r.due),
    standards: r.standards.join('; '),
    controls: r.controls.join('; '),
    suggested_controls: r.controls.length ? '' : r.suggestedControls.join('; '),
    platform: r.origin.platform,
    workspace: r.origin.workspace,
    channel: str(r.origin.channel),
    message_link: str(r.origin.messageLink),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    accepted_by: str(r.acceptance?.by.name),
    accepted_at: str(r.acceptance?.at),
    accepted_score: str(r.acceptance?.score),
    closed_by: str(r.closure?.by.name),
    closed_at: str(r.closure?.at),
    closed_reason: str(r.closure?.reason),
    changes: String(r.history.length - 1),
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The text a cell held before `csvCell` guarded it (after the CSV quoting is undone). */
export function csvCellValue(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function risksToCsv(risks: readonly Risk[]): string {
  const lines = [CSV_COLUMNS.join(','), ...risks.map((r) => {
    const rec = csvRecord(r);
    return CSV_COLUMNS.map((c) => csvCell(rec[c])).join(',');
  })];
  return `${lines.join('\r\n')}\r\n`;
}

export interface RegisterExport {
  format: 'annex-risk-register';
  version: number;
  exportedAt: string;
  platform: string;
  workspace: string;
  /** How levels are derived, so the file stands on its own in an audit. */
  matrix: string;
  count: number;
  risks: Risk[];
}

export const MATRIX_DESCRIPTION = 'score = likelihood x impact (each 1-5); Low 1-4, Medium 5-9, High 10-16, Critical 20-25';

export function risksToJson(risks: readonly Risk[], meta: { exportedAt: string; platform: string; workspace: string }): string {
  const doc: RegisterExport = { format: 'annex-risk-register', version: EXPORT_FORMAT_VERSION, ...meta, matrix: MATRIX_DESCRIPTION, count: risks.length, risks: [...risks] };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function exportFiles(risks: readonly Risk[], meta: { exportedAt: string; platform: string; workspace: string }, formats: ReadonlyArray<'csv' | 'json'>): FileView[] {
  const stamp = meta.exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const base = `risk-register-${meta.workspace.replace(/[^\w-]/g, '_').slice(0, 40)}-${stamp}`;
  const files: FileView[] = [];
  if (formats.includes('csv')) files.push({ kind: 'file', filename: `${base}.csv`, mimeType: 'text/csv', title: `Risk register (CSV, ${risks.length} risk${risks.length === 1 ? '' : 's'})`, content: risksToCsv(risks) });
  if (formats.includes('json')) files.push({ kind: 'file', filename: `${base}.json`, mimeType: 'application/json', title: `Risk register (JSON with full history, ${risks.length} risk${risks.length === 1 ? '' : 's'})`, content: risksToJson(risks, meta) });
  return files;
}
