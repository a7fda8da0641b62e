/**
 * The risk argument parsers (src/risks/parse-args.ts, field-values.ts, list-filter.ts,
 * risk-form.ts) under hostile input: they either return well-formed values or refuse with a
 * UserError (which the bot shows as a friendly message); nothing else may be thrown.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { KnowledgeBase } from '../../src/knowledge/load.js';
import { FIELD_ALIASES, fieldArgsToChanges, parseDue, parseOwner, parseRating, splitControls } from '../../src/risks/field-values.js';
import { parseFilter } from '../../src/risks/list-filter.js';
import { closest, parseArgs, tokenize, type FieldArg } from '../../src/risks/parse-args.js';
import { formToFieldArgs } from '../../src/risks/risk-form.js';
import { LIMITS, RISK_FIELD_NAMES, RISK_STATUSES, TREATMENTS } from '../../src/risks/risk.js';
import { testKnowledge } from '../helpers/app.js';
import { anyString, commandText, FRAGMENTS, hostileText, mixedText, numberText, runs } from './hostile.js';

const me = { id: 'U0SAM', name: 'Sam' };
const now = new Date('2026-11-28T10:00:00Z');
const fieldNames = [...new Set(FIELD_ALIASES.values())];

/** Runs `fn`; a UserError is an accepted refusal, anything else fails the property. */
function refusedOrValue<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    expect(err, `threw ${String(err)}`).toBeInstanceOf(UserError);
    expect((err as UserError).message.length).toBeGreaterThan(0);
    return undefined;
  }
}

/** Keys as they arrive from forms: ours, prototype names, and junk. */
const formKey = fc.oneof(fc.constantFrom(...RISK_FIELD_NAMES, 'reason', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', ''), anyString);
const formValueArb = fc.oneof(hostileText, numberText, fc.array(fc.oneof(hostileText, fc.constantFrom(...FRAGMENTS)), { maxLength: 4 }), fc.constant(undefined));

let kb: KnowledgeBase;
beforeAll(() => {
  kb = testKnowledge();
});

describe('risk argument parsing (fuzz)', () => {
  it('tokenizes and parses any text into words, known fields and unknown keys', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, mixedText, commandText), (text) => {
        // Whitespace outside quotes splits tokens: never more tokens than whitespace-separated runs.
        expect(tokenize(text).length).toBeLessThanOrEqual(text.split(/\s+/).filter(Boolean).length);
        const parsed = parseArgs(text, FIELD_ALIASES);
        for (const f of parsed.fields) expect(fieldNames).toContain(f.field);
        for (const u of parsed.unknown) expect(u.key).toMatch(/^[A-Za-z][\w-]{0,30}$/);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('turns any field=value pairs into valid changes or one UserError', () => {
    const arg = fc.record({ field: fc.constantFrom(...fieldNames), key: fc.constant('k'), value: fc.oneof(hostileText, numberText, fc.constantFrom(...FRAGMENTS)) });
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (args: FieldArg[]) => {
        const changes = refusedOrValue(() => fieldArgsToChanges(args, { actor: me, now, riskId: 'R-7K3F' }));
        if (!changes) return;
        for (const k of ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] as const) {
          const v = changes[k];
          if (v !== undefined && v !== null) expect([1, 2, 3, 4, 5]).toContain(v);
        }
        if (changes.title !== undefined) expect(changes.title.length).toBeLessThanOrEqual(LIMITS.title);
        if (changes.due) expect(changes.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (changes.treatment) expect(TREATMENTS).toContain(changes.treatment);
        if (changes.status) expect(RISK_STATUSES).toContain(changes.status);
        for (const s of changes.standards ?? []) expect(['27001', '42001']).toContain(s);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('reads ratings, dates, owners and control lists or refuses them politely', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, numberText, fc.constantFrom(...FRAGMENTS).map((f) => f.replace(/^[a-z]+[=:]/, ''))), (raw) => {
        const r = refusedOrValue(() => parseRating('likelihood', raw));
        if (r !== undefined) expect([1, 2, 3, 4, 5]).toContain(r);
        const due = refusedOrValue(() => parseDue(raw, now));
        if (due) expect(Number.isNaN(Date.parse(`${due}T00:00:00Z`))).toBe(false);
        const owner = refusedOrValue(() => parseOwner(raw, me));
        if (owner) expect(owner.id.length).toBeGreaterThan(0);
        const controls = splitControls(raw);
        if (controls) for (const c of controls) expect(c).not.toMatch(/^\s*$/);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('reads any /risk list filter or refuses it with a UserError', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, mixedText), (text) => {
        const filter = refusedOrValue(() => parseFilter(text, kb, me));
        if (!filter) return;
        expect(Number.isInteger(filter.page)).toBe(true);
        expect(filter.page).toBeGreaterThanOrEqual(1);
        for (const s of filter.statuses ?? []) expect(RISK_STATUSES).toContain(s);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('maps submitted form values to known fields only, whatever the keys', () => {
    fc.assert(
      fc.property(fc.dictionary(formKey, formValueArb, { maxKeys: 8 }), (values) => {
        for (const a of formToFieldArgs(values as Record<string, string | string[] | undefined>)) {
          expect(RISK_FIELD_NAMES).toContain(a.field);
          expect(typeof a.value).toBe('string');
        }
      }),
      { numRuns: runs(1500) },
    );
  });

  it('finds a near word or nothing, even for huge input', () => {
    fc.assert(
      fc.property(hostileText, (word) => {
        const c = closest(word, ['add', 'list', 'show', 'update']);
        if (c !== undefined) expect(['add', 'list', 'show', 'update']).toContain(c);
      }),
      { numRuns: runs(300) },
    );
  });
});
