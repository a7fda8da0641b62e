/**
 * Search (src/knowledge/search.ts) under hostile questions: it never throws, every match names an
 * entry of the knowledge base with a score in 0..1, and an exact answer is confident.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/load.js';
import { buildSearch, type KnowledgeSearch } from '../../src/knowledge/search.js';
import { testKnowledge } from '../helpers/app.js';
import { hostileText, mixedText, runs } from './hostile.js';

let kb: KnowledgeBase;
let search: KnowledgeSearch;
let refs: Set<string>;

beforeAll(() => {
  kb = testKnowledge();
  search = buildSearch(kb);
  refs = new Set(kb.entries.map((e) => e.ref));
});

describe('search (fuzz)', () => {
  it('answers any question with real entries and sane scores', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, mixedText), fc.option(fc.integer({ min: -5, max: 50 }), { nil: undefined }), (question, limit) => {
        const r = search.search(question, limit === undefined ? undefined : { limit });
        expect(['exact', 'ambiguous', 'ranked']).toContain(r.type);
        for (const m of r.matches) {
          expect(refs.has(m.ref), `unknown ref ${m.ref}`).toBe(true);
          expect(Number.isFinite(m.score)).toBe(true);
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
        if (r.type === 'exact') {
          expect(r.confident).toBe(true);
          expect(r.refs.length).toBeGreaterThan(0);
          for (const ref of r.refs) expect(refs.has(ref)).toBe(true);
        }
        if (r.type === 'ambiguous') for (const ref of r.candidates) expect(refs.has(ref)).toBe(true);
      }),
      { numRuns: runs(600) },
    );
  });
});
