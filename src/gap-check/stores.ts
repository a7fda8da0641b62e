/**
 * Where gap checks live, over the store port:
 * - `gapcheck-sessions` (expiring, never listed): one key per user per conversation, rewritten after
 *   every step with a 7-day TTL. Records are stored as plain JSON and re-parsed by `readSession`, so
 *   an old or damaged record is closed politely instead of crashing or vanishing silently.
 * - `gapcheck-results` (listed, no TTL): one key per completed check, `<platform>:<workspace>:<id>`,
 *   so a workspace's history is a prefix listing and nobody's results cross workspaces.
 * - `gapcheck-logged` (listed, no TTL): one key per gap logged as a risk, so a second click finds
 *   the risk already made (the register's idempotency key guards the write itself).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { resultSchema, type CheckResult } from './result.js';
import type { CheckScope, Session } from './session.js';
import { SESSION_TTL_MS } from './session.js';

/**
 * One id as a key part: URI-encoded, or a hash when long. Platform ids are usually short, but a key
 * over the store's byte bound is refused outright (an INTERNAL error on every message, since the
 * flow reads the session key on each one), so a long id must still give a short, stable part.
 */
const MAX_ID_PART = 200;
const enc = (s: string) => {
  const e = encodeURIComponent(s);
  return e.length <= MAX_ID_PART ? e : `h-${createHash('sha256').update(s).digest('hex').slice(0, 32)}`;
};

/** The key prefix of a workspace's results and logged gaps. */
export const scopePrefix = (scope: Pick<CheckScope, 'platform' | 'workspace'>) => `${scope.platform}:${enc(scope.workspace)}:`;

/** The one session key of a user in a conversation (never listed; see the module comment). */
export const sessionKey = (scope: CheckScope, userId: string) => `${scope.platform}:${enc(scope.workspace)}:${enc(scope.conversation)}:${enc(userId)}`;

export const loggedGapSchema = z.strictObject({
  resultId: z.string().max(20),
  questionId: z.string().max(40),
  riskId: z.string().min(1).max(60),
  riskTitle: z.string().max(300),
  at: z.iso.datetime({ offset: true }),
});
/** A gap already logged as a risk: what a second click on "log" finds. */
export type LoggedGap = z.infer<typeof loggedGapSchema>;

/** The gap check's reads and writes; keys stay inside the scope's platform and workspace. */
export interface GapCheckStores {
  /** The raw stored session (re-parse with `readSession`), or undefined. */
  loadSession(scope: CheckScope, userId: string): Promise<unknown>;
  saveSession(session: Session): Promise<void>;
  deleteSession(scope: CheckScope, userId: string): Promise<void>;
  putResult(result: CheckResult): Promise<void>;
  getResult(scope: CheckScope, id: string): Promise<CheckResult | undefined>;
  /** Every result in the workspace, newest first. */
  listResults(scope: CheckScope): Promise<CheckResult[]>;
  getLogged(scope: CheckScope, resultId: string, questionId: string): Promise<LoggedGap | undefined>;
  putLogged(scope: CheckScope, logged: LoggedGap): Promise<void>;
}

export function gapCheckStores(store: Store): GapCheckStores {
  // The session is validated by readSession (which can migrate or explain), not by the collection.
  const sessions = store.collection('gapcheck-sessions', z.unknown(), { expiring: true });
  const results = store.collection('gapcheck-results', resultSchema);
  const logged = store.collection('gapcheck-logged', loggedGapSchema);
  const resultKey = (scope: CheckScope, id: string) => `${scopePrefix(scope)}${id}`;
  const loggedKey = (scope: CheckScope, resultId: string, questionId: string) => `${scopePrefix(scope)}${resultId}:${questionId}`;
  return {
    loadSession: (scope, userId) => sessions.get(sessionKey(scope, userId)),
    saveSession: (s) => sessions.set(sessionKey(s.scope, s.user.id), s, SESSION_TTL_MS),
    deleteSession: (scope, userId) => sessions.delete(sessionKey(scope, userId)),
    putResult: (r) => results.set(resultKey(r.scope, r.id), r),
    getResult: (scope, id) => results.get(resultKey(scope, id)),
    listResults: async (scope) => {
      const all = await results.list(scopePrefix(scope));
      return all.map((x) => x.value).sort((a, b) => b.completedAt.localeCompare(a.completedAt) || b.id.localeCompare(a.id));
    },
    getLogged: (scope, resultId, questionId) => logged.get(loggedKey(scope, resultId, questionId)),
    putLogged: (scope, l) => logged.set(loggedKey(scope, l.resultId, l.questionId), l),
  };
}
