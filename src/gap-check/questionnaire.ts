/**
 * The one schema for gap-check questionnaires (`knowledge/gap-checks/*.yaml`). A questionnaire is a
 * short, versioned list of yes/no-style readiness questions; each question names the clauses and
 * controls it gives evidence for, a weight, what good looks like and what to do about a gap.
 *
 * Nothing else defines this format; `knowledge/gap-checks/README.md` documents it for editors, and
 * `load-questionnaires.ts` checks what a schema cannot (refs exist, coverage of a quick check).
 */
import { z } from 'zod';
import { refSchema, STANDARDS } from '../knowledge/schema.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Ids end up in commands (`/gapcheck answer GC-7K3F scope yes`): short, lower case, no spaces. */
const slug = (max: number) => z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]{0,${max - 1}}$`), `lower-case letters, digits and dashes, at most ${max} characters`);

export const QUESTIONNAIRE_KINDS = ['quick', 'focused'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

/** Sizes the issue fixes: a quick check is 10-15 questions (about five minutes). */
export const QUICK_SIZE = { min: 10, max: 15 } as const;
export const FOCUSED_SIZE = { min: 4, max: 15 } as const;

export const questionSchema = z.strictObject({
  /** Stable within the questionnaire; a new meaning needs a new id (answers in progress are kept by id). */
  id: slug(32),
  /** The question as asked, answerable with yes / partly / no. */
  text: text(10, 300),
  /** The gap in a few words, used as the gap's title and as the risk title when it is logged. */
  gap: text(5, 120),
  /** What good looks like (shown on `why`). */
  help: text(20, 800),
  /** What to do about a "no" or "partly". */
  recommendation: text(20, 600),
  /** Clauses and controls this question evidences; the first decides the area it is scored under. */
  refs: z.array(refSchema).min(1).max(8),
  /** 1 (nice to have) to 5 (an auditor will stop here). */
  weight: z.number().int().min(1).max(5),
});
export type Question = z.infer<typeof questionSchema>;

export const questionnaireSchema = z.strictObject({
  /** Also the file name (`27001-quick.yaml`). */
  id: slug(40),
  /** Raise it whenever questions change; sessions saved under another version are migrated by question id. */
  version: z.number().int().min(1),
  standard: z.enum(STANDARDS),
  kind: z.enum(QUESTIONNAIRE_KINDS),
  title: text(5, 80),
  summary: text(10, 300),
  /** Words that start this check: `/gapcheck 27001`, `/gapcheck access control`. */
  aliases: z.array(text(1, 40)).default([]),
  questions: z.array(questionSchema).min(1).max(20),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
