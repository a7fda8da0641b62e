/**
 * Errors carry a stable code; adapters map codes to friendly words. A `UserError` is the user's to
 * fix and its message is safe to show; anything else is logged with its stack and the user sees a
 * short generic message.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_COMMAND'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'TOO_LONG'
  | 'EXPIRED'
  | 'STORE_UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the person can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Something the person can fix; the message is meant for them. */
export class UserError extends AppError {}

/** The store could not be reached; nothing was written and trying again later will work. */
export class StoreUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super('STORE_UNAVAILABLE', 'The register is not reachable right now. Nothing was lost: please try again shortly.');
    this.name = 'StoreUnavailableError';
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** The largest message the bot reads; longer text is refused with a clear message, not truncated silently. */
export const MAX_INPUT_LENGTH = 4000;
