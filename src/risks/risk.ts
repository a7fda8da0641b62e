/**
 * A risk as stored and as folded. Stored records are validated with zod when read, so a record
 * written by an older or broken version is skipped and logged, never shown half-parsed.
 *
 * Storage shape (design.md, "Storage"): a risk is its creation record (one key) plus change events
 * (one key each, appended, never rewritten by another writer). The current state is `foldRisk` of
 * the creation record and its events in time order, so no writer can erase another's change.
 */
import { z } from 'zod';
import { refSchema, STANDARDS, type Standard } from '../knowledge/schema.js';
import { rate, type Level } from './matrix.js';

export const RISK_STATUSES = ['open', 'treating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const TREATMENTS = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export type Treatment = (typeof TREATMENTS)[number];

/** Bounds on user text. Longer input is refused with a message, never cut silently. */
export const LIMITS = {
  title: 200,
  description: 2000,
  treatmentPlan: 1000,
  reason: 500,
  personName: 80,
  personId: 120,
  controls: 20,
  channel: 200,
  messageLink: 1000,
  source: 200,
} as const;

const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rating = z.number().int().min(1).max(5);

export const personSchema = z.object({
  id: z.string().min(1).max(LIMITS.personId),
  name: z.string().min(1).max(LIMITS.personName),
});
export type Person = z.infer<typeof personSchema>;

/** The fields of a risk that change over its life; history lines name them. */
export const riskFieldsSchema = z.object({
  title: z.string().min(1).max(LIMITS.title),
  description: z.string().max(LIMITS.description).nullable(),
  standards: z.array(z.enum(STANDARDS)),
  controls: z.array(refSchema).max(LIMITS.controls),
  likelihood: rating.nullable(),
  impact: rating.nullable(),
  owner: personSchema.nullable(),
  treatment: z.enum(TREATMENTS).nullable(),
  treatmentPlan: z.string().max(LIMITS.treatmentPlan).nullable(),
  status: z.enum(RISK_STATUSES),
  due: dateSchema.nullable(),
  residualLikelihood: rating.nullable(),
  residualImpact: rating.nullable(),
});
export type RiskFields = z.infer<typeof riskFieldsSchema>;
export type RiskFieldName = keyof RiskFields;
export const RISK_FIELD_NAMES = Object.keys(riskFieldsSchema.shape) as RiskFieldName[];

/** A change to some fields; `null` clears a field. */
export type RiskChanges = Partial<RiskFields>;

export const riskOriginSchema = z.object({
  platform: z.enum(['slack', 'teams', 'cli']),
  workspace: z.string().min(1).max(200),
  channel: z.string().max(LIMITS.channel).optional(),
  messageLink: z.string().max(LIMITS.messageLink).optional(),
  source: z.string().max(LIMITS.source).optional(),
});
export type StoredOrigin = z.infer<typeof riskOriginSchema>;

/** The creation record: one key per risk, `<scope>/<id>` in the `risks` collection. */
export const riskCreatedSchema = z.object({
  v: z.literal(1),
  id: z.string().regex(/^R-[0-9A-Z]{1,16}$/),
  /** The creation's unique id (a hash of the source event when there is one). */
  uid: z.string().min(8).max(80),
  scope: z.string().min(1),
  fields: riskFieldsSchema,
  /** Controls the knowledge base suggested when none were given, kept so the card stays stable. */
  suggestedControls: z.array(refSchema),
  reporter: personSchema,
  origin: riskOriginSchema,
  createdAt: isoTime,
});
export type RiskCreated = z.infer<typeof riskCreatedSchema>;

export const RISK_EVENT_TYPES = ['update', 'close', 'accept', 'undo'] as const;
export type RiskEventType = (typeof RISK_EVENT_TYPES)[number];

/** A change event: one key each, `<scope>/<id>/<event key>` in the `risk-events` collection. */
export const riskEventSchema = z.object({
  v: z.literal(1),
  riskId: z.string(),
  scope: z.string().min(1),
  type: z.enum(RISK_EVENT_TYPES),
  /**
   * A Lamport clock: one more than the highest `seq` the author had seen. Orders a change after
   * every change its author saw, whatever the clocks of the machines say; concurrent changes (same
   * seq) are ordered by time, then key.
   */
  seq: z.number().int().min(1),
  at: isoTime,
  by: personSchema,
  /** Why the author may do this: `owner`, `reporter` or `risk admin`. */
  role: z.string().max(40).optional(),
  /** The new values. */
  set: riskFieldsSchema.partial(),
  /** The values the author saw before the change (for the history line). */
  from: riskFieldsSchema.partial(),
  reason: z.string().max(LIMITS.reason).optional(),
  /** For `accept`: what was accepted. */
  accepted: z.object({ likelihood: rating, impact: rating, score: z.number().int(), level: z.string() }).optional(),
});
export type RiskEvent = z.infer<typeof riskEventSchema>;

/** Which risk a retried creation already made: `<scope>/<uid>` in `risk-requests`. */
export const riskRequestSchema = z.object({ id: z.string(), at: isoTime });

/** A claim on an id, `<scope>/<id>/<uid>` in `risk-ids`; never deleted (see `register.ts`). */
export const riskIdClaimSchema = z.object({ uid: z.string(), at: isoTime });

export interface Rating {
  score: number;
  level: Level;
}

/** One line of history, already in the order it happened. */
export interface HistoryEntry {
  at: string;
  by: Person;
  role?: string;
  type: 'create' | RiskEventType;
  changes: Array<{ field: RiskFieldName; from: unknown; to: unknown }>;
  reason?: string;
  accepted?: RiskEvent['accepted'];
}

/** The current state of a risk, folded from its creation record and events. */
export interface Risk extends RiskFields {
  id: string;
  scope: string;
  reporter: Person;
  origin: StoredOrigin;
  suggestedControls: string[];
  createdAt: string;
  updatedAt: string;
  /** The highest event `seq` folded in (0 for a risk never changed); a new change takes one more. */
  version: number;
  rating: Rating | null;
  residualRating: Rating | null;
  /** The last acceptance of the residual risk, while the status is `accepted`. */
  acceptance?: { by: Person; role?: string; at: string; likelihood: number; impact: number; score: number; level: string };
  /** Why and by whom it was closed, while the status is `closed`. */
  closure?: { by: Person; at: string; reason: string };
  /** Set when the reporter undid the creation; the risk stays on record but out of lists. */
  withdrawn?: { by: Person; at: string };
  history: HistoryEntry[];
}

export function standardsOf(refs: readonly string[]): Standard[] {
  const out = new Set<Standard>();
  for (const r of refs) {
    const s = r.split(':')[0];
    if (s === '27001' || s === '42001') out.add(s);
  }
  return [...out].sort();
}

/** Events in the order they happened: by `seq`, then time, then key, so every reader folds the same way. */
export function orderEvents(events: ReadonlyArray<{ key: string; value: RiskEvent }>): RiskEvent[] {
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return [...events].sort((a, b) => cmp(a.value.seq, b.value.seq) || cmp(a.value.at, b.value.at) || cmp(a.key, b.key)).map((e) => e.value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Applies events (already ordered) to a creation record. Pure. */
export function foldRisk(created: RiskCreated, events: readonly RiskEvent[]): Risk {
  const fields: RiskFields = { ...created.fields };
  const history: HistoryEntry[] = [
    {
      at: created.createdAt,
      by: created.reporter,
      type: 'create',
      changes: (Object.keys(created.fields) as RiskFieldName[])
        .filter((f) => f !== 'status' && !sameValue(created.fields[f], f === 'standards' || f === 'controls' ? [] : null))
        .map((f) => ({ field: f, from: null, to: created.fields[f] })),
    },
  ];
  let acceptance: Risk['acceptance'];
  let closure: Risk['closure'];
  let withdrawn: Risk['withdrawn'];
  let updatedAt = created.createdAt;
  let version = 0;
  for (const e of events) {
    if (e.riskId !== created.id || e.scope !== created.scope) continue;
    version = Math.max(version, e.seq);
    const changes: HistoryEntry['changes'] = [];
    for (const f of Object.keys(e.set) as RiskFieldName[]) {
      const to = e.set[f];
      if (to === undefined) continue;
      changes.push({ field: f, from: f in e.from ? e.from[f] : fields[f], to });
      (fields as Record<string, unknown>)[f] = to;
    }
    if (e.type === 'accept' && e.accepted) acceptance = { by: e.by, ...(e.role ? { role: e.role } : {}), at: e.at, ...e.accepted };
    if (e.type === 'close') closure = { by: e.by, at: e.at, reason: e.reason ?? '' };
    if (e.type === 'undo') withdrawn = { by: e.by, at: e.at };
    if (fields.status !== 'accepted') acceptance = undefined;
    if (fields.status !== 'closed') closure = undefined;
    if (e.at > updatedAt) updatedAt = e.at;
    history.push({ at: e.at, by: e.by, ...(e.role ? { role: e.role } : {}), type: e.type, changes, ...(e.reason ? { reason: e.reason } : {}), ...(e.accepted ? { accepted: e.accepted } : {}) });
  }
  return {
    ...fields,
    id: created.id,
    scope: created.scope,
    reporter: created.reporter,
    origin: created.origin,
    suggestedControls: created.suggestedControls,
    createdAt: created.createdAt,
    updatedAt,
    version,
    rating: rate(fields.likelihood, fields.impact),
    residualRating: rate(fields.residualLikelihood, fields.residualImpact),
    ...(acceptance ? { acceptance } : {}),
    ...(closure ? { closure } : {}),
    ...(withdrawn ? { withdrawn } : {}),
    history,
  };
}
