/**
 * The identifier parser (src/knowledge/ids.ts) and the risk id parser (src/risks/risk-ids.ts)
 * under hostile text: no throw, and every mention is a well-formed number found where it says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEdition2013Number, MAX_PARSED_LENGTH, parseIds } from '../../src/knowledge/ids.js';
import { ID_ALPHABET, parseRiskIds } from '../../src/risks/risk-ids.js';
import { hostileText, mixedText, runs } from './hostile.js';

const idLike = fc
  .tuple(
    fc.constantFrom('', 'A.', 'a', 'A ', 'C.', 'annex a ', 'Annex C ', 'control ', 'clause ', 'cl.', 'section ', '§', '27001 ', '42001 ', 'ISO/IEC 42001:2023 ', 'iso 9001 '),
    fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('', '.', '?', ' and ', ', ', 'x', '.5'),
  )
  .map(([prefix, parts, suffix]) => `${prefix}${parts.join('.')}${suffix}`);

describe('parseIds (fuzz)', () => {
  it('finds only well-formed ids, each at the place it reports, in any text', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, mixedText, fc.array(idLike, { maxLength: 6 }).map((a) => a.join(' '))), (text) => {
        const parsed = parseIds(text);
        for (const s of parsed.standards) expect(['27001', '42001']).toContain(s);
        for (const m of parsed.mentions) {
          // 1-4 parts, none of them zero, without leading zeros ("A.05.15" is read as 5.15).
          expect(m.number).toMatch(/^[1-9]\d?(?:\.[1-9]\d?){0,3}$/);
          expect(m.number.split('.').every((p) => Number(p) > 0)).toBe(true);
          expect(['control', 'annex-c', 'clause', 'either']).toContain(m.form);
          expect(m.index).toBeGreaterThanOrEqual(0);
          expect(m.index).toBeLessThan(MAX_PARSED_LENGTH);
          expect(text.startsWith(m.raw, m.index)).toBe(true);
          if (m.standard) expect(['27001', '42001']).toContain(m.standard);
          expect(typeof isEdition2013Number(m)).toBe('boolean');
        }
        if (parsed.otherStandard !== undefined) expect(parsed.otherStandard.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(3000) },
    );
  });
});

describe('parseRiskIds (fuzz)', () => {
  const body = new RegExp(`^R-[${ID_ALPHABET}]{1,12}$`);
  it('returns only ids in the risk id alphabet', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: fc.constantFrom(...'R-#rk3f7K.,;2Z '.split('')), maxLength: 20 })), (text) => {
        const ids = parseRiskIds(text);
        expect(ids.length).toBeLessThanOrEqual(2);
        for (const id of ids) expect(id).toMatch(body);
      }),
      { numRuns: runs(2000) },
    );
  });
});
