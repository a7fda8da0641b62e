/**
 * The loader refuses a knowledge base that is wrong, and says where: file and field.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeLoadError, loadKnowledge } from '../../src/knowledge/load.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'annex-kb-'));
  cpSync('knowledge', join(root, 'knowledge'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const kbDir = () => join(root, 'knowledge');
const edit = (file: string, change: (text: string) => string) => {
  const path = join(kbDir(), file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};
const problemsOf = (organizationDir?: string): string[] => {
  try {
    loadKnowledge({ root: kbDir(), organizationDir });
  } catch (err) {
    if (err instanceof KnowledgeLoadError) return err.problems;
    throw err;
  }
  return [];
};

describe('knowledge loader', () => {
  it('loads the shipped knowledge base', () => {
    expect(problemsOf()).toEqual([]);
  });

  it('names the file and the field of a schema error', () => {
    edit('iso27001/annex-a-people.yaml', (t) => t.replace(/^(\s*)summary: >/m, '$1summary: 42\n$1summaryx: >'));
    const problems = problemsOf();
    expect(problems.some((p) => p.startsWith('iso27001/annex-a-people.yaml: entries[0]'))).toBe(true);
  });

  it('fails on a duplicate id', () => {
    edit('iso27001/annex-a-people.yaml', (t) => t.replace('- id: A.6.2', '- id: A.6.1'));
    expect(problemsOf().join('\n')).toMatch(/duplicate id 27001:A\.6\.1/);
  });

  it('fails on a dangling related ref, naming the entry', () => {
    edit('iso27001/annex-a-people.yaml', (t) => t.replace(/related: \[/, "related: ['27001:A.9.99', "));
    expect(problemsOf().join('\n')).toMatch(/annex-a-people\.yaml: entries\.A\.6\.1\.related: 27001:A\.9\.99 does not exist/);
  });

  it('fails when a count is wrong', () => {
    edit('iso27001/annex-a-people.yaml', (t) => t.replace('- id: A.6.8', '- id: A.6.9'));
    // The count still holds, but every entry that pointed at the real A.6.8 now dangles.
    expect(problemsOf().join('\n')).toMatch(/27001:A\.6\.8 does not exist/);
    edit('iso27001/annex-a-people.yaml', (t) => t.replace(/\n\s*- id: A\.6\.9[\s\S]*$/, '\n'));
    expect(problemsOf().join('\n')).toMatch(/expected 93 27001 control entries, found 92/);
  });

  it('rejects placeholder text', () => {
    edit('iso42001/annex-c.yaml', (t) => t.replace(/summary: >\n(\s+)/, 'summary: >\n$1TODO write this. '));
    expect(problemsOf().join('\n')).toMatch(/annex-c\.yaml: entries\.C\.2\.1: contains a placeholder/);
  });

  it('reads the organization folder, as topics, linked from the controls they support', () => {
    const org = join(root, 'org');
    mkdirSync(org);
    writeFileSync(
      join(org, 'policies.yaml'),
      "kind: topic\nentries:\n  - id: our-access-policy\n    title: Where is our access control policy?\n    summary: It is POL-07 in the ISMS folder on the intranet.\n    guidance: The IT lead owns it and reviews it every January.\n    keywords: [POL-07]\n    related: ['27001:A.5.15']\n",
    );
    const kb = loadKnowledge({ root: kbDir(), organizationDir: org });
    expect(kb.byRef.get('topic:our-access-policy')?.organization).toBe(true);
  });

  it('refuses organization entries that pose as controls', () => {
    const org = join(root, 'org');
    mkdirSync(org);
    writeFileSync(join(org, 'x.yaml'), "standard: '27001'\nkind: control\nentries:\n  - id: A.5.99\n    title: Invented control\n    summary: Not a real control at all.\n");
    expect(problemsOf(org).join('\n')).toMatch(/organization entries must be topics/);
  });
});
