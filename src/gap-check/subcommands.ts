/**
 * The `/gapcheck` subcommands as declarations: help is generated from these (see the intent).
 * The words the command actually dispatches on are in `service.ts`; `RESERVED_WORDS` in
 * `load-questionnaires.ts` keeps questionnaire aliases from shadowing them, and must list them all.
 */
import type { Subcommand } from '../intents/intent.js';

/** Every `/gapcheck` subcommand, in the order help lists them (`name: ''` is the bare command). */
export const GAPCHECK_SUBCOMMANDS: Subcommand[] = [
  { name: '', usage: '/gapcheck', description: 'The checks on offer (and the one in progress, if any).', sideEffects: 'none' },
  { name: 'start', usage: '/gapcheck <27001|42001|access control|suppliers|incidents|data|life cycle|impact assessment>', description: 'Start a check: one question at a time, saved as you go.', sideEffects: 'writes' },
  { name: 'for', usage: '/gapcheck for <ref>', description: 'Start the focused check that covers a clause or control (or the quick check of its standard).', sideEffects: 'writes' },
  { name: 'resume', usage: '/gapcheck resume', description: 'Continue your check in this conversation (kept 7 days after the last answer).', sideEffects: 'writes' },
  { name: 'restart', usage: '/gapcheck restart [check]', description: 'Drop the check in progress and start again.', sideEffects: 'writes' },
  { name: 'answer', usage: '/gapcheck answer <check id> <question id> <yes|partly|no|unsure|na>', description: 'Answer a question (what the answer buttons send; during a check just type yes, partly, no, not sure, n/a or 1-5).', sideEffects: 'writes' },
  { name: 'steer', usage: 'why | back | skip | status | cancel | finish', description: 'During a check: what good looks like and the controls, the previous question, skip for now, progress, stop, or finish early.', sideEffects: 'writes' },
  { name: 'result', usage: '/gapcheck result [result id] [all]', description: 'A result: score, breakdown by area, top gaps (all of them with "all").', sideEffects: 'none' },
  { name: 'log', usage: '/gapcheck log <1,3|all> [result id]', description: 'Log gaps of a result as risks in the register, with their controls and a link back.', sideEffects: 'writes' },
  { name: 'history', usage: '/gapcheck history [mine]', description: 'Completed checks in this workspace.', sideEffects: 'none' },
  { name: 'export', usage: '/gapcheck export [result id|mine]', description: 'Every answer of completed checks as CSV.', sideEffects: 'none' },
  { name: 'help', usage: '/gapcheck help', description: 'This help and the checks on offer.', sideEffects: 'none' },
  { name: 'soa', usage: '/gapcheck soa [result id]', description: 'A draft Statement of Applicability (all 93 Annex A controls) from a completed 27001 check, as CSV.', sideEffects: 'none' },
];
