import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearch, CONFIDENCE_THRESHOLD, MAX_QUESTION_LENGTH, type SearchResult } from '../../src/knowledge/search.js';
import { testKnowledge } from '../helpers/app.js';

const kb = testKnowledge();
const search = buildSearch(kb);
const first = (q: string): string | undefined => search.search(q).matches[0]?.ref;
const ranked = (r: SearchResult) => {
  if (r.type !== 'ranked') throw new Error(`expected a ranked result, got ${r.type}`);
  return r;
};

describe('identifiers', () => {
  it('answers an id that names one entry exactly and confidently', () => {
    expect(search.search('what does A.8.24 say')).toMatchObject({ type: 'exact', refs: ['27001:A.8.24'], confident: true });
    expect(search.search('42001 A.6.2.4')).toMatchObject({ type: 'exact', refs: ['42001:A.6.2.4'] });
  });

  it('offers one choice per candidate for an id that exists in several places, unless the standard is named', () => {
    const r = search.search('5.2');
    expect(r).toMatchObject({ type: 'ambiguous', raw: '5.2', confident: false });
    expect(r.type === 'ambiguous' && [...r.candidates].sort()).toEqual(['27001:5.2', '27001:A.5.2', '42001:5.2', '42001:A.5.2']);
    expect(search.search('42001 clause 5.2')).toMatchObject({ type: 'exact', refs: ['42001:5.2'] });
    expect(search.search('A.5.2 for our AIMS')).toMatchObject({ type: 'exact', refs: ['42001:A.5.2'] });
  });

  it('compares several ids, settling a bare number by the others ("compare 5.15 and 8.2")', () => {
    expect(search.search('compare 5.15 and 8.2')).toMatchObject({ type: 'exact', refs: ['27001:A.5.15', '27001:A.8.2'] });
    expect(search.search('compare A.5.15 and A.8.2')).toMatchObject({ type: 'exact', refs: ['27001:A.5.15', '27001:A.8.2'] });
  });

  it('maps a 27001:2013 control number to its 2022 successor and says so', () => {
    const r = search.search('our backup policy still cites A.12.3.1');
    expect(r).toMatchObject({ type: 'exact', refs: ['27001:A.8.13'] });
    expect(r.type === 'exact' && r.note).toContain('2013');
  });

  it('takes a ref typed as such', () => {
    expect(search.search('topic:certification-cost')).toMatchObject({ type: 'exact', refs: ['topic:certification-cost'] });
  });

  it('does not read another framework\'s numbers as ours', () => {
    const r = ranked(search.search('ISO 9001 clause 8.5 production'));
    expect(r.confident).toBe(false);
    expect(r.otherStandard).toBe('ISO 9001');
    expect(ranked(search.search('PCI DSS requirement 8.3.6')).confident).toBe(false);
  });
});

describe('free text', () => {
  it('corrects typos against the knowledge base\'s own words', () => {
    const r = search.search('acess controll');
    expect(r.matches[0]?.ref).toBe('27001:A.5.15');
    expect(r.confident).toBe(true);
    expect(first('malwear protection')).toBe('27001:A.8.7');
    expect(first('data provanance for AI')).toBe('42001:A.7.5');
  });

  it('knows the acronyms and synonyms staff use', () => {
    expect(first('do we need MFA for admins?')).toMatch(/^27001:A\.8\.(5|2)$/);
    expect(first('SIEM')).toMatch(/^27001:A\.8\.1[56]$/);
    expect(first('vendor security questionnaire')).toBe('27001:A.5.19');
  });

  it('is steered by the standard a question names or implies', () => {
    expect(first('internal audit in 42001')).toMatch(/^(42001:9\.2|topic:internal-audit)/);
    expect(first('event logs')).toMatch(/^27001:/);
    expect(first('event logs for our AI model')).toBe('42001:A.6.2.8');
    // "training" alone is security awareness; "training data" is AI.
    expect(first('security awareness training for staff')).toBe('27001:A.6.3');
    expect(search.explain('quality of training data').ai).toBe(true);
    expect(search.explain('what the policy aims to achieve').standards).toEqual([]);
  });

  it('answers comparison and fact questions from the topic entries', () => {
    expect(first("what's the difference between 42001 and 27001")).toBe('topic:compare-27001-42001');
    expect(first('how much does ISO 27001 certification cost?')).toBe('topic:certification-cost');
    expect(first('what is ISO 42001')).toBe('topic:iso42001-overview');
  });

  it('is not sure about off-topic questions, and says so when nothing in them is its subject', () => {
    expect(search.search("what's the weather in Paris?").confident).toBe(false);
    const joke = ranked(search.search('tell me a joke'));
    expect(joke.confident).toBe(false);
    expect(joke.offTopic).toBe(true);
    expect(ranked(search.search('')).matches).toEqual([]);
  });

  it('gives scores in [0, 1] that fall with rank, the first being the confidence', () => {
    const r = ranked(search.search('how often should we test our backups?', { limit: 8 }));
    expect(r.matches).toHaveLength(8);
    const scores = r.matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(r.confident).toBe(scores[0]! >= CONFIDENCE_THRESHOLD);
  });

  it('explains how it read a question', () => {
    const e = search.explain('acess controll in 27001');
    expect(e.groups.map((g) => Object.keys(g.terms)[0])).toEqual(['access', 'control', '27001']);
    expect(e.standards).toEqual(['27001']);
    expect(e.candidates[0]?.ref).toBe('27001:A.5.15');
  });

  it('owes its typo handling to spelling correction (switched off, "acess controll" is lost)', () => {
    expect(buildSearch(kb, { spelling: false }).search('acess controll').matches[0]?.ref).not.toBe('27001:A.5.15');
  });
});

describe('any input', () => {
  it('never throws and only returns entries that exist, with sane scores', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        const r = search.search(text);
        for (const m of r.matches) {
          expect(kb.byRef.has(m.ref)).toBe(true);
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads a bounded prefix of very long input', () => {
    const long = `${'what about access control '.repeat(500)}`;
    expect(long.length).toBeGreaterThan(MAX_QUESTION_LENGTH);
    expect(search.search(long).matches[0]?.ref).toBe('27001:A.5.15');
  });

  it('caps the number of matches', () => {
    // Far more than 20 entries mention access: exactly 20 shows the cap (at most 20 would pass on none).
    expect(search.search('access', { limit: 500 }).matches.length).toBe(20);
    expect(search.search('access', { limit: 0 }).matches.length).toBe(1);
  });
});
