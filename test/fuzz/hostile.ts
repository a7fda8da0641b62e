/**
 * Hostile input for the fuzz tests: random and adversarial strings (any unicode, lone surrogates,
 * control and bidi characters, Slack and Teams markup, HTML, JSON-ish junk, numbers out of range,
 * near-miss commands and ids, huge repetitions), and the checks every reply must pass.
 *
 * Run counts are tuned so the whole fuzz folder stays well under a minute; set FUZZ_RUNS to scale
 * every property (e.g. FUZZ_RUNS=10 for a long soak).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { renderReplyText, renderText } from '../../src/views/text.js';
import { VIEW_KINDS, type Reply } from '../../src/views/view.js';

/** `runs(n)`: n runs, times FUZZ_RUNS (default 1). */
export function runs(n: number): number {
  const scale = Number(process.env.FUZZ_RUNS ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Pieces people (and attackers) type: markup, mentions, ids near and far from real ones, numbers out of range. */
export const FRAGMENTS = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<@U0SAM>',
  '<@U0SAM|sam>',
  '<@W123|<b>x</b>>',
  '<#C0GENERAL|general>',
  '<!subteam^S123|@admins>',
  '<!date^1700000000^{date}|Nov 14>',
  '<https://evil.example|https://slack.com>',
  '<mailto:a@b.c|mail>',
  '<javascript:alert(1)|x>',
  '&amp;',
  '&lt;',
  '&gt;',
  '&#0;',
  '&#x110000;',
  '&bogus;',
  '<at>Annex</at>',
  '<at>',
  '</at>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```block```',
  '> quote',
  '[link](https://x.example)',
  '{"type":"AdaptiveCard","body":[',
  '{"annex":{"kind":"action","command":"/risk list"}}',
  '{"__proto__":{"polluted":true}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '${process.env}',
  '{{7*7}}',
  '%s%n%x',
  '\\',
  '\\"',
  '"',
  "'",
  '“quoted”',
  '«guillemets»',
  '‘single’',
  '=',
  ':',
  'key=',
  '=value',
  'likelihood=6',
  'likelihood=0',
  'likelihood=-1',
  'likelihood=3.5',
  'likelihood=1e309',
  'impact=NaN',
  'impact=very',
  'impact:',
  'owner=@',
  'owner=<@U0SAM|sam>',
  'owner=<at>Sam</at>',
  'owner=me',
  'due=2026-02-30',
  'due=+99999999d',
  'due=-1d',
  'due=0000-00-00',
  'control=A.99.99',
  'control=A.5.15,,8.24',
  'control=42001:A.6.2.4',
  'standard=9001',
  'treatment=accept',
  'status=closed',
  'page=0',
  'page=1e9',
  'page=99999999999999999999',
  'level=high+',
  'title=',
  'description="',
  'A.5.15',
  'a.8.12',
  'A8.16',
  '5.15',
  'clause 6.1.2',
  'clause 0',
  'clause 99.99.99.99',
  'A.0.0',
  'A.12.3.1',
  '42001 A.6.2.4',
  '27001:2022 9.2',
  'ISO 9001 clause 8.5',
  'PCI DSS requirement 8.3.6',
  'CC6.1',
  'R-',
  'R-0000',
  'R-7K3F',
  'r7k3f',
  '#R-ZZZZZZZZZZZZZZ',
  'GC-',
  'GC-0123456789ABCDEF',
  '/risk',
  '/risk add',
  '/risk list',
  '/risk update',
  '/risk close',
  '/risk accept',
  '/risk undo',
  '/risk export',
  '/gapcheck',
  '/gapcheck 27001',
  '/gapcheck 42001',
  '/gapcheck answer',
  '/gapcheck log all',
  '/gapcheck soa',
  '/iso',
  '/help',
  '/',
  '//',
  'help',
  'risk',
  'gapcheck',
  'log a risk:',
  'start a readiness check',
  'yes',
  'no',
  'n/a',
  '1',
  '5',
  '6',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '9007199254740993',
  '1-99',
  '99-1',
  'all',
  'skip',
  'back',
  'why',
  'finish now',
  'cancel',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '👩‍👩‍👧‍👦',
  'é',
  'é',
  'İ',
  'ß',
  'ﬃ',
  'Ⅻ',
  '٣',
  '𝟓',
  '\t',
  '\r\n',
  '\n\n\n',
  ' ',
];

const fragment = fc.constantFrom(...FRAGMENTS);

const separator = fc.constantFrom(' ', '', '  ', '\n', '\t', ',', '=', ':', '"', '.', '\u00a0');

/** A number as text, from the ordinary to the absurd. */
export const numberText = fc.oneof(
  fc.integer({ min: -10, max: 120 }).map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom('1e309', '-1e309', '0x10', '0b1', '1_000', '٣', '3.', '.5', '+5', '05'),
);

/** Short random strings of every kind of character. */
export const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('a', 'A', '1', '.', ' ', '-', '=', ':', '"', '<', '>', '&', '@', '/', '#', '|', '\\', '\n'), maxLength: 40 }),
);

/** Mixtures of fragments, random strings and numbers. */
export const mixedText = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: fragment }, { weight: 2, arbitrary: anyString }, { weight: 1, arbitrary: numberText }), separator), { maxLength: 12 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

/** A fragment or random text repeated to `min`..`max` characters. */
function repeated(min: number, max: number) {
  return fc
    .tuple(fc.oneof(fragment, anyString.filter((s) => s.length > 0)), fc.integer({ min, max }))
    .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));
}

/**
 * Big inputs, up to twice what the bot reads (MAX_INPUT_LENGTH, 4000): the parsers behind the
 * bot's length check never see more, so this is their hostile maximum.
 */
export const hugeText = repeated(500, 8000);

/** Giant inputs (up to 60 kB) for what sees raw platform text before any bound: adapters and the bot. */
export const giantText = repeated(8000, 60_000);

/** Any hostile text, mostly moderate, sometimes huge. */
export const hostileText = fc.oneof({ weight: 6, arbitrary: mixedText }, { weight: 3, arbitrary: anyString }, { weight: 1, arbitrary: hugeText });

/** Text that starts like a command (so the deep parsers see it), then anything. */
export const commandText = fc
  .tuple(
    fc.constantFrom(
      '/risk add ',
      '/risk list ',
      '/risk show ',
      '/risk update R-7K3F ',
      '/risk update ',
      '/risk close ',
      '/risk accept ',
      '/risk undo ',
      '/risk export ',
      '/risk help',
      '/risk ',
      'risk add ',
      'risk list ',
      'log a risk: ',
      '/gapcheck ',
      '/gapcheck answer ',
      '/gapcheck log ',
      '/gapcheck result ',
      '/gapcheck for ',
      '/gapcheck restart ',
      '/gapcheck history ',
      '/gapcheck export ',
      '/gapcheck soa ',
      'gapcheck ',
      '/iso ',
      'ask ',
      'help ',
      '/help ',
      '/riks ',
      '/',
      '',
    ),
    hostileText,
  )
  .map(([prefix, rest]) => prefix + rest);

/** Checks a reply is what every renderer can draw: known view kinds, and the text renderer copes. */
export function expectValidReply(r: Reply): void {
  expect(Array.isArray(r.views)).toBe(true);
  expect(r.views.length).toBeGreaterThan(0);
  for (const v of r.views) {
    expect(VIEW_KINDS).toContain(v.kind);
    expect(typeof renderText(v)).toBe('string');
  }
  expect(renderReplyText(r.views).length).toBeGreaterThan(0);
  // An INTERNAL error means an exception escaped an intent: the core caught it, but it is a bug.
  const internal = r.views.find((v) => v.kind === 'error' && v.code === 'INTERNAL');
  expect(internal, 'an exception escaped an intent (INTERNAL error view)').toBeUndefined();
}
