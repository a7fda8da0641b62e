import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEdition2013Number, parseIds, type IdMention } from '../../src/knowledge/ids.js';

/** `form:number[@standard]` for each mention, in order: compact enough for a table. */
const read = (q: string): string[] =>
  parseIds(q).mentions.map((m: IdMention) => `${m.form}:${m.number}${m.standard ? `@${m.standard}` : ''}`);

describe('parseIds: the notations staff type', () => {
  it.each([
    ['A.5.15', ['control:5.15']],
    ['5.15', ['either:5.15']],
    ['A8.16', ['control:8.16']],
    ['a.8.12', ['control:8.12']],
    ['annex a 8.28', ['control:8.28']],
    ['Annex A 8.28', ['control:8.28']],
    ['control 5.23', ['control:5.23']],
    ['controls 5.1', ['control:5.1']],
    ['clause 6.1.2', ['clause:6.1.2']],
    ['cl. 9.2', ['clause:9.2']],
    ['§ 6.1.3', ['clause:6.1.3']],
    ['section 7.2 of 42001', ['clause:7.2@42001']],
    ['clause 9', ['clause:9']],
    ['42001 A.6.2.4', ['control:6.2.4@42001']],
    ['ISO/IEC 42001:2023 A.6.2.4', ['control:6.2.4@42001']],
    ['iso27001 a.5.34', ['control:5.34@27001']],
    ['27001 9.2', ['either:9.2@27001']],
    ['27001 a 5.30', ['control:5.30@27001']],
    ['A.6.3 27001', ['control:6.3@27001']],
    ["what's 8.4 in 42001?", ['either:8.4@42001']],
    ['C.2.5', ['annex-c:2.5']],
    ['annex c 3.4', ['annex-c:3.4']],
    ['A.7.4?', ['control:7.4']],
    ['A . 5 . 15', ['control:5.15']],
    ['A.05.15', ['control:5.15']],
    ['clause 06.01.2', ['clause:6.1.2']],
  ])('%s', (q, expected) => {
    expect(read(q)).toEqual(expected);
  });

  it('finds several ids in one question, in order', () => {
    expect(read('compare 5.15 and 8.2')).toEqual(['either:5.15', 'either:8.2']);
    expect(read('compare A.5.15 and A.8.2')).toEqual(['control:5.15', 'control:8.2']);
    expect(read('A.5.1-A.5.3')).toEqual(['control:5.1', 'control:5.3']);
  });

  it('ties each id to the standard named right before it when a question names both', () => {
    expect(read('is that 27001 8.25 or something in 42001?')).toEqual(['either:8.25@27001']);
    expect(parseIds('is that 27001 8.25 or something in 42001?').standards).toEqual(['27001', '42001']);
    expect(read('27001 A.5.2 vs 42001 A.5.2')).toEqual(['control:5.2@27001', 'control:5.2@42001']);
  });

  it('names the standards of a question even without ids', () => {
    expect(parseIds('what does 42001 add to our 27001 ISMS?')).toEqual({ mentions: [], standards: ['42001', '27001'] });
  });
});

describe('parseIds: numbers that are not our ids', () => {
  it.each([
    ['in 3 months'],
    ['a 5.2 rating is fine by us'],
    ['c 3 times a day'],
    ['version 2.0'],
    ['we need it by 2025'],
    ['ISO 27001:2022'],
    ['10.0.0.1 is our gateway'],
  ])('%s has no id', (q) => {
    expect(parseIds(q).mentions).toEqual([]);
  });

  it.each([
    ['ISO 9001 clause 8.5 production', 'ISO 9001'],
    ['ISO 14001 clause 6.1.2 environmental aspects', 'ISO 14001'],
    ['27701 privacy controls', 'ISO 27701'],
    ['PCI DSS requirement 8.3.6', 'PCI DSS'],
    ['SOX section 404 internal controls', 'SOX'],
    ['HIPAA 164.312 technical safeguards', 'HIPAA'],
    ['SOC 2 type II criteria CC6.1', 'CC6.1'],
    ['NIST CSF GV.OC-01', 'GV.OC-01'],
    ['GDPR article 35', 'GDPR'],
  ])('%s is about another framework (%s)', (q, other) => {
    expect(parseIds(q).otherStandard).toBe(other);
  });

  it.each([['our vendor sent their SOC 2 report'], ['SOC 2 vs ISO 27001'], ['do we need a DPIA under GDPR?'], ['GDPR 2016/679']])(
    'naming a framework alone (%s) is not about its requirements',
    (q) => {
      expect(parseIds(q).otherStandard).toBeUndefined();
    },
  );
});

describe('isEdition2013Number', () => {
  const mention = (q: string) => parseIds(q).mentions[0]!;
  it('recognises three-part 27001:2013 numbers, and not clauses or two-part numbers', () => {
    expect(isEdition2013Number(mention('A.12.3.1'))).toBe(true);
    expect(isEdition2013Number(mention('A.9.4.2'))).toBe(true);
    expect(isEdition2013Number(mention('clause 6.1.2'))).toBe(false);
    expect(isEdition2013Number(mention('A.5.15'))).toBe(false);
    expect(isEdition2013Number(mention('A.19.1.1'))).toBe(false);
  });
});

describe('parseIds on any text', () => {
  it('never throws, and every mention points into the question', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseIds(text);
        for (const m of parsed.mentions) {
          expect(m.index).toBeGreaterThanOrEqual(0);
          expect(text.slice(m.index)).toContain(m.raw.slice(0, 1));
          expect(m.number).toMatch(/^\d{1,2}(\.\d{1,2}){0,3}$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads only the first 2000 characters', () => {
    expect(parseIds(`${'x '.repeat(1100)} A.5.15`).mentions).toEqual([]);
  });
});
