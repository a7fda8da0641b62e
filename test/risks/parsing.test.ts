/**
 * The pure parts of the register: argument parsing, field values, ids and the risk matrix.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES, fieldArgsToChanges, parseDue, parseOwner, parseRating, parseStandards, parseTitle, splitControls } from '../../src/risks/field-values.js';
import { levelOf, matrixRows, scoreOf } from '../../src/risks/matrix.js';
import { editDistance, parseArgs, tokenize } from '../../src/risks/parse-args.js';
import { candidateId, ID_ALPHABET, parseRiskIds } from '../../src/risks/risk-ids.js';
import { cleanBlock, cleanLine } from '../../src/risks/clean-text.js';
import { messageOf } from '../helpers/errors.js';

const me = { id: 'U-sam', name: 'Sam' };
const now = new Date('2026-11-28T10:00:00Z');
const fieldsOf = (input: string) => parseArgs(input, FIELD_ALIASES);

describe('tokenize and parseArgs', () => {
  it('keeps quoted runs together, in any quote style, with escaped quotes inside', () => {
    expect(tokenize(`"Laptops are not encrypted" 'single quoted' “curly one” plain \"he said \\"hi\\"\"`).map((t) => [t.text, t.quoted])).toEqual([
      ['Laptops are not encrypted', true],
      ['single quoted', true],
      ['curly one', true],
      ['plain', false],
      ['he said "hi"', true],
    ]);
  });

  it('treats an apostrophe without a partner as a letter', () => {
    expect(tokenize("don't panic").map((t) => t.text)).toEqual(["don't", 'panic']);
  });

  it('reads key=value, key:value, key: value, key = value and quoted values', () => {
    const p = fieldsOf('Title words likelihood=4 impact:high owner: @sam plan = "do it" due=2027-01-01 standard="ISO 27001"');

    expect(p.words.map((w) => w.text)).toEqual(['Title', 'words']);
    expect(p.fields.map((f) => [f.field, f.value])).toEqual([
      ['likelihood', '4'],
      ['impact', 'high'],
      ['owner', '@sam'],
      ['treatmentPlan', 'do it'],
      ['due', '2027-01-01'],
      ['standards', 'ISO 27001'],
    ]);
  });

  it('joins two-word scale values typed without quotes', () => {
    expect(fieldsOf('likelihood=very high impact=almost certain').fields.map((f) => f.value)).toEqual(['very high', 'almost certain']);
  });

  it('keeps word:text that is not a field as text, and reports unknown=value', () => {
    const p = fieldsOf('Backup: never tested see https://wiki/x colour=red');

    expect(p.words.map((w) => w.text)).toEqual(['Backup:', 'never', 'tested', 'see', 'https://wiki/x']);
    expect(p.unknown).toEqual([{ key: 'colour', value: 'red' }]);
  });

  it('never reads a quoted run as a field', () => {
    expect(fieldsOf('"likelihood=5 is a joke"').fields).toEqual([]);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('lsit', 'list')).toBe(1);
    expect(editDistance('likelyhood', 'likelihood')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });
});

describe('field values', () => {
  it.each([
    ['1', 1],
    ['5', 5],
    ['4.0', 4],
    ['low', 2],
    ['Medium', 3],
    ['very-high', 5],
    ['very high', 5],
    ['rare', 1],
    ['almost certain', 5],
  ])('likelihood %s is %i', (raw, n) => {
    expect(parseRating('likelihood', raw)).toBe(n);
  });

  it('names the allowed values when a rating does not fit', () => {
    expect(messageOf(() => parseRating('impact', '9'))).toBe(
      'impact is rated in whole numbers from 1 to 5, so 9 does not fit. Use a number from 1 to 5, or a word: negligible (1), minor (2), moderate (3), major (4), severe (5); very low, low, medium, high and very high work too.',
    );
    expect(messageOf(() => parseRating('likelihood', 'banana'))).toContain('"banana" is none of these');
    expect(messageOf(() => parseRating('likelihood', '0'))).toContain('0 does not fit');
    expect(messageOf(() => parseRating('likelihood', '2.5'))).toContain('2.5 does not fit');
  });

  it('reads owners as handles, Slack and Teams mentions, "me" and "none"', () => {
    expect(parseOwner('@sam', me)).toEqual({ id: 'sam', name: 'sam' });
    expect(parseOwner('<@U123ABC|sam.smith>', me)).toEqual({ id: 'U123ABC', name: 'sam.smith' });
    expect(parseOwner('<@U123ABC>', me)).toEqual({ id: 'U123ABC', name: 'U123ABC' });
    expect(parseOwner('<at>Sam Smith</at>', me)).toEqual({ id: 'Sam Smith', name: 'Sam Smith' });
    expect(parseOwner('me', me)).toEqual(me);
    expect(parseOwner('none', me)).toBeNull();
    expect(messageOf(() => parseOwner('<!channel>', me))).toMatch(/^owner must be a person/);
  });

  it('reads dates, refusing impossible ones', () => {
    expect(parseDue('2027-1-5', now)).toBe('2027-01-05');
    expect(parseDue('+30d', now)).toBe('2026-12-28');
    expect(parseDue('+2w', now)).toBe('2026-12-12');
    expect(parseDue('tomorrow', now)).toBe('2026-11-29');
    expect(messageOf(() => parseDue('2026-02-30', now))).toBe('due: 2026-2-30 is not a real date. Write it as YYYY-MM-DD, e.g. 2026-12-31.'.replace('2026-2-30', '2026-02-30'));
    expect(messageOf(() => parseDue('next friday', now))).toMatch(/^due must be a date/);
  });

  it('reads standards however they are written', () => {
    expect(parseStandards('27001')).toEqual(['27001']);
    expect(parseStandards('ISO/IEC 42001:2023')).toEqual(['42001']);
    expect(parseStandards('27001,42001')).toEqual(['27001', '42001']);
    expect(parseStandards('both')).toEqual(['27001', '42001']);
    expect(messageOf(() => parseStandards('9001'))).toMatch(/^standard must be 27001, 42001 or both/);
  });

  it('splits control lists and keeps a standard with the id after it', () => {
    expect(splitControls('A.5.15,8.2; 42001 A.6.2.4 clause 6.1.3')).toEqual(['A.5.15', '8.2', '42001:A.6.2.4', 'clause6.1.3']);
    expect(splitControls('none')).toBeNull();
  });

  it('bounds and cleans titles', () => {
    expect(parseTitle('  a\u202Eb\u0007 title\n')).toBe('ab title');
    expect(messageOf(() => parseTitle('x'.repeat(201)))).toMatch(/^The title is 201 characters long; a title holds up to 200/);
    expect(messageOf(() => parseTitle('!!'))).toMatch(/^A risk needs a title/);
  });

  it('collects every problem of one command into one message and changes nothing', () => {
    const args = fieldsOf('likelihood=9 impact=3 treatment=ignore').fields;
    expect(messageOf(() => fieldArgsToChanges(args, { actor: me, now }))).toMatch(/^likelihood .* 9 does not fit.* treatment must be one of avoid, mitigate, transfer, accept\./);
    expect(fieldArgsToChanges(fieldsOf('impact=3 l=low owner=none').fields, { actor: me, now })).toEqual({ impact: 3, likelihood: 2, owner: null });
  });

  it('sends accepting and closing to their own commands', () => {
    expect(messageOf(() => fieldArgsToChanges(fieldsOf('status=accepted').fields, { actor: me, now, riskId: 'R-7K3F' }))).toMatch(/use \/risk accept R-7K3F/);
    expect(fieldArgsToChanges(fieldsOf('status=in-progress').fields, { actor: me, now })).toEqual({ status: 'treating' });
  });
});

describe('clean text', () => {
  it('keeps markup but removes invisible and direction-changing characters', () => {
    expect(cleanLine('<!channel>\u200B *hi*\u2066')).toBe('<!channel> *hi*');
    expect(cleanBlock('one\r\n\r\n\r\n\r\ntwo  \t three')).toBe('one\n\ntwo three');
  });
});

describe('risk ids', () => {
  it('uses only characters people do not confuse', () => {
    expect(ID_ALPHABET).not.toMatch(/[01ILOUV]/);
    for (let i = 0; i < 200; i += 1) expect(candidateId(`uid-${i}`, 0)).toMatch(new RegExp(`^R-[${ID_ALPHABET}]{4}$`));
  });

  it('derives the same candidates from the same uid, and longer ones after repeated clashes', () => {
    expect(candidateId('same', 0)).toBe(candidateId('same', 0));
    expect(candidateId('same', 0)).not.toBe(candidateId('same', 1));
    expect(candidateId('same', 6)).toHaveLength(7);
  });

  it('reads ids however they are typed', () => {
    expect(parseRiskIds('r-7k3f')).toEqual(['R-7K3F']);
    expect(parseRiskIds('#R-7K3F.')).toEqual(['R-7K3F']);
    expect(parseRiskIds('7K3F')).toEqual(['R-7K3F']);
    expect(parseRiskIds('R7K3F')).toEqual(['R-7K3F', 'R-R7K3F']);
    expect(parseRiskIds('R-0O1I')).toEqual([]);
    expect(parseRiskIds('hello world')).toEqual([]);
  });
});

describe('risk matrix', () => {
  it('bands likelihood x impact into low 1-4, medium 5-9, high 10-16, critical 20-25', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(levelOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect(scoreOf(4, 4)).toBe(16);
    expect(matrixRows().map((r) => r.slice(1).map((c) => c[0]).join(''))).toEqual(['MHHCC', 'LMHHC', 'LMMHH', 'LLMMH', 'LLLLM']);
  });
});
