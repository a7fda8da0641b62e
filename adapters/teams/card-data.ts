/**
 * What a card button carries back to the bot. Every `Action.Submit` the renderer emits puts one
 * of these under the `annex` key of its `data`; Teams merges the card's input values next to it,
 * so inputs are named with a prefix (`f1_title`) that can never collide with `annex`.
 *
 * Submitted data is user-controlled (anyone can post a crafted card submit), so it is parsed with
 * zod and bounded before anything reads it.
 */
import { z } from 'zod';
import { MAX_INPUT_LENGTH } from '../../src/errors.js';

/** The key under which our data sits in `Action.Submit.data`. */
export const DATA_KEY = 'annex';

const command = z.string().trim().min(1).max(MAX_INPUT_LENGTH);

export const cardDataSchema = z.discriminatedUnion('kind', [
  /** A button: `command` is exactly what the person could have typed instead. */
  z.object({ kind: z.literal('action'), command }),
  /** A form's submit button: which form, the inputs' name prefix, and the form's opaque context. */
  z.object({
    kind: z.literal('form'),
    id: z.string().min(1).max(200),
    prefix: z.string().regex(/^f\d{1,2}_$/),
    /** Fields whose value is a comma-separated list (`Input.ChoiceSet` with `isMultiSelect`). */
    multi: z.array(z.string().max(100)).max(50).default([]),
    context: z.record(z.string().max(100), z.string().max(2000)).optional(),
    /**
     * The adapter's own context: the message a "Log as risk" dialog was opened on, so its link
     * reaches the core even when Teams leaves the message out of the submission.
     */
    origin: z.object({ messageLink: z.string().max(2000).optional() }).optional(),
  }),
  /** "More": the rest of a card that did not fit, kept in the store under `key`. */
  z.object({ kind: z.literal('more'), key: z.string().regex(/^[0-9a-f-]{36}$/) }),
]);

export type CardData = z.output<typeof cardDataSchema>;

/** The `data` object of an `Action.Submit`. */
export function submitData(data: CardData): Record<string, unknown> {
  return { [DATA_KEY]: data };
}

/**
 * Reads our data out of a submitted value (`activity.value` of a card click, or `action.data` of a
 * message extension submit). Undefined when there is none; `invalid` when it is there but malformed
 * (a card from an older version, or a crafted payload).
 */
export function readCardData(value: unknown): { data: CardData; inputs: Record<string, unknown> } | 'invalid' | undefined {
  if (!value || typeof value !== 'object' || !(DATA_KEY in value)) return undefined;
  const { [DATA_KEY]: raw, ...inputs } = value as Record<string, unknown>;
  const parsed = cardDataSchema.safeParse(raw);
  return parsed.success ? { data: parsed.data, inputs } : 'invalid';
}
