/**
 * The knowledge base against the verified reference (test/fixtures/reference, a copy of
 * shared/reference): every id present with its exact title and facts, the counts, and complete
 * content for every clause and control.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../helpers/app.js';
import { flat, ref27, ref42, type RefClause } from '../helpers/reference.js';


const kb = testKnowledge();
const entry = (ref: string) => kb.byRef.get(ref);

describe('the reference copy', () => {
  // Skipped, visibly, where the shared folder is absent (a checkout of the repository alone);
  // where it is present, every file must be there and equal, so the copy cannot drift unnoticed.
  it.skipIf(!existsSync('../shared/reference'))('matches shared/reference when that folder is present', () => {
    for (const f of ['iso27001-2022.json', 'iso42001-2023.json', 'clause-alignment-42001-27001.json']) {
      expect(readFileSync(`test/fixtures/reference/${f}`, 'utf8'), f).toBe(readFileSync(`../shared/reference/${f}`, 'utf8'));
    }
  });
});

describe('ISO/IEC 27001:2022', () => {
  const clauses = flat(ref27.clauses as RefClause[]);
  it('has the 41 clauses and sub-clauses of 4-10', () => {
    expect(clauses).toHaveLength(41);
    expect(kb.entries.filter((e) => e.standard === '27001' && e.kind === 'clause')).toHaveLength(41);
  });
  it.each(clauses.map((c) => [c.id, c.title]))('clause %s is "%s"', (id, title) => {
    expect(entry(`27001:${id}`)?.title).toBe(title);
  });

  const controls = ref27.annex_a.controls as Array<Record<string, unknown> & { annex_a_ref: string; title: string }>;
  it('has the 93 Annex A controls in four themes (37, 8, 14, 34)', () => {
    const mine = kb.entries.filter((e) => e.standard === '27001' && e.kind === 'control');
    expect(mine).toHaveLength(93);
    const byTheme = Object.fromEntries(['organizational', 'people', 'physical', 'technological'].map((t) => [t, mine.filter((e) => e.theme === t).length]));
    expect(byTheme).toEqual({ organizational: 37, people: 8, physical: 14, technological: 34 });
  });
  it.each(controls.map((c) => [c.annex_a_ref, c]))('control %s has its exact title, aliases, theme, attributes and 2022 flag', (id, c) => {
    const e = entry(`27001:${id}`)!;
    expect(e.title).toBe(c.title);
    for (const alt of (c.alt_titles as string[] | undefined) ?? []) expect(e.aliases).toContain(alt);
    expect(e.theme).toBe(c.theme);
    expect(e.attributes).toEqual(c.iso27002_2022_attributes);
    expect(e.newIn2022).toBe(c.new_in_2022);
    if (c.new_in_2022) expect(e.replaces2013 ?? []).toEqual([]);
  });
  it('marks exactly the 11 controls new in 2022', () => {
    const fresh = kb.entries.filter((e) => e.standard === '27001' && e.newIn2022).map((e) => e.id.replace(/^A\./, ''));
    expect(fresh.sort()).toEqual((ref27.new_controls_2022 as Array<{ id: string }>).map((c) => c.id).sort());
  });
  it('explains Amendment 1:2024 (climate change) on clauses 4.1 and 4.2', () => {
    for (const id of ['4.1', '4.2']) expect(entry(`27001:${id}`)?.amendment).toMatch(/climate/i);
  });
});

describe('ISO/IEC 42001:2023', () => {
  const clauses = flat(ref42.clauses as RefClause[]);
  it('has the 43 clauses and sub-clauses of 4-10, including 6.1.4 and 8.4', () => {
    expect(clauses).toHaveLength(43);
    expect(kb.entries.filter((e) => e.standard === '42001' && e.kind === 'clause')).toHaveLength(43);
    expect(entry('42001:6.1.4')?.title).toBe('AI system impact assessment');
    expect(entry('42001:8.4')?.title).toBe('AI system impact assessment');
  });
  it.each(clauses.map((c) => [c.id, c.title]))('clause %s is "%s"', (id, title) => {
    expect(entry(`42001:${id}`)?.title).toBe(title);
  });
  const controls = ref42.annex_a.controls as Array<{ id: string; title: string; group: string; annex_b_guidance: string }>;
  it('has the 38 Annex A controls in their 9 objective groups', () => {
    expect(kb.entries.filter((e) => e.standard === '42001' && e.kind === 'control')).toHaveLength(38);
    const groups = ref42.annex_a.control_objective_groups as Array<{ id: string; title: string; control_count: number }>;
    expect(kb.groups.map((g) => [g.id, g.title])).toEqual(groups.map((g) => [g.id, g.title]));
    for (const g of groups) expect(kb.entries.filter((e) => e.standard === '42001' && e.group === g.id)).toHaveLength(g.control_count);
  });
  it.each(controls.map((c) => [c.id, c]))('control %s has its exact title, group and Annex B id', (id, c) => {
    const e = entry(`42001:${id}`)!;
    expect(e.title).toBe(c.title);
    expect(e.group).toBe(c.group);
    expect(e.annexB).toBe(c.annex_b_guidance);
  });
  it('has the Annex C objectives and risk sources', () => {
    const items = [...ref42.annex_c.objectives, ...ref42.annex_c.risk_sources] as Array<{ id: string; title: string }>;
    expect(items).toHaveLength(18);
    for (const c of items) expect(entry(`42001:${c.id}`)?.title).toBe(c.title);
  });
});

describe('content', () => {
  const normative = kb.entries.filter((e) => e.kind === 'clause' || e.kind === 'control');
  it('gives every clause and control a summary, guidance, evidence, 2-3 questions and keywords', () => {
    const incomplete = normative.filter((e) => !e.summary || !e.guidance || e.evidence.length < 2 || e.questions.length < 2 || e.questions.length > 3 || e.keywords.length < 2);
    expect(incomplete.map((e) => e.ref)).toEqual([]);
  });
  it('keeps summaries to a few sentences', () => {
    const long = normative.filter((e) => (e.summary.match(/[.!?](\s|$)/g) ?? []).length > 5);
    expect(long.map((e) => e.ref)).toEqual([]);
  });
  it('does not write in the standards\' normative voice', () => {
    const texts = kb.entries.flatMap((e) => [e.summary, e.guidance ?? '', ...e.evidence, ...e.questions].map((t) => ({ ref: e.ref, t })));
    expect(texts.filter((x) => /\bshall\b/i.test(x.t)).map((x) => x.ref)).toEqual([]);
  });
  it('resolves every related ref and never relates an entry to itself', () => {
    for (const e of kb.entries) for (const r of e.related) {
      expect(kb.byRef.has(r), `${e.ref} -> ${r}`).toBe(true);
      expect(r).not.toBe(e.ref);
    }
  });
  it('maps every 42001 control in the crosswalk, to existing 27001 controls, with the judgement disclaimer', () => {
    expect(kb.crosswalk.controls).toHaveLength(38);
    for (const m of kb.crosswalk.controls) for (const c of m.iso27001) expect(kb.byRef.has(`27001:${c}`)).toBe(true);
    expect(kb.crosswalk.disclaimer).toMatch(/own judgement/);
    expect(kb.crosswalk.clauses.filter((p) => p.iso27001 === null).map((p) => p.iso42001).sort()).toEqual(['6.1.4', '8.4']);
  });
});

describe('topic facts', () => {
  const text = (slug: string) => {
    const e = entry(`topic:${slug}`);
    expect(e, slug).toBeDefined();
    return `${e!.title} ${e!.summary} ${e!.guidance ?? ''}`;
  };
  it.each([
    ['certification-cost', [/\$10,000/, /\$60,000/, /auditor/i, /size/i]],
    ['control-count', [/\b93\b/, /\b37\b/, /\b8\b/, /\b14\b/, /\b34\b/, /\b38\b/, /\b39\b/]],
    ['certification-timeline', [/three months/i, /year/i, /stage 1/i, /month 5/i, /months 6 to 8/i, /months 9 to 12/i]],
    ['which-standard', [/both/i, /AI/]],
    ['compliance-process-27001', [/risk assessment/i, /treatment plan/i, /internal audit/i, /avoid/i, /accept/i]],
    ['compliance-process-42001', [/understand how AI is managed|current AI management/i, /formali[sz]e a plan/i, /risk assessment/i, /gaps/i, /certification audit/i]],
    ['scope-27001', [/4\.3/, /Statement of Applicability/i, /exclu/i]],
    ['scope-42001', [/existing management systems/i]],
    ['transition-2013-2022', [/31 October 2025/]],
    ['certification-audits', [/stage 1/i, /stage 2/i, /surveillance/i, /three-year|three years/i]],
    ['nonconformities', [/major/i, /minor/i]],
    ['internal-audit', [/planned intervals|annual/i]],
    ['climate-amendment', [/Amd 1:2024/, /4\.1/, /4\.2/]],
    ['monitoring', [/impact assessment/i, /A\.8\.16|abnormal/i]],
  ] as Array<[string, RegExp[]]>)('%s states its facts', (slug, patterns) => {
    const t = text(slug);
    for (const p of patterns) expect(t).toMatch(p);
  });
});
