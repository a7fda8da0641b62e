/**
 * `/risk export`: the JSON file reads back to exactly the register's records, the CSV file to the
 * same values, including text with commas, quotes, line breaks, markup and would-be formulas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCellValue, csvRecord, type RegisterExport } from '../../src/risks/export.js';
import { createRiskRegister } from '../../src/risks/register.js';
import type { Risk } from '../../src/risks/risk.js';
import type { FileView } from '../../src/views/view.js';
import { createTestApp, turn, type TestApp } from '../helpers/app.js';

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

let app: TestApp;
let risks: Risk[];
let files: FileView[];
beforeAll(async () => {
  app = await createTestApp();
  const say = (text: string, user = { id: 'U-sam', name: 'Sam' }) => app.bot.handle(turn(text, { user }));
  await say('/risk add "Laptops, phones and \\"tablets\\" are not encrypted" likelihood=4 impact=4 owner=@U-alex control=A.8.1');
  await say('/risk add "=HYPERLINK(\\"http://evil\\")" description="line one\nline two, with comma" likelihood=2 impact=2');
  await say('/risk add "<!channel> @here -1 +1" standard=42001 treatment=transfer due=2027-03-01');
  await say('/risk add "Ünïcödé risk — naïve café" likelihood=1 impact=5');
  const list = await app.bot.handle(turn('/risk list all'));
  const ids = (list.views[0] as { items: Array<{ id: string; title: string }> }).items;
  const byTitle = (t: string) => ids.find((i) => i.title.startsWith(t))!.id;
  await say(`/risk update ${byTitle('Laptops')} residual_likelihood=2 residual_impact=2 plan="BitLocker, then MDM"`, { id: 'U-alex', name: 'Alex' });
  await say(`/risk accept ${byTitle('Laptops')}`, { id: 'U-alex', name: 'Alex' });
  await say(`/risk close ${byTitle('<!channel>')} "Insurer covers it, policy 12-34"`);
  const reply = await app.bot.handle(turn('/risk export'));
  files = reply.views.filter((v): v is FileView => v.kind === 'file');
  const register = createRiskRegister(app.bot.deps);
  risks = (await register.list({ platform: 'cli', workspace: 'T-test', userId: 'U-sam', userName: 'Sam' })).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
});
afterAll(async () => {
  await app.dispose();
});

describe('risk register export', () => {
  it('exports every risk, closed and accepted ones too', () => {
    expect(risks).toHaveLength(4);
    expect(risks.map((r) => r.status).sort()).toEqual(['accepted', 'closed', 'open', 'open']);
  });

  it('writes JSON that parses back to the same records, with their full history', () => {
    const json = files.find((f) => f.mimeType === 'application/json')!;
    const doc = JSON.parse(json.content) as RegisterExport;

    expect(doc).toMatchObject({ format: 'annex-risk-register', version: 1, workspace: 'T-test', platform: 'cli', count: 4 });
    expect(doc.risks).toEqual(JSON.parse(JSON.stringify(risks)));
    expect(doc.risks.find((r) => r.status === 'accepted')!.history.map((h) => h.type)).toEqual(['create', 'update', 'accept']);
  });

  it('writes CSV whose rows parse back to the same values, formulas neutralised', () => {
    const csv = files.find((f) => f.mimeType === 'text/csv')!;
    const rows = parseCsv(csv.content);

    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(5);
    rows.slice(1).forEach((cells, i) => {
      const expected = csvRecord(risks[i]!);
      const back = Object.fromEntries(CSV_COLUMNS.map((c, j) => [c, csvCellValue(cells[j]!)]));
      expect(back).toEqual(expected);
    });
    // A spreadsheet must not run the title as a formula.
    expect(csv.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.content).toContain('"line one\nline two, with comma"');
  });
});
