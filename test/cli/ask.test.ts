/**
 * The `ask` contract for scripts, run as a real process: exactly one JSON object per question on
 * stdout, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function ask(args: string[], input = ''): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/ask.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, STORE_URL: 'sqlite://:memory:' } });
  return { stdout: r.stdout, status: r.status };
}

const isContract = (o: Record<string, unknown>) => {
  expect(Object.keys(o).sort()).toEqual(['answer', 'confident', 'matches', 'question']);
  expect(typeof o.question).toBe('string');
  expect(typeof o.answer).toBe('string');
  expect(typeof o.confident).toBe('boolean');
  for (const m of o.matches as Array<Record<string, unknown>>) {
    expect(Object.keys(m).sort()).toEqual(['ref', 'score', 'title']);
    expect(m.ref).toMatch(/^(27001|42001):|^topic:/);
  }
};

describe('npm run ask', () => {
  it('prints exactly one JSON object for a question argument', () => {
    const r = ask(['--json', 'what is A.5.15']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!);
    isContract(o);
    expect(o.question).toBe('what is A.5.15');
    expect(o.confident).toBe(true);
    expect(o.matches[0]).toEqual({ ref: '27001:A.5.15', title: 'Access control', score: 1 });
    expect(o.answer).toContain('Access control');
  });

  it('reads one question per line from stdin and prints JSON Lines', () => {
    const r = ask(['--json'], 'what is A.5.15\n\n42001 A.6.2.4\n');
    expect(r.status).toBe(0);
    const objs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs).toHaveLength(2);
    objs.forEach(isContract);
    expect(objs[1].matches[0].ref).toBe('42001:A.6.2.4');
  });

  it('prints the plain-text answer without --json', () => {
    const r = ask(['clause 6.1.2 in 27001']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Information security risk assessment \(ISO\/IEC 27001:2022 · clause 6\.1\.2\)/);
  });
});
