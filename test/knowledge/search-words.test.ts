import { describe, expect, it } from 'vitest';
import { editDistance, Speller, stem, STOP_WORDS, THESAURUS, words, type VocabularyWord } from '../../src/knowledge/synonyms.js';
import { testKnowledge } from '../helpers/app.js';

describe('words', () => {
  it('lower-cases, strips accents and splits on anything but letters and digits', () => {
    expect(words('Multi-Factor Authentication (MFA) für Admins!')).toEqual(['multi', 'factor', 'authentication', 'mfa', 'fur', 'admins']);
    expect(words("What’s ISO/IEC 27001:2022?")).toEqual(['what', 's', 'iso', 'iec', '27001', '2022']);
    expect(words('')).toEqual([]);
  });
});

describe('stem (Porter)', () => {
  it.each([
    ['controls', 'control'],
    ['controlled', 'control'],
    ['controlling', 'control'],
    ['encryption', 'encrypt'],
    ['encrypted', 'encrypt'],
    ['policies', 'polici'],
    ['policy', 'polici'],
    ['relational', 'relat'],
    ['generalization', 'gener'],
    ['hopping', 'hop'],
    ['management', 'manag'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps the s of words that are not plurals, so "bias" does not become the acronym "BIA"', () => {
    expect(stem('bias')).not.toBe(stem('BIA'.toLowerCase()));
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe(stem('analysis'));
    expect(stem('logs')).toBe('log');
  });

  it('leaves numbers and short words alone', () => {
    expect(stem('27001')).toBe('27001');
    expect(stem('is')).toBe('is');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, capped', () => {
    expect(editDistance('acess', 'access', 2)).toBe(1);
    expect(editDistance('incidnet', 'incident', 2)).toBe(1);
    expect(editDistance('malwear', 'malware', 2)).toBe(2);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });
});

describe('Speller', () => {
  const v = (df: number, namingDf: number, stop = false): VocabularyWord => ({ df, namingDf, stop });
  const speller = new Speller(
    new Map([
      ['access', v(40, 12)],
      ['control', v(90, 40)],
      ['malware', v(5, 3)],
      ['audit', v(30, 10)],
      ['edit', v(2, 0)],
      ['parts', v(7, 0)],
      ['much', v(0, 0, true)],
    ]),
  );

  it.each([
    ['acess', 'access'],
    ['controll', 'control'],
    ['malwear', 'malware'],
    ['adit', 'audit'],
    ['mcuh', 'much'],
  ])('%s -> %s', (typo, fixed) => {
    expect(speller.correct(typo)).toBe(fixed);
  });

  it('does not "correct" to words that only appear in running text, across a first letter, or short words', () => {
    expect(speller.correct('paris')).toBeUndefined();
    expect(speller.correct('zccess')).toBeUndefined();
    expect(speller.correct('acs')).toBeUndefined();
    expect(speller.correct('x9')).toBeUndefined();
  });
});

describe('the thesaurus', () => {
  const kb = testKnowledge();
  const used = new Set(kb.entries.flatMap((e) => words([e.title, ...e.aliases, ...e.keywords, e.summary, e.guidance ?? '', ...e.evidence, ...e.questions].join(' '))).map(stem));

  it('only maps to words the knowledge base uses (a synonym for a word it never uses cannot help)', () => {
    const missing = THESAURUS.flatMap(([from, to]) => words(to).filter((w) => !STOP_WORDS.has(w) && !used.has(stem(w))).map((w) => `${from} -> ${w}`));
    expect(missing).toEqual([]);
  });

  it('has no key twice', () => {
    const keys = THESAURUS.map(([from]) => words(from).join(' '));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
