/**
 * What a typed or submitted value means for each risk field, with the allowed values spelled out
 * when it means nothing. One place for commands, forms and the register port, so `/risk add`,
 * `/risk update`, the form and the gap check accept and refuse exactly the same things.
 *
 * Every problem in one input is reported at once, and nothing is stored when there is any.
 */
import { UserError } from '../errors.js';
import { STANDARDS, type Standard } from '../knowledge/schema.js';
import { cleanBlock, cleanLine } from './clean-text.js';
import { IMPACT_WORDS, LIKELIHOOD_WORDS } from './matrix.js';
import { closest, normaliseKey, type FieldArg } from './parse-args.js';
import { LIMITS, TREATMENTS, type Person, type RiskChanges, type RiskStatus, type Treatment } from './risk.js';

/** The fields people can set, by the names they may type. */
export const FIELD_ALIASES: ReadonlyMap<string, keyof RiskChanges> = new Map(
  (
    [
      ['title', ['title', 'name', 'subject']],
      ['description', ['description', 'desc', 'details', 'detail', 'notes', 'note']],
      ['likelihood', ['likelihood', 'l', 'lik', 'likely', 'probability', 'prob', 'chance']],
      ['impact', ['impact', 'i', 'imp', 'severity', 'consequence', 'consequences']],
      ['owner', ['owner', 'riskowner', 'assignee', 'assign', 'assignedto', 'o']],
      ['controls', ['control', 'controls', 'ctrl', 'ctrls', 'ref', 'refs', 'c']],
      ['standards', ['standard', 'standards', 'std', 'iso', 's']],
      ['treatment', ['treatment', 'treat', 'response', 'option', 't']],
      ['treatmentPlan', ['plan', 'treatmentplan', 'actionplan']],
      ['due', ['due', 'duedate', 'review', 'nextreview', 'reviewdate', 'reviewby', 'deadline', 'date']],
      ['status', ['status', 'state']],
      ['residualLikelihood', ['residuallikelihood', 'residuall', 'rl']],
      ['residualImpact', ['residualimpact', 'residuali', 'ri']],
    ] as const
  ).flatMap(([field, names]) => names.map((n) => [normaliseKey(n), field] as [string, keyof RiskChanges])),
);

/** How each field is written in messages and help. */
export const FIELD_LABELS: Record<keyof RiskChanges, string> = {
  title: 'title',
  description: 'description',
  likelihood: 'likelihood',
  impact: 'impact',
  owner: 'owner',
  controls: 'control',
  standards: 'standard',
  treatment: 'treatment',
  treatmentPlan: 'plan',
  due: 'due',
  status: 'status',
  residualLikelihood: 'residual_likelihood',
  residualImpact: 'residual_impact',
};

export const FIELD_NAMES_TEXT = Object.values(FIELD_LABELS).join(', ');

const CLEAR = /^(none|nobody|-|clear|unset)$/i;

/**
 * A word-table lookup that sees only the table's own words: typed text such as "constructor" or
 * "__proto__" must not find Object.prototype's members (a function stored as a rating).
 */
const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

type RatingField = 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact';

const SCALE_WORDS: Record<string, number> = {
  'very low': 1,
  verylow: 1,
  vlow: 1,
  low: 2,
  medium: 3,
  med: 3,
  mid: 3,
  moderate: 3,
  high: 4,
  'very high': 5,
  veryhigh: 5,
  vhigh: 5,
};
const LIKELIHOOD_EXTRA: Record<string, number> = { rare: 1, unlikely: 2, possible: 3, likely: 4, 'almost certain': 5, certain: 5 };
const IMPACT_EXTRA: Record<string, number> = { negligible: 1, insignificant: 1, minor: 2, moderate: 3, major: 4, severe: 5, critical: 5, catastrophic: 5 };

function ratingHelp(field: RatingField): string {
  const words = field === 'likelihood' || field === 'residualLikelihood' ? LIKELIHOOD_WORDS : IMPACT_WORDS;
  return `a number from 1 to 5, or a word: ${[1, 2, 3, 4, 5].map((n) => `${words[n]} (${n})`).join(', ')}; very low, low, medium, high and very high work too`;
}

export function parseRating(field: RatingField, raw: string): number {
  const v = raw.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  const label = FIELD_LABELS[field];
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
    throw new UserError('BAD_INPUT', `${label} is rated in whole numbers from 1 to 5, so ${v} does not fit. Use ${ratingHelp(field)}.`);
  }
  const extra = field === 'likelihood' || field === 'residualLikelihood' ? LIKELIHOOD_EXTRA : IMPACT_EXTRA;
  const n = lookup(SCALE_WORDS, v) ?? lookup(SCALE_WORDS, v.replace(/ /g, '')) ?? lookup(extra, v);
  if (n !== undefined) return n;
  throw new UserError('BAD_INPUT', `${label} must be ${ratingHelp(field)}. "${cleanLine(raw).slice(0, 40)}" is none of these.`);
}

export function parseTitle(raw: string): string {
  const t = cleanLine(raw);
  if (t.length > LIMITS.title) {
    throw new UserError('TOO_LONG', `The title is ${t.length} characters long; a title holds up to ${LIMITS.title}. Give a short title and put the details in description="...".`);
  }
  if (t.length < 3 || !/[\p{L}\p{N}]/u.test(t)) throw new UserError('BAD_INPUT', 'A risk needs a title of at least 3 characters that says what could go wrong, e.g. "Laptops are not encrypted".');
  return t;
}

/** Free text over several lines (description, plan, reason); `none` clears. */
export function parseBlock(label: string, raw: string, max: number): string | null {
  if (CLEAR.test(raw.trim())) return null;
  const t = cleanBlock(raw);
  if (t.length > max) throw new UserError('TOO_LONG', `The ${label} is ${t.length} characters long; it holds up to ${max}. Please shorten it.`);
  return t || null;
}

/** A name or handle: letters and digits first, then also spaces and . ' _ - (and @ + for emails). */
const PERSON_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'_@+-]*$/u;

/**
 * An owner as typed: `@sam`, `sam`, `"Sam Smith"`, a Slack mention `<@U123|sam>` or `<@U123>`, a
 * Teams mention `<at>Sam</at>`, `me`; `none` clears. Returns null for "no owner".
 */
export function parseOwner(raw: string, actor: Person): Person | null {
  const v = cleanLine(raw);
  if (CLEAR.test(v)) return null;
  if (/^(me|myself|i)$/i.test(v)) return actor;
  const slack = /^<@([A-Z0-9]{2,40})(?:\|([^<>]{1,80}))?>$/i.exec(v);
  if (slack) return { id: slack[1]!, name: cleanLine(slack[2] ?? '') || slack[1]! };
  const teams = /^<at>([^<>]{1,80})<\/at>$/i.exec(v);
  const name = (teams ? teams[1]! : v).replace(/^@/, '').trim();
  if (!name || name.length > LIMITS.personName || !PERSON_NAME.test(name)) {
    throw new UserError('BAD_INPUT', `owner must be a person: @name, an email, a mention, or "me" (letters, digits, spaces, . _ ' - and at most ${LIMITS.personName} characters).`);
  }
  return { id: name, name };
}

export function parseStandards(raw: string): Standard[] {
  const v = raw.toLowerCase();
  if (CLEAR.test(v.trim())) return [];
  if (/^\s*(both|all)\s*$/.test(v)) return [...STANDARDS];
  const found = new Set<Standard>();
  for (const m of v.matchAll(/27001|42001/g)) found.add(m[0] as Standard);
  const rest = v.replace(/iso|iec|\/|27001|42001|:20\d\d|,|and|\s/g, '');
  if (!found.size || rest) throw new UserError('BAD_INPUT', `standard must be 27001, 42001 or both. "${cleanLine(raw).slice(0, 40)}" is not one of them.`);
  return [...found].sort();
}

const TREATMENT_WORDS: Record<string, Treatment> = {
  avoid: 'avoid',
  terminate: 'avoid',
  eliminate: 'avoid',
  mitigate: 'mitigate',
  reduce: 'mitigate',
  modify: 'mitigate',
  treat: 'mitigate',
  control: 'mitigate',
  transfer: 'transfer',
  share: 'transfer',
  insure: 'transfer',
  accept: 'accept',
  retain: 'accept',
  tolerate: 'accept',
};

export function parseTreatment(raw: string): Treatment | null {
  const v = raw.trim().toLowerCase();
  if (CLEAR.test(v)) return null;
  const t = lookup(TREATMENT_WORDS, v);
  if (t) return t;
  throw new UserError('BAD_INPUT', `treatment must be one of ${TREATMENTS.join(', ')}. "${cleanLine(raw).slice(0, 40)}" is not one of them.`);
}

const STATUS_WORDS: Record<string, RiskStatus> = {
  open: 'open',
  reopen: 'open',
  new: 'open',
  treating: 'treating',
  'in progress': 'treating',
  inprogress: 'treating',
  treatment: 'treating',
  wip: 'treating',
  accepted: 'accepted',
  accept: 'accepted',
  closed: 'closed',
  close: 'closed',
  done: 'closed',
};

/** Status through `update`: open or treating. Accepting and closing have their own commands (they record more). */
export function parseStatus(raw: string, riskId = '<id>'): RiskStatus {
  const v = raw.trim().toLowerCase().replace(/[-_]+/g, ' ');
  const s = lookup(STATUS_WORDS, v) ?? lookup(STATUS_WORDS, v.replace(/ /g, ''));
  if (s === 'accepted') throw new UserError('BAD_INPUT', `To accept a risk, use /risk accept ${riskId}: it records who accepted the residual risk and when.`);
  if (s === 'closed') throw new UserError('BAD_INPUT', `To close a risk, use /risk close ${riskId} <reason>: the register keeps the reason.`);
  if (s) return s;
  throw new UserError('BAD_INPUT', `status can be set to open or treating (accept and close have their own commands). "${cleanLine(raw).slice(0, 40)}" is neither.`);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, `today`, `tomorrow`, `+30d`, `+2w`, `+3m`; `none` clears. */
export function parseDue(raw: string, now: Date): string | null {
  const v = raw.trim().toLowerCase();
  if (CLEAR.test(v)) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isRealDate(y, m, d) || y < 2000 || y > 2200) throw new UserError('BAD_INPUT', `due: ${v} is not a real date. Write it as YYYY-MM-DD, e.g. 2026-12-31.`);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  const rel = v === 'today' ? [0, 'd'] : v === 'tomorrow' ? [1, 'd'] : (/^\+?\s*(\d{1,3})\s*(d|w|m)$/.exec(v)?.slice(1) as [string, string] | undefined);
  if (rel) {
    const [amount, unit] = [Number(rel[0]), rel[1]];
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    if (unit === 'd') d.setUTCDate(d.getUTCDate() + amount);
    if (unit === 'w') d.setUTCDate(d.getUTCDate() + amount * 7);
    if (unit === 'm') d.setUTCMonth(d.getUTCMonth() + amount);
    return d.toISOString().slice(0, 10);
  }
  throw new UserError('BAD_INPUT', `due must be a date as YYYY-MM-DD (e.g. 2026-12-31), today, tomorrow or +30d. "${cleanLine(raw).slice(0, 40)}" is none of these.`);
}

/** Splits a list of control ids as typed: `A.5.15,8.2`, `A.5.15 8.2`, `27001:A.5.15; 42001 A.6.2.4`. */
export function splitControls(raw: string): string[] | null {
  if (CLEAR.test(raw.trim())) return null;
  // "42001 A.6.2.4" keeps its standard: join a bare standard number to the id after it.
  return raw
    .replace(/\b(27001|42001)\s+(?=[AaCc]?\.?\d|clause)/gi, '$1:')
    .replace(/\b(clause|cl\.?|control|annex\s*a)\s+(?=\d)/gi, (_m, w: string) => w.replace(/\s+/g, ''))
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface FieldParseContext {
  actor: Person;
  now: Date;
  /** For messages that name the risk (`/risk accept R-7K3F`). */
  riskId?: string;
}

/**
 * Turns `field=value` pairs into changes. `controls` stay as typed (the register resolves them
 * against the knowledge base). Throws one `UserError` naming every bad value.
 */
export function fieldArgsToChanges(args: readonly FieldArg[], ctx: FieldParseContext): RiskChanges {
  const changes: RiskChanges = {};
  const problems: string[] = [];
  let code: 'BAD_INPUT' | 'TOO_LONG' = 'BAD_INPUT';
  for (const a of args) {
    try {
      const field = a.field as keyof RiskChanges;
      switch (field) {
        case 'title':
          changes.title = parseTitle(a.value);
          break;
        case 'description':
          changes.description = parseBlock('description', a.value, LIMITS.description);
          break;
        case 'treatmentPlan':
          changes.treatmentPlan = parseBlock('plan', a.value, LIMITS.treatmentPlan);
          break;
        case 'likelihood':
        case 'impact':
        case 'residualLikelihood':
        case 'residualImpact':
          if (CLEAR.test(a.value.trim())) changes[field] = null;
          else changes[field] = parseRating(field, a.value);
          break;
        case 'owner':
          changes.owner = parseOwner(a.value, ctx.actor);
          break;
        case 'controls': {
          const list = splitControls(a.value);
          changes.controls = list === null ? [] : [...(changes.controls ?? []), ...list];
          break;
        }
        case 'standards':
          changes.standards = [...new Set([...(changes.standards ?? []), ...parseStandards(a.value)])].sort();
          break;
        case 'treatment':
          changes.treatment = parseTreatment(a.value);
          break;
        case 'due':
          changes.due = parseDue(a.value, ctx.now);
          break;
        case 'status':
          changes.status = parseStatus(a.value, ctx.riskId);
          break;
        default: {
          const never: never = field;
          throw new Error(`unhandled field ${String(never)}`);
        }
      }
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      if (err.code === 'TOO_LONG') code = 'TOO_LONG';
      problems.push(err.message);
    }
  }
  if (problems.length) throw new UserError(code, problems.join(' '), 'Nothing was changed. Type "/risk help" for every field and the values it takes.');
  return changes;
}

/** The error for `unknown=value`, naming the closest field. */
export function unknownFieldError(keys: readonly string[]): UserError {
  const parts = keys.map((k) => {
    const guess = closest(k, [...FIELD_ALIASES.keys()].filter((a) => a.length > 2));
    const field = guess ? FIELD_LABELS[FIELD_ALIASES.get(guess)!] : undefined;
    return `"${cleanLine(k).slice(0, 30)}" is not a field${field ? ` (did you mean ${field}?)` : ''}.`;
  });
  return new UserError('BAD_INPUT', parts.join(' '), `Nothing was changed. Fields: ${FIELD_NAMES_TEXT}.`);
}
