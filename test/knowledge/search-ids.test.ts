/**
 * Every clause, Annex A control and Annex C item of both standards, asked by its id the way people
 * write it, comes back first with its exact title. Ids and titles come from the verified
 * reference (test/fixtures/reference), not from the knowledge base, so a wrong title in either
 * fails here. Ids are asked bare where the bare id names one entry, and with the standard named
 * ("42001 A.5.2", "27001 clause 5.2") where it exists in more than one place; for those the bare id
 * must give a disambiguation that lists every candidate.
 */
import { describe, expect, it } from 'vitest';
import { buildSearch } from '../../src/knowledge/search.js';
import { testKnowledge } from '../helpers/app.js';
import { flat, ref27, ref42 } from '../helpers/reference.js';


interface Case {
  ref: string;
  title: string;
  /** How the id is typed bare, and with its standard named. */
  bare: string;
  named: string;
}

const cases: Case[] = [
  ...flat(ref27.clauses).map((c) => ({ ref: `27001:${c.id}`, title: c.title, bare: `clause ${c.id}`, named: `27001 clause ${c.id}` })),
  ...flat(ref42.clauses).map((c) => ({ ref: `42001:${c.id}`, title: c.title, bare: `clause ${c.id}`, named: `42001 clause ${c.id}` })),
  ...(ref27.annex_a.controls as Array<{ annex_a_ref: string; title: string }>).map((c) => ({
    ref: `27001:${c.annex_a_ref}`,
    title: c.title,
    bare: c.annex_a_ref,
    named: `27001 ${c.annex_a_ref}`,
  })),
  ...(ref42.annex_a.controls as Array<{ id: string; title: string }>).map((c) => ({ ref: `42001:${c.id}`, title: c.title, bare: c.id, named: `42001 ${c.id}` })),
  ...[...ref42.annex_c.objectives, ...ref42.annex_c.risk_sources].map((c: { id: string; title: string }) => ({
    ref: `42001:${c.id}`,
    title: c.title,
    bare: c.id,
    named: `ISO 42001 ${c.id}`,
  })),
];
const kb = testKnowledge();
const search = buildSearch(kb);

describe('asking by id', () => {
  it('covers every clause, control and Annex C item of both standards', () => {
    expect(cases.filter((c) => c.ref.startsWith('27001:A.'))).toHaveLength(93);
    expect(cases.filter((c) => c.ref.startsWith('42001:A.'))).toHaveLength(38);
    expect(cases.filter((c) => /^27001:\d/.test(c.ref))).toHaveLength(41);
    expect(cases.filter((c) => /^42001:\d/.test(c.ref))).toHaveLength(43);
    expect(cases.filter((c) => c.ref.startsWith('42001:C.'))).toHaveLength(18);
    expect(cases.every((c) => c.title.length > 0)).toBe(true);
  });

  it.each(cases.map((c) => [c.ref, c]))('%s', (_ref, c) => {
    const bare = search.search(c.bare);
    if (bare.type === 'exact') {
      // Unique as typed: the entry itself, with its exact title, confidently.
      expect(bare.refs).toEqual([c.ref]);
      expect(bare.matches[0]).toMatchObject({ ref: c.ref, title: c.title });
      expect(bare.confident).toBe(true);
    } else {
      // In more than one place: every candidate offered, this one among them; naming the standard settles it.
      expect(bare.type).toBe('ambiguous');
      if (bare.type === 'ambiguous') expect(bare.candidates).toContain(c.ref);
      const named = search.search(c.named);
      expect(named.type).toBe('exact');
      expect(named.matches[0]).toMatchObject({ ref: c.ref, title: c.title, score: 1 });
      expect(named.matches).toHaveLength(1);
    }
  });

  // A lone number ("4") is never read as an id ("in 4 weeks"): chapters need "clause 4".
  const dotted = cases.filter((c) => c.ref.split(':')[1]!.includes('.'));
  it.each(dotted.map((c) => [c.ref, c]))('%s typed as a plain number is that entry or a choice that includes it', (_ref, c) => {
    const plain = c.ref.split(':')[1]!.replace(/^A\./, '');
    const result = search.search(plain);
    if (result.type === 'exact') expect(result.refs).toEqual([c.ref]);
    else {
      expect(result.type).toBe('ambiguous');
      if (result.type === 'ambiguous') expect(result.candidates).toContain(c.ref);
    }
  });
});
