/**
 * The "done when", tried as a new user would in the terminal: the real terminal chat over
 * a real app, restarted on the same SQLite file; plus the form asked field by field and the export
 * written to files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { terminalTranscript } from '../helpers/terminal.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.dispose();
});

const transcript = (target: TestApp, lines: string[]): Promise<string> => terminalTranscript(target, lines);

describe('risk register in the terminal', () => {
  it('logs, lists, shows, survives a restart and refuses likelihood=banana', async () => {
    const first = await transcript(app, ['/risk add "Laptops are not encrypted" likelihood=4 impact=4 owner=@sam', '/risk list']);
    const id = /Logged (R-\w+)/.exec(first)?.[1];
    expect(id).toBeDefined();
    expect(first).toContain(`${id}: Laptops are not encrypted\nLevel: High (16) · Status: open`);
    expect(first).toMatch(/Suggested controls: .*27001 A\.8\.1 User end ?point devices/);
    expect(first).toContain(`  ${id}  High (16)     open      Laptops are not encrypted (owner: sam)`);

    const dir = app.dir;
    await app.close();
    const restarted = await createTestApp({ dir });
    try {
      const second = await transcript(restarted, [`/risk show ${id}`, `/risk update ${id} likelihood=banana`, `/risk show ${id}`]);
      expect(second).toContain(`${id}: Laptops are not encrypted\nLevel: High (16) · Status: open`);
      expect(second).toContain('History:\n  2026-11-28 10:00 UTC Sam: logged it');
      expect(second).toMatch(/Sorry: likelihood must be a number from 1 to 5, or a word: rare \(1\), unlikely \(2\), possible \(3\), likely \(4\), almost certain \(5\); very low, low, medium, high and very high work too\. "banana" is none of these\./);
      expect(second).toContain('Nothing was changed.');
      expect(second.match(/Likelihood: 4 \(likely\)/g)).toHaveLength(2);
    } finally {
      await restarted.close();
    }
  });

  it('asks the form field by field for a bare /risk, and writes exports to files', async () => {
    const out = await transcript(app, ['/risk', 'Shared admin password', 'Everyone in ops knows it', '4', '5', '@alex', 'A.5.17', '', '2', 'Rotate and move to a vault', '2027-01-31', '/risk export']);

    expect(out).toContain('Log a risk (type "cancel" to stop)');
    expect(out).toMatch(/Logged R-\w+ in the risk register\./);
    expect(out).toContain('Level: Critical (20) · Status: open');
    expect(out).toContain('Controls: 27001 A.5.17 Authentication information');
    expect(out).toContain('Treatment: mitigate');
    const written = [...out.matchAll(/written to (\S+)/g)].map((m) => m[1]!);
    expect(written).toHaveLength(2);
    for (const file of written) expect(existsSync(file)).toBe(true);
    expect(readFileSync(written.find((f) => f.endsWith('.csv'))!, 'utf8')).toContain('Shared admin password');
  });
});
