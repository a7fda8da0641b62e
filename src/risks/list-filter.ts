/**
 * `/risk list` and `/risk export` filters: `mine`, `open`, `all`, `closed`, `level=high` (or just
 * `high`, `high+`), `owner=@sam`, `control=A.5.15`, `standard=27001`, `status=accepted`, `page=2`.
 * Parsing gives a filter and its canonical command text, so "next page" repeats exactly the
 * filters that were typed.
 */
import { UserError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Standard } from '../knowledge/schema.js';
import { cleanLine } from './clean-text.js';
import { resolveControls } from './controls.js';
import { parseOwner, parseStandards, splitControls } from './field-values.js';
import { LEVELS, type Level } from './matrix.js';
import { closest, normaliseKey, parseArgs } from './parse-args.js';
import { RISK_STATUSES, type Person, type Risk, type RiskStatus } from './risk.js';

/** Risks per list page (a Slack message holds 50 blocks; ten rows stay readable everywhere). */
export const PAGE_SIZE = 10;

/** A parsed list or export filter; every condition set must hold. */
export interface RiskFilter {
  mine: boolean;
  /** Statuses shown; undefined = every status but closed. */
  statuses?: RiskStatus[];
  levels?: Array<Level | 'unrated'>;
  owner?: Person;
  controls?: string[];
  standards?: Standard[];
  page: number;
}

const LIST_ALIASES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['level', ['level', 'levels', 'rating']],
      ['owner', ['owner', 'assignee', 'o']],
      ['control', ['control', 'controls', 'ctrl', 'ref', 'c']],
      ['standard', ['standard', 'standards', 'std', 'iso', 's']],
      ['status', ['status', 'state']],
      ['page', ['page', 'p']],
    ] as const
  ).flatMap(([field, names]) => names.map((n) => [normaliseKey(n), field] as [string, string])),
);

export const FILTER_HELP = 'mine, open, all, closed, accepted, a level (low, medium, high, critical, high+ or unrated), owner=@name, control=A.5.15, standard=27001|42001, page=2';

function parseLevels(raw: string): Array<Level | 'unrated'> {
  const out = new Set<Level | 'unrated'>();
  for (const part of raw.toLowerCase().split(/[,\s]+/).filter(Boolean)) {
    const plus = part.endsWith('+');
    const word = part.replace(/\+$/, '').replace(/^med$/, 'medium').replace(/^crit$/, 'critical');
    if (word === 'unrated' || word === 'none') {
      out.add('unrated');
      continue;
    }
    const i = (LEVELS as readonly string[]).indexOf(word);
    if (i < 0) throw new UserError('BAD_INPUT', `level must be low, medium, high or critical (add + for "and above", e.g. high+), or unrated. "${cleanLine(part).slice(0, 20)}" is none of these.`);
    for (const l of plus ? LEVELS.slice(i) : [LEVELS[i]!]) out.add(l);
  }
  return [...out];
}

function parseStatuses(raw: string): RiskStatus[] {
  const out: RiskStatus[] = [];
  for (const part of raw.toLowerCase().split(/[,\s]+/).filter(Boolean)) {
    if (!(RISK_STATUSES as readonly string[]).includes(part)) throw new UserError('BAD_INPUT', `status must be ${RISK_STATUSES.join(', ')}. "${cleanLine(part).slice(0, 20)}" is none of these.`);
    out.push(part as RiskStatus);
  }
  return out;
}

export function parseFilter(args: string, kb: KnowledgeBase, me: Person): RiskFilter {
  const parsed = parseArgs(args, LIST_ALIASES);
  const filter: RiskFilter = { mine: false, page: 1 };
  const add = <T>(list: T[] | undefined, items: T[]): T[] => [...new Set([...(list ?? []), ...items])];
  const problems: string[] = [];
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof UserError) problems.push(err.message);
      else throw err;
    }
  };
  for (const w of parsed.words) {
    const word = w.text.toLowerCase();
    attempt(() => {
      if (word === 'mine' || word === 'my') filter.mine = true;
      else if (word === 'open') filter.statuses = add(filter.statuses, ['open', 'treating'] as RiskStatus[]);
      else if (word === 'all') filter.statuses = [...RISK_STATUSES];
      else if ((RISK_STATUSES as readonly string[]).includes(word)) filter.statuses = add(filter.statuses, [word as RiskStatus]);
      else if (word === '27001' || word === '42001') filter.standards = add(filter.standards, [word as Standard]);
      else if (/^(low|medium|high|critical|unrated)\+?$/.test(word)) filter.levels = add(filter.levels, parseLevels(word));
      else {
        const guess = closest(word, ['mine', 'open', 'all', 'closed', 'accepted', 'treating', 'low', 'medium', 'high', 'critical', 'unrated']);
        throw new UserError('BAD_INPUT', `"${cleanLine(w.text).slice(0, 30)}" is not a filter${guess ? ` (did you mean ${guess}?)` : ''}.`);
      }
    });
  }
  for (const f of parsed.fields) {
    attempt(() => {
      if (f.field === 'level') filter.levels = add(filter.levels, parseLevels(f.value));
      else if (f.field === 'owner') {
        const owner = parseOwner(f.value, me);
        if (!owner) throw new UserError('BAD_INPUT', 'owner= needs a name, e.g. owner=@sam or owner=me.');
        filter.owner = owner;
      } else if (f.field === 'control') filter.controls = add(filter.controls, resolveControls(kb, splitControls(f.value) ?? []));
      else if (f.field === 'standard') filter.standards = add(filter.standards, parseStandards(f.value));
      else if (f.field === 'status') filter.statuses = add(filter.statuses, parseStatuses(f.value));
      else if (f.field === 'page') {
        const n = Number(f.value);
        if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UserError('BAD_INPUT', `page must be a whole number from 1, not "${cleanLine(f.value).slice(0, 20)}".`);
        filter.page = n;
      }
    });
  }
  for (const u of parsed.unknown) problems.push(`"${cleanLine(u.key).slice(0, 30)}" is not a filter.`);
  if (problems.length) throw new UserError('BAD_INPUT', problems.join(' '), `Filters: ${FILTER_HELP}.`);
  return filter;
}

const sameId = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function matches(filter: RiskFilter, risk: Risk, me: Person): boolean {
  if (filter.mine && !(sameId(risk.reporter.id, me.id) || (risk.owner && sameId(risk.owner.id, me.id)))) return false;
  if (filter.statuses ? !filter.statuses.includes(risk.status) : risk.status === 'closed') return false;
  if (filter.levels && !filter.levels.includes(risk.rating?.level ?? 'unrated')) return false;
  if (filter.owner && !(risk.owner && (sameId(risk.owner.id, filter.owner.id) || sameId(risk.owner.name, filter.owner.name)))) return false;
  if (filter.controls && !filter.controls.some((c) => risk.controls.includes(c))) return false;
  if (filter.standards && !filter.standards.some((s) => risk.standards.includes(s))) return false;
  return true;
}

/** Highest rated first (unrated after rated ones), then newest first. */
export function byPriority(a: Risk, b: Risk): number {
  const sa = a.rating?.score ?? 0;
  const sb = b.rating?.score ?? 0;
  if (sa !== sb) return sb - sa;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1;
}

/** The filters as they would be typed, without the page: `mine open level=high,critical`. */
export function filterArgs(filter: RiskFilter): string {
  const parts: string[] = [];
  if (filter.mine) parts.push('mine');
  if (filter.statuses) parts.push(filter.statuses.length === RISK_STATUSES.length ? 'all' : `status=${filter.statuses.join(',')}`);
  if (filter.levels) parts.push(`level=${filter.levels.join(',')}`);
  if (filter.owner) parts.push(`owner=${/\s/.test(filter.owner.id) ? `"${filter.owner.id}"` : filter.owner.id}`);
  if (filter.controls) parts.push(`control=${filter.controls.join(',')}`);
  if (filter.standards) parts.push(`standard=${filter.standards.join(',')}`);
  return parts.join(' ');
}

/** How the filter reads in a list's heading: `mine, open or treating, level high`. */
export function filterText(filter: RiskFilter): string {
  const parts: string[] = [];
  if (filter.mine) parts.push('owned or logged by you');
  parts.push(filter.statuses ? (filter.statuses.length === RISK_STATUSES.length ? 'every status' : `status ${filter.statuses.join(' or ')}`) : 'not closed');
  if (filter.levels) parts.push(`level ${filter.levels.join(' or ')}`);
  if (filter.owner) parts.push(`owner ${filter.owner.name}`);
  if (filter.controls) parts.push(`control ${filter.controls.map((c) => c.replace(':', ' ')).join(' or ')}`);
  if (filter.standards) parts.push(`standard ${filter.standards.join(' or ')}`);
  return parts.join(', ');
}
