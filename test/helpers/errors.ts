/**
 * Reading a refusal in tests: the message of the AppError a call throws. Any other error is
 * rethrown so the test fails on it; a call that does not throw yields 'no error', which no
 * expected message equals.
 */
import { AppError } from '../../src/errors.js';

export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
  return 'no error';
}
