/**
 * The router (src/intents/registry.ts) under hostile text: it never throws, always names a
 * registered intent or an unknown command, and never invents arguments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestCommand, INTENTS, route } from '../../src/intents/registry.js';
import { commandText, hostileText, runs } from './hostile.js';

describe('route (fuzz)', () => {
  it('routes any text to a registered intent or an unknown command, with arguments taken from the text', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, commandText), (text) => {
        const r = route(text);
        if (r.type === 'intent') {
          expect(INTENTS).toContain(r.intent);
          expect(typeof r.args).toBe('string');
          expect(r.args.length).toBeLessThanOrEqual(text.length + 'add '.length);
          // A slash command is always explicit, and free text is the question as typed.
          if (/^\/\S/.test(text.trim())) expect(r.explicit).toBe(true);
          if (!r.explicit) expect(r.args).toBe(text.trim());
        } else {
          expect(r.type).toBe('unknown-command');
          expect(text.trim().startsWith('/')).toBe(true);
          if (r.suggestion) expect(INTENTS).toContain(r.suggestion);
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  it('suggests a close command for any word, or nothing', () => {
    fc.assert(
      fc.property(hostileText, (word) => {
        const s = closestCommand(word);
        if (s !== undefined) expect(INTENTS).toContain(s);
      }),
      { numRuns: runs(1000) },
    );
  });
});
