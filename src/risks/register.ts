/**
 * The risk register service over the `Store` port.
 *
 * Storage (design.md, "Storage (keyv)"); four listed collections, none with a TTL:
 * - `risks`          `<scope>/<id>`            the creation record, written once per risk;
 * - `risk-events`    `<scope>/<id>/<event>`    one key per change, appended, never rewritten by
 *                                               another change; state = fold(creation, events);
 * - `risk-ids`       `<scope>/<id>/<uid>`      claims on ids (below); never deleted;
 * - `risk-requests`  `<scope>/<uid>`           which risk a source event created (idempotency).
 * `<scope>` is the platform and workspace: every key of a workspace starts with it, and nothing is
 * ever read outside the actor's own scope, so workspaces never see each other's risks.
 *
 * Unique ids without a counter: a creation has a uid (random, or a hash of its source event) and
 * derives candidate ids from it. It writes a claim `<id>/<uid>` under its own key, then lists the
 * claims on that id; if anyone else has claimed it, it steps back to the next candidate. Whichever
 * of two rivals lists last sees both claims, so two creations can never both keep one id (both
 * may step back; the id is then simply unused). Claims are never deleted, so listings are stable.
 *
 * Idempotency: with a source event key, the uid (and so the candidate ids and every key written)
 * is the same on a retried delivery, which finds `risk-requests` and returns the risk it made. A
 * retried update or close rewrites its own event key instead of appending a second event.
 *
 * Rules: anyone may log and view risks in their workspace; only the owner, the reporter or a risk
 * admin (`ANNEX_RISK_ADMINS`) may update, close or accept; only the reporter may undo, shortly after
 * logging and before anyone else changed it.
 */
import { randomUUID } from 'node:crypto';
import { isRiskAdmin, type CoreConfig } from '../config.js';
import { UserError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeSearch } from '../knowledge/search.js';
import { STANDARDS, type Standard } from '../knowledge/schema.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { cleanLine } from './clean-text.js';
import { resolveControls, suggestControls } from './controls.js';
import { parseBlock, parseDue, parseRating, parseTitle, parseTreatment } from './field-values.js';
import { LEVEL_NAMES } from './matrix.js';
import type { NewRiskInput, RiskActor, RiskRegisterPort } from './register-port.js';
import {
  foldRisk,
  LIMITS,
  orderEvents,
  riskCreatedSchema,
  riskEventSchema,
  riskIdClaimSchema,
  riskRequestSchema,
  standardsOf,
  type Person,
  type Risk,
  type RiskChanges,
  type RiskCreated,
  type RiskEvent,
  type RiskFieldName,
  type RiskFields,
} from './risk.js';
import { candidateId, DEFAULT_ID_LENGTH, parseRiskIds, shortHash } from './risk-ids.js';

/** What the register needs; `BotDeps` satisfies it, so `createRiskRegister(ctx.deps)` works. */
export interface RiskRegisterDeps {
  store: Store;
  knowledge: KnowledgeBase;
  search: KnowledgeSearch;
  config: Pick<CoreConfig, 'ANNEX_RISK_ADMINS'>;
  clock: () => Date;
  logger?: Logger;
}

/** Tuning for tests; production uses the defaults. */
export interface RiskRegisterOptions {
  /** Characters in a new id after `R-` (tests use 1 to force clashes). */
  idLength?: number;
  /** How long after logging the reporter may undo. */
  undoWindowMs?: number;
}

/** The reporter may undo a risk this long after logging it. */
export const UNDO_WINDOW_MS = 15 * 60 * 1000;
const MAX_ID_ATTEMPTS = 60;

/** Why someone may change a risk; recorded with each change. */
export type RiskRole = 'owner' | 'reporter' | 'risk admin';

/** The whole register service; other capabilities should depend on `RiskRegisterPort` only. */
export interface RiskRegister extends RiskRegisterPort {
  /** `add` with the whole stored risk, and whether this call created it (false on a retry). */
  create(actor: RiskActor, input: NewRiskInput, idempotencyKey?: string): Promise<{ risk: Risk; created: boolean }>;
  /** A risk of the actor's workspace by id as typed (`r-7k3f` works), withdrawn ones included. */
  get(actor: RiskActor, id: string): Promise<Risk | undefined>;
  /** Every risk of the actor's workspace, withdrawn ones only on request. */
  list(actor: RiskActor, options?: { includeWithdrawn?: boolean }): Promise<Risk[]>;
  update(actor: RiskActor, id: string, changes: RiskChanges, idempotencyKey?: string): Promise<{ risk: Risk; changed: RiskFieldName[] }>;
  close(actor: RiskActor, id: string, reason: string, idempotencyKey?: string): Promise<Risk>;
  accept(actor: RiskActor, id: string, idempotencyKey?: string): Promise<Risk>;
  undo(actor: RiskActor, id: string, idempotencyKey?: string): Promise<Risk>;
  /** Why the actor may change this risk, or undefined when they may not. */
  roleOf(actor: RiskActor, risk: Risk): RiskRole | undefined;
}

/** The key prefix of a workspace: platform and workspace id, encoded so no id can reach into another. */
export function scopeOf(actor: Pick<RiskActor, 'platform' | 'workspace'>): string {
  const ws = encodeURIComponent(actor.workspace);
  return `${actor.platform}.${ws.length <= 80 ? ws : `h-${shortHash(actor.workspace, 32)}`}`;
}

const sameId = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const personOf = (actor: RiskActor): Person => ({ id: actor.userId.slice(0, LIMITS.personId), name: cleanLine(actor.userName).slice(0, LIMITS.personName) || actor.userId.slice(0, LIMITS.personName) });

function cleanPerson(p: { id: string; name: string }): Person {
  const id = cleanLine(p.id).slice(0, LIMITS.personId);
  const name = cleanLine(p.name).slice(0, LIMITS.personName);
  if (!id) throw new UserError('BAD_INPUT', 'The owner has no id.');
  return { id, name: name || id };
}

function rating(field: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact', value: number | null | undefined): number | null {
  return value === undefined || value === null ? null : parseRating(field, String(value));
}

function checkStandards(list: readonly string[] | undefined): Standard[] {
  const bad = (list ?? []).filter((s) => !(STANDARDS as readonly string[]).includes(s));
  if (bad.length) throw new UserError('BAD_INPUT', `standard must be 27001 or 42001, not ${bad.map((b) => `"${cleanLine(b).slice(0, 20)}"`).join(', ')}.`);
  return [...new Set(list as Standard[])].sort();
}

/**
 * Runs synchronous CPU work (ranking controls takes tens of milliseconds) one job per event-loop
 * turn. A burst of adds then lets store replies in between instead of running every ranking back
 * to back while the store's answers (and their time limits) wait behind them.
 */
function takingTurns(): <T>(job: () => T) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => T): Promise<T> => {
    const run = last.then(
      () =>
        new Promise<T>((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(job());
            } catch (err) {
              reject(err);
            }
          }),
        ),
    );
    last = run.catch(() => undefined);
    return run;
  };
}

/** A new register over `deps.store` (see the module contract); apps share one via `riskRegisterFor`. */
export function createRiskRegister(deps: RiskRegisterDeps, options: RiskRegisterOptions = {}): RiskRegister {
  const risks = deps.store.collection('risks', riskCreatedSchema);
  const events = deps.store.collection('risk-events', riskEventSchema);
  const claims = deps.store.collection('risk-ids', riskIdClaimSchema);
  const requests = deps.store.collection('risk-requests', riskRequestSchema);
  const idLength = options.idLength ?? DEFAULT_ID_LENGTH;
  const undoWindowMs = options.undoWindowMs ?? UNDO_WINDOW_MS;
  const nowIso = () => deps.clock().toISOString();
  const inTurn = takingTurns();

  async function claimId(scope: string, uid: string): Promise<string> {
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt += 1) {
      const id = candidateId(uid, attempt, idLength);
      const existing = await risks.get(`${scope}/${id}`);
      if (existing && existing.uid !== uid) continue;
      await claims.set(`${scope}/${id}/${uid}`, { uid, at: nowIso() });
      const rivals = (await claims.list(`${scope}/${id}/`)).filter((c) => c.value.uid !== uid);
      if (rivals.length === 0) return id;
      deps.logger?.debug({ id, attempt }, 'risk id claimed concurrently; trying the next candidate');
    }
    throw new Error(`no free risk id after ${MAX_ID_ATTEMPTS} attempts`);
  }

  async function load(scope: string, id: string): Promise<Risk | undefined> {
    const created = await risks.get(`${scope}/${id}`);
    if (!created || created.scope !== scope || created.id !== id) return undefined;
    const evts = await events.list(`${scope}/${id}/`);
    return foldRisk(created, orderEvents(evts));
  }

  async function find(actor: RiskActor, typed: string): Promise<Risk | undefined> {
    const scope = scopeOf(actor);
    for (const id of parseRiskIds(typed)) {
      const r = await load(scope, id);
      if (r) return r;
    }
    return undefined;
  }

  async function mustFind(actor: RiskActor, typed: string): Promise<Risk> {
    const risk = await find(actor, typed);
    const shown = cleanLine(typed).slice(0, 20);
    if (!risk) throw new UserError('NOT_FOUND', `There is no risk "${shown}" in this workspace's register.`, 'Type "/risk list" to see the ids (they look like R-7K3F).');
    if (risk.withdrawn) throw new UserError('NOT_FOUND', `${risk.id} was withdrawn by ${risk.withdrawn.by.name} right after it was logged (undo), so it cannot be changed.`, 'Log it again with /risk add if it is a risk after all.');
    return risk;
  }

  function roleOf(actor: RiskActor, risk: Risk): RiskRole | undefined {
    if (risk.owner && sameId(risk.owner.id, actor.userId)) return 'owner';
    if (sameId(risk.reporter.id, actor.userId)) return 'reporter';
    if (isRiskAdmin(deps.config, actor.workspace, actor.userId)) return 'risk admin';
    return undefined;
  }

  function mayChange(actor: RiskActor, risk: Risk, verb: string): RiskRole {
    const role = roleOf(actor, risk);
    if (role) return role;
    throw new UserError(
      'FORBIDDEN',
      `Only ${risk.id}'s owner (${risk.owner ? risk.owner.name : 'none set yet'}), the person who logged it (${risk.reporter.name}) or a risk admin can ${verb} it.`,
      'Ask one of them, or ask whoever runs Annex to add you to ANNEX_RISK_ADMINS.',
    );
  }

  async function append(actor: RiskActor, risk: Risk, event: Omit<RiskEvent, 'v' | 'riskId' | 'scope' | 'seq' | 'at' | 'by'>, idempotencyKey?: string): Promise<Risk> {
    const at = nowIso();
    const suffix = idempotencyKey ? `k-${shortHash(`${risk.scope}\n${idempotencyKey}`, 32)}` : `${at.replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
    const key = `${risk.scope}/${risk.id}/${suffix}`;
    // A retry that arrives after later changes must not rewrite its event over them: once the
    // keyed event exists, the change is done. (Deliveries at the same moment rewrite the same key.)
    if (idempotencyKey && (await events.get(key)) !== undefined) return (await load(risk.scope, risk.id))!;
    await events.set(key, { v: 1, riskId: risk.id, scope: risk.scope, seq: risk.version + 1, at, by: personOf(actor), ...event });
    // Read back rather than fold locally, so the reply includes changes made at the same moment.
    return (await load(risk.scope, risk.id))!;
  }

  /** Validated, normalised field values for a change; controls resolved against the knowledge base. */
  function normalise(changes: RiskChanges, current?: Pick<RiskFields, 'standards'>): RiskChanges {
    const out: RiskChanges = {};
    if (changes.title !== undefined) out.title = parseTitle(changes.title);
    if (changes.description !== undefined) out.description = changes.description === null ? null : parseBlock('description', changes.description, LIMITS.description);
    if (changes.treatmentPlan !== undefined) out.treatmentPlan = changes.treatmentPlan === null ? null : parseBlock('plan', changes.treatmentPlan, LIMITS.treatmentPlan);
    for (const f of ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] as const) if (changes[f] !== undefined) out[f] = rating(f, changes[f]);
    if (changes.owner !== undefined) out.owner = changes.owner === null ? null : cleanPerson(changes.owner);
    if (changes.treatment !== undefined) out.treatment = changes.treatment === null ? null : parseTreatment(changes.treatment);
    if (changes.due !== undefined) out.due = changes.due === null ? null : parseDue(changes.due, deps.clock());
    if (changes.status !== undefined) out.status = changes.status;
    if (changes.standards !== undefined) out.standards = checkStandards(changes.standards);
    if (changes.controls !== undefined) {
      out.controls = resolveControls(deps.knowledge, changes.controls, out.standards ?? current?.standards ?? []);
      // A control names its standard: the risk is then about that standard too.
      const implied = standardsOf(out.controls);
      const base = out.standards ?? current?.standards ?? [];
      if (implied.some((s) => !base.includes(s))) out.standards = [...new Set([...base, ...implied])].sort();
    }
    return out;
  }

  const register: RiskRegister = {
    roleOf,

    async create(actor, input, idempotencyKey) {
      const scope = scopeOf(actor);
      const uid = idempotencyKey ? `k-${shortHash(`${scope}\n${idempotencyKey}`, 32)}` : `r-${randomUUID()}`;
      if (idempotencyKey) {
        const prior = await requests.get(`${scope}/${uid}`);
        const risk = prior ? await load(scope, prior.id) : undefined;
        if (risk) return { risk, created: false };
      }
      if (typeof input.title !== 'string') throw new UserError('BAD_INPUT', 'A risk needs a title.');
      const n = normalise({
        title: input.title,
        description: input.description ?? null,
        treatmentPlan: input.treatmentPlan ?? null,
        likelihood: input.likelihood ?? null,
        impact: input.impact ?? null,
        residualLikelihood: input.residualLikelihood ?? null,
        residualImpact: input.residualImpact ?? null,
        owner: input.owner ?? null,
        treatment: input.treatment ?? null,
        due: input.due ?? null,
        standards: input.standards ?? [],
        controls: input.controls ?? [],
      });
      const fields: RiskFields = {
        title: n.title!,
        description: n.description ?? null,
        standards: n.standards ?? [],
        controls: n.controls ?? [],
        likelihood: n.likelihood ?? null,
        impact: n.impact ?? null,
        owner: n.owner ?? null,
        treatment: n.treatment ?? null,
        treatmentPlan: n.treatmentPlan ?? null,
        status: 'open',
        due: n.due ?? null,
        residualLikelihood: n.residualLikelihood ?? null,
        residualImpact: n.residualImpact ?? null,
      };
      const suggestedControls = fields.controls.length ? [] : await inTurn(() => suggestControls(deps.knowledge, deps.search, fields.title, fields.standards));
      const o = input.origin;
      const id = await claimId(scope, uid);
      const createdAt = nowIso();
      const created: RiskCreated = {
        v: 1,
        id,
        uid,
        scope,
        fields,
        suggestedControls,
        reporter: personOf(actor),
        origin: {
          // The origin's workspace is always the actor's: a caller cannot file into another workspace.
          platform: actor.platform,
          workspace: actor.workspace.slice(0, 200),
          ...(o?.channel ? { channel: o.channel.slice(0, LIMITS.channel) } : {}),
          ...(o?.messageLink ? { messageLink: o.messageLink.slice(0, LIMITS.messageLink) } : {}),
          ...(o?.source ? { source: o.source.slice(0, LIMITS.source) } : {}),
        },
        createdAt,
      };
      await risks.set(`${scope}/${id}`, created);
      if (idempotencyKey) await requests.set(`${scope}/${uid}`, { id, at: createdAt });
      deps.logger?.info({ riskId: id, scope }, 'risk logged');
      return { risk: foldRisk(created, []), created: true };
    },

    async add(actor, input, idempotencyKey) {
      const { risk } = await register.create(actor, input, idempotencyKey);
      return { id: risk.id, title: risk.title };
    },

    get: find,

    async list(actor, opts = {}) {
      const scope = scopeOf(actor);
      const [created, evts] = await Promise.all([risks.list(`${scope}/`), events.list(`${scope}/`)]);
      const byRisk = new Map<string, Array<{ key: string; value: RiskEvent }>>();
      for (const e of evts) {
        const list = byRisk.get(e.value.riskId) ?? [];
        list.push(e);
        byRisk.set(e.value.riskId, list);
      }
      return created
        .filter((c) => c.value.scope === scope && c.key === `${scope}/${c.value.id}`)
        .map((c) => foldRisk(c.value, orderEvents(byRisk.get(c.value.id) ?? [])))
        .filter((r) => opts.includeWithdrawn || !r.withdrawn);
    },

    async update(actor, id, changes, idempotencyKey) {
      const risk = await mustFind(actor, id);
      const role = mayChange(actor, risk, 'update');
      if (changes.status === 'accepted' || changes.status === 'closed') {
        throw new UserError('BAD_INPUT', changes.status === 'accepted' ? `To accept ${risk.id}, use /risk accept ${risk.id}.` : `To close ${risk.id}, use /risk close ${risk.id} <reason>.`);
      }
      const n = normalise(changes, risk);
      const set: RiskChanges = {};
      const from: RiskChanges = {};
      for (const f of Object.keys(n) as RiskFieldName[]) {
        if (same(n[f], risk[f])) continue;
        (set as Record<string, unknown>)[f] = n[f];
        (from as Record<string, unknown>)[f] = risk[f];
      }
      const changed = Object.keys(set) as RiskFieldName[];
      if (!changed.length) return { risk, changed };
      return { risk: await append(actor, risk, { type: 'update', role, set, from }, idempotencyKey), changed };
    },

    async close(actor, id, reason, idempotencyKey) {
      const risk = await mustFind(actor, id);
      const role = mayChange(actor, risk, 'close');
      const why = parseBlock('reason', reason, LIMITS.reason);
      if (!why) throw new UserError('BAD_INPUT', `Say why ${risk.id} is closed: /risk close ${risk.id} <reason>, e.g. "laptops now encrypted with BitLocker".`);
      if (risk.status === 'closed') throw new UserError('BAD_INPUT', `${risk.id} is already closed${risk.closure ? ` (by ${risk.closure.by.name}: ${risk.closure.reason})` : ''}.`, `To reopen it: /risk update ${risk.id} status=open`);
      return append(actor, risk, { type: 'close', role, set: { status: 'closed' }, from: { status: risk.status }, reason: why }, idempotencyKey);
    },

    async accept(actor, id, idempotencyKey) {
      const risk = await mustFind(actor, id);
      const role = mayChange(actor, risk, 'accept');
      if (risk.status === 'closed') throw new UserError('BAD_INPUT', `${risk.id} is closed, so there is no residual risk to accept.`, `To reopen it: /risk update ${risk.id} status=open`);
      if (risk.status === 'accepted' && risk.acceptance) {
        throw new UserError('BAD_INPUT', `${risk.id} was already accepted by ${risk.acceptance.by.name} on ${risk.acceptance.at.slice(0, 10)}.`, 'Change its residual rating or status first if it needs accepting again.');
      }
      const [l, i] = risk.residualRating ? [risk.residualLikelihood!, risk.residualImpact!] : [risk.likelihood, risk.impact];
      if (l === null || i === null) {
        throw new UserError('BAD_INPUT', `${risk.id} has no rating yet, so there is nothing definite to accept.`, `Rate it first: /risk update ${risk.id} residual_likelihood=2 residual_impact=3 (or likelihood and impact).`);
      }
      const score = l * i;
      const level = LEVEL_NAMES[risk.residualRating?.level ?? risk.rating!.level];
      return append(actor, risk, { type: 'accept', role, set: { status: 'accepted' }, from: { status: risk.status }, accepted: { likelihood: l, impact: i, score, level } }, idempotencyKey);
    },

    async undo(actor, id, idempotencyKey) {
      const risk = await find(actor, id);
      if (!risk) throw new UserError('NOT_FOUND', `There is no risk "${cleanLine(id).slice(0, 20)}" in this workspace's register.`);
      if (risk.withdrawn) return risk;
      if (!sameId(risk.reporter.id, actor.userId)) throw new UserError('FORBIDDEN', `Only ${risk.reporter.name}, who logged ${risk.id}, can undo it.`, `If it should go, its owner or a risk admin can close it: /risk close ${risk.id} <reason>.`);
      const age = deps.clock().getTime() - Date.parse(risk.createdAt);
      if (age > undoWindowMs) {
        throw new UserError('BAD_INPUT', `${risk.id} was logged more than ${Math.round(undoWindowMs / 60000)} minutes ago, so it can no longer be undone.`, `Close it instead, with the reason: /risk close ${risk.id} <reason>.`);
      }
      const byOthers = risk.history.find((h) => h.type !== 'create' && !sameId(h.by.id, actor.userId));
      if (byOthers) throw new UserError('BAD_INPUT', `${byOthers.by.name} has changed ${risk.id} since it was logged, so it can no longer be undone.`, `Close it instead, with the reason: /risk close ${risk.id} <reason>.`);
      return append(actor, risk, { type: 'undo', role: 'reporter', set: {}, from: {} }, idempotencyKey);
    },
  };
  return register;
}

const shared = new WeakMap<RiskRegisterDeps, RiskRegister>();

/**
 * The one register of an app (keyed by its deps): the `/risk` commands and the gap check's "log
 * gaps" share it, so both go through the same queue for control suggestions.
 */
export function riskRegisterFor(deps: RiskRegisterDeps): RiskRegister {
  let r = shared.get(deps);
  if (!r) {
    r = createRiskRegister(deps);
    shared.set(deps, r);
  }
  return r;
}
