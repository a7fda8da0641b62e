/**
 * The "done when", tried as a new user would in the terminal: the real terminal chat
 * (adapters/cli/repl.ts) over a real app, numbers and words typed at the prompt, a quit half-way,
 * a new process (a new app on the same SQLite file) and `/gapcheck resume`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { terminalTranscript } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'annex-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One terminal session: lines in, everything printed out. */
const terminal = (app: TestApp, lines: string[]): Promise<string> => terminalTranscript(app, lines);

describe('a 27001 gap check in the terminal', () => {
  it('quits half-way, resumes after a restart at the same question, and ends with score, breakdown, gaps and risks', async () => {
    const first = await createTestApp({ dir });
    // Seven answers: by number (the choices), by word and by abbreviation.
    const before = await terminal(first, ['/gapcheck 27001', '1', '1', '3', 'yes', 'partly', 'y', '1', 'exit']);
    await first.dispose();
    expect(before).toContain('question 8 of 15');
    const eighth = /question 8 of 15 · [^\n]+\n([^\n]+)/.exec(before)![1]!;

    const second = await createTestApp({ dir });
    try {
      const after = await terminal(second, ['/gapcheck resume', ...Array.from({ length: 7 }, () => '1'), 'n/a', '/gapcheck log 1,2', '/risk list', '/gapcheck soa']);
      const resumed = /question (\d+) of 15 · [^\n]+\n([^\n]+)/.exec(after)!;
      expect(resumed[1]).toBe('8');
      expect(resumed[2]).toBe(eighth);
      expect(after).toMatch(/ISO\/IEC 27001 quick readiness check \(GC-[0-9A-Z]+, 2026-11-28\): readiness \d+\/100/);
      expect(after).toContain('By area:');
      expect(after).toContain('Top gaps:');
      expect(after).toContain('1. No repeatable information security risk assessment (No)');
      expect(after).toMatch(/Logged 2 gaps from GC-[0-9A-Z]+ as risks/);
      expect(after).toMatch(/Risk register \(not closed\): 2 risks/);
      expect(after).toMatch(/DRAFT Statement of Applicability \(review before use\): written to .*soa-DRAFT-GC-[0-9A-Z]+\.csv/);
      const soa = readdirSync(join(dir, 'exports')).find((f) => f.startsWith('soa-DRAFT-'))!;
      expect(readFileSync(join(dir, 'exports', soa), 'utf8').trim().split('\r\n')).toHaveLength(94);
    } finally {
      await second.dispose();
    }
  });
});
