/**
 * `npm run bench`: runs the benchmark sections in bench/*.ts and prints their tables.
 *
 * A section is a module (any bench/*.ts but this one) whose default export is a `BenchSection`:
 * a title and a `run()` that measures and returns tables and notes. The runner does the printing,
 * so sections stay small and their output looks the same. To add one, drop a file in bench/.
 *
 * Usage: npm run bench [-- <name filter>] [-- --json]
 *   name filter: only the sections whose file name contains it (e.g. `npm run bench -- search`)
 *   --json:      print the results as one JSON document instead of tables
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchTable {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Lines printed under the table. */
  notes?: string[];
}

export interface BenchResult {
  tables: BenchTable[];
  /** Lines printed under the section. */
  notes?: string[];
}

export interface BenchSection {
  title: string;
  run(): Promise<BenchResult>;
}

const here = dirname(fileURLToPath(import.meta.url));

function formatCell(v: string | number): string {
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** A plain-text table: the first column left-aligned, numbers right-aligned. */
export function renderTable(t: BenchTable): string {
  const cells = t.rows.map((r) => r.map(formatCell));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [t.title, line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), ...(t.notes ?? []).map((n) => `  ${n}`)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const filter = args.find((a) => !a.startsWith('--'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== basename(fileURLToPath(import.meta.url)) && !f.endsWith('.d.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  if (!files.length) {
    process.stderr.write(`No benchmark section matches "${filter ?? ''}" in bench/.\n`);
    process.exitCode = 2;
    return;
  }
  const results: Record<string, BenchResult & { title: string }> = {};
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: BenchSection };
    if (!mod.default || typeof mod.default.run !== 'function') continue;
    const section = mod.default;
    if (!json) process.stdout.write(`\n=== ${section.title} (bench/${file}) ===\n`);
    const result = await section.run();
    results[file] = { title: section.title, ...result };
    if (!json) process.stdout.write(`${[...result.tables.map(renderTable), ...(result.notes ?? [])].join('\n\n')}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

// Only when run as the entry point: sections may import the types and `renderTable` from here.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
