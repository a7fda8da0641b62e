/**
 * A gap-check session: the interview in progress, as validated, versioned, serialisable data. It is
 * stored as plain JSON after every step and re-parsed here whenever it is loaded, so what the
 * engine sees is always well-formed, whatever is in the store.
 *
 * Reading a stored session (`readSession`) never throws. It gives back a usable session, migrated
 * to the current questionnaire when the questions changed since it was saved, or a polite reason
 * why it cannot be resumed (expired, saved by another format version, unreadable, check withdrawn).
 */
import { z } from 'zod';
import { ANSWER_VALUES } from './answers.js';
import type { QuestionnaireSet } from './load-questionnaires.js';
import type { Questionnaire } from './questionnaire.js';

/** The stored format's version. Raise it when the shape changes and add a migration below. */
export const SESSION_VERSION = 1;

/** A check can be resumed for this long after its last answer. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const SESSION_ID_PATTERN = /^GC-[0-9A-Z]{6,12}$/;

const isoTime = z.iso.datetime({ offset: true });

/**
 * The longest platform id (workspace, conversation, user) a check accepts. Generous on purpose (a
 * Teams chat id can be long): an id the schema refused would close every check politely and fail
 * every result write. Store keys stay short regardless, since `stores.ts` hashes long ids.
 */
export const PLATFORM_ID_MAX = 1000;
export const scopeSchema = z.strictObject({
  platform: z.enum(['slack', 'teams', 'cli']),
  workspace: z.string().min(1).max(PLATFORM_ID_MAX),
  conversation: z.string().min(1).max(PLATFORM_ID_MAX),
});
/** Where a check runs: results are shared within the workspace, sessions are per conversation. */
export type CheckScope = z.infer<typeof scopeSchema>;

export const sessionSchema = z.strictObject({
  v: z.literal(SESSION_VERSION),
  /** Also the id of the result it becomes, so finishing twice writes the same record. */
  id: z.string().regex(SESSION_ID_PATTERN),
  checkId: z.string().min(1).max(40),
  checkVersion: z.number().int().min(1),
  scope: scopeSchema,
  user: z.strictObject({ id: z.string().min(1).max(PLATFORM_ID_MAX), name: z.string().max(200) }),
  startedAt: isoTime,
  updatedAt: isoTime,
  /** The question being asked, by id; null once the end is reached with questions left unanswered. */
  current: z.string().min(1).max(40).nullable(),
  answers: z.record(z.string().min(1).max(40), z.enum(ANSWER_VALUES)),
  /** Questions passed over with `skip`, in the order they were skipped. */
  skipped: z.array(z.string().min(1).max(40)).max(50),
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * Upgrades from older stored formats, keyed by the version they upgrade from. Empty while version 1
 * is the only format ever written; a session in a format without a path here is closed politely.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export type ClosedReason = 'expired' | 'other-version' | 'unreadable' | 'check-withdrawn';

export type SessionRead =
  | { status: 'ok'; session: Session; questionnaire: Questionnaire; /** Set when the session was moved to new questions. */ note?: string }
  | { status: 'closed'; reason: ClosedReason; checkTitle?: string; answered?: number };

/** What a closed session tells the person, in one or two sentences. */
export function closedMessage(r: Extract<SessionRead, { status: 'closed' }>): string {
  const what = r.checkTitle ? `your ${r.checkTitle}` : 'your readiness check';
  const lost = r.answered ? ` Its ${r.answered} answer${r.answered === 1 ? '' : 's'} could not be kept.` : '';
  switch (r.reason) {
    case 'expired':
      return `${capital(what)} was last touched more than 7 days ago, so it has expired.${lost}`;
    case 'other-version':
      return `${capital(what)} was saved by a different version of Annex and cannot be resumed.${lost}`;
    case 'check-withdrawn':
      return `${capital(what)} is no longer offered, so it cannot be resumed.${lost}`;
    case 'unreadable':
      return `I could not read ${what} back from storage, so it cannot be resumed.${lost}`;
  }
}

const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** Moves a session to another version of its questionnaire, keeping answers by question id. */
export function moveToQuestionnaire(s: Session, q: Questionnaire): { session: Session; kept: number; dropped: number } {
  const ids = new Set(q.questions.map((x) => x.id));
  const answers = Object.fromEntries(Object.entries(s.answers).filter(([id]) => ids.has(id)));
  const dropped = Object.keys(s.answers).length - Object.keys(answers).length;
  const skipped = s.skipped.filter((id) => ids.has(id) && answers[id] === undefined);
  const firstOpen = q.questions.find((x) => answers[x.id] === undefined)?.id ?? null;
  const current = s.current && ids.has(s.current) ? s.current : firstOpen;
  return { session: { ...s, checkVersion: q.version, answers, skipped, current }, kept: Object.keys(answers).length, dropped };
}

/** Re-parses a stored session; see the module contract. Pure. */
export function readSession(raw: unknown, questionnaires: QuestionnaireSet, now: Date): SessionRead {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { status: 'closed', reason: 'unreadable' };
  let record = raw as Record<string, unknown>;
  const hint = hintsOf(record, questionnaires);
  let v = record.v;
  while (typeof v === 'number' && v < SESSION_VERSION && MIGRATIONS[v]) {
    record = MIGRATIONS[v]!(record);
    v = record.v;
  }
  if (v !== SESSION_VERSION) return { status: 'closed', reason: 'other-version', ...hint };
  const parsed = sessionSchema.safeParse(record);
  if (!parsed.success) return { status: 'closed', reason: 'unreadable', ...hint };
  const session = parsed.data;
  if (now.getTime() - Date.parse(session.updatedAt) > SESSION_TTL_MS) return { status: 'closed', reason: 'expired', ...hint };
  const q = questionnaires.byId.get(session.checkId);
  if (!q) return { status: 'closed', reason: 'check-withdrawn', ...hint };
  if (session.checkVersion === q.version) {
    // A current id that is not in the questionnaire would strand the interview: treat as unreadable.
    if (session.current !== null && !q.questions.some((x) => x.id === session.current)) return { status: 'closed', reason: 'unreadable', ...hint };
    return { status: 'ok', session, questionnaire: q };
  }
  const moved = moveToQuestionnaire(session, q);
  const note = `The questions of this check were updated since you started (version ${session.checkVersion} to ${q.version}). I kept ${moved.kept} of your answers${moved.dropped ? `; ${moved.dropped} belonged to questions that changed` : ''}.`;
  return { status: 'ok', session: moved.session, questionnaire: q, note };
}

/** What can be said about an unusable record: the check's title and how many answers it held. */
function hintsOf(record: Record<string, unknown>, questionnaires: QuestionnaireSet): { checkTitle?: string; answered?: number } {
  const title = typeof record.checkId === 'string' ? questionnaires.byId.get(record.checkId)?.title : undefined;
  const answers = record.answers;
  const answered = typeof answers === 'object' && answers !== null ? Object.keys(answers).length : undefined;
  return { ...(title ? { checkTitle: title } : {}), ...(answered ? { answered } : {}) };
}
