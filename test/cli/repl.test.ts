/**
 * Transcript tests of the terminal adapter: a fake stdin and stdout around the real bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { terminalTranscript } from '../helpers/terminal.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.dispose();
});

/** Feeds lines one per line (as a pipe does) and returns everything printed. */
const transcript = (lines: string[], interactive = false): Promise<string> => terminalTranscript(app, lines, { interactive });

describe('terminal chat', () => {
  it('lists the commands on help', async () => {
    const out = await transcript(['help']);
    expect(out).toContain('/iso <question>');
    expect(out).toContain('/risk <add|list|show|update|close|accept|export|help>');
    expect(out).toContain('/gapcheck');
  });

  it('answers /iso what is A.5.15 through the shipped knowledge base, with a citation and numbered choices', async () => {
    const out = await transcript(['/iso what is A.5.15']);
    expect(out).toMatch(/^Access control \(ISO\/IEC 27001:2022 · Annex A control A\.5\.15\)/);
    expect(out).toContain('Source: ISO/IEC 27001:2022 · Annex A control A.5.15');
    expect(out).toMatch(/\[1\] Related/);
  });

  it('picks a choice by its number', async () => {
    const out = await transcript(['what is A.5.15', '1']);
    expect(out).toContain('Related to 27001 A.5.15 Access control');
  });

  it('offers one numbered choice per candidate for an ambiguous id, and follows the pick', async () => {
    const out = await transcript(['5.2', '2']);
    expect(out).toContain('"5.2" exists in more than one place');
    const choices = [...out.matchAll(/\[(\d)\] (.+)/g)].map((m) => m[2]).slice(0, 4);
    expect(choices).toEqual(['27001 A.5.2 Information security roles and responsibilities', '27001 clause 5.2 Policy', '42001 A.5.2 AI system impact assessment process', '42001 clause 5.2 AI policy']);
    expect(out).toContain('Policy (ISO/IEC 27001:2022 · clause 5.2)');
  });

  it('names the closest command for a mistyped one', async () => {
    const out = await transcript(['/rsik list']);
    expect(out).toContain('There is no command "/rsik"');
    expect(out).toContain('Did you mean /risk?');
  });

  it('greets and prompts when interactive, and stops on exit', async () => {
    const out = await transcript(['exit', 'help'], true);
    expect(out).toContain('Type "exit" to leave');
    expect(out).toContain('you> ');
    expect(out).not.toContain('/iso <question>');
  });

  it('refuses an oversized message with a clear error and keeps going', async () => {
    const out = await transcript(['x'.repeat(5000), 'what is A.5.15']);
    expect(out).toContain('I read up to 4000');
    expect(out).toContain('Access control (ISO/IEC 27001:2022');
  });
});
