/**
 * Risk ids: short, easy to read aloud and type (`R-7K3F`), unique within a workspace without a
 * central counter.
 *
 * The alphabet has no characters people confuse (no 0/O, 1/I/L, U/V). Candidates are derived from
 * a per-creation uid (random, or a hash of the source event so a retried delivery walks the same
 * candidates); the register claims one (see `register.ts`) and moves to the next on a clash. After
 * `ATTEMPTS_PER_LENGTH` clashes at one length the ids get one character longer, so a crowded
 * register never runs out.
 */
import { createHash } from 'node:crypto';

export const ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const ID_PREFIX = 'R-';
export const DEFAULT_ID_LENGTH = 4;
export const ATTEMPTS_PER_LENGTH = 6;

/** The k-th candidate id for a creation uid. Deterministic: the same uid gives the same sequence. */
export function candidateId(uid: string, attempt: number, baseLength = DEFAULT_ID_LENGTH): string {
  const length = baseLength + Math.floor(attempt / ATTEMPTS_PER_LENGTH);
  const digest = createHash('sha256').update(`${uid}:${attempt}`).digest();
  let out = '';
  for (let i = 0; i < length; i += 1) out += ID_ALPHABET[digest[i]! % ID_ALPHABET.length];
  return `${ID_PREFIX}${out}`;
}

const BODY = new RegExp(`^[${ID_ALPHABET}]{1,12}$`);

/**
 * The ids someone may have meant (`r-7k3f`, `R7K3F`, `7K3F`, `#R-7K3F`), most likely first; empty
 * when the text cannot be an id. Without the dash a leading R is ambiguous (`RK3F` may be `R-RK3F`),
 * so both readings are returned and the caller tries them in order.
 */
export function parseRiskIds(text: string): string[] {
  const t = text.trim().replace(/^#/, '').replace(/[.,;:!?)]+$/, '').toUpperCase().replace(/\s+/g, '');
  const dashed = /^R-(.+)$/.exec(t);
  const readings = dashed ? [dashed[1]!] : t.startsWith('R') ? [t.slice(1), t] : [t];
  return readings.filter((b) => BODY.test(b)).map((b) => `${ID_PREFIX}${b}`);
}

/** A stable, short hash for keys (idempotency keys, long workspace ids). */
export function shortHash(text: string, length = 24): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
