/**
 * Control references against the shipped knowledge base, and suggestions for risks without any.
 */
import { describe, expect, it } from 'vitest';
import { buildSearch } from '../../src/knowledge/search.js';
import { resolveControls, suggestControls } from '../../src/risks/controls.js';
import { testKnowledge } from '../helpers/app.js';
import { messageOf } from '../helpers/errors.js';

const kb = testKnowledge();
const search = buildSearch(kb);

describe('resolveControls', () => {
  it('accepts every notation staff type and returns knowledge refs', () => {
    expect(resolveControls(kb, ['A.5.15', '5.18', 'A8.16', 'a.8.12', '27001:A.8.24', '42001:A.6.2.4', 'control5.23', '27001:clause6.1.3'])).toEqual([
      '27001:A.5.15',
      '27001:A.5.18',
      '27001:A.8.16',
      '27001:A.8.12',
      '27001:A.8.24',
      '42001:A.6.2.4',
      '27001:A.5.23',
      '27001:6.1.3',
    ]);
  });

  it('uses the risk\'s standard to settle an id both standards have, and asks otherwise', () => {
    expect(resolveControls(kb, ['A.5.2'], ['42001'])).toEqual(['42001:A.5.2']);
    expect(messageOf(() => resolveControls(kb, ['A.5.2']))).toBe('"A.5.2" exists in both standards: write 27001:A.5.2 or 42001:A.5.2.');
  });

  it('names every id that does not exist', () => {
    expect(messageOf(() => resolveControls(kb, ['A.5.99', 'banana', 'A.8.1']))).toBe(
      '"A.5.99" is not a control or clause of ISO/IEC 27001:2022 or ISO/IEC 42001:2023. "banana" is not a control id (write it like A.5.15, 8.24 or 42001:A.6.2.4).',
    );
  });

  it('drops repeats', () => {
    expect(resolveControls(kb, ['A.8.1', '8.1', '27001:A.8.1'])).toEqual(['27001:A.8.1']);
  });
});

describe('suggestControls', () => {
  it.each([
    ['Laptops are not encrypted', ['27001:A.8.1', '27001:A.8.24']],
    ['Our vendor has no SOC 2 report', ['27001:A.5.19']],
    ['Admins do not use MFA', ['27001:A.8.5']],
  ])('suggests Annex A controls for "%s"', (title, expected) => {
    const refs = suggestControls(kb, search, title);

    expect(refs.length).toBeGreaterThan(0);
    expect(refs.length).toBeLessThanOrEqual(4);
    expect(refs).toEqual(expect.arrayContaining(expected));
    for (const r of refs) expect(kb.byRef.get(r)?.kind).toBe('control');
  });

  it('keeps to the risk\'s standard, and suggests nothing for text without words', () => {
    expect(suggestControls(kb, search, 'Laptops are not encrypted', ['42001']).every((r) => r.startsWith('42001:'))).toBe(true);
    expect(suggestControls(kb, search, 'x ??')).toEqual([]);
  });
});
