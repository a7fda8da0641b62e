/**
 * The core (`src/`) must stay channel-agnostic: no platform SDK, no terminal library, nothing from
 * `adapters/`. This reads the sources, so a new import anywhere in `src/` is caught.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [/^@slack\//, /^botbuilder/, /^botframework/, /^node:readline/, /^readline$/, /adapters\//, /^adaptivecards/, /^@microsoft\//, /^pino/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(code: string): string[] {
  const specs: string[] = [];
  for (const m of code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specs.push((m[1] ?? m[2] ?? m[3])!);
  }
  return specs;
}

describe('core boundary', () => {
  const files = sources('src');

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('detects a forbidden import when there is one', () => {
    const offending = importsOf("import { App } from '@slack/bolt';\nconst x = await import('botbuilder');").filter((s) => FORBIDDEN.some((f) => f.test(s)));
    expect(offending).toEqual(['@slack/bolt', 'botbuilder']);
  });

  it.each(files.map((f) => [relative('.', f)]))('%s imports no platform SDK and nothing from adapters/', (file) => {
    const offending = importsOf(readFileSync(file, 'utf8')).filter((s) => FORBIDDEN.some((f) => f.test(s)));
    expect(offending).toEqual([]);
  });
});
