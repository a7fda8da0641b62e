/**
 * Waits for a promise at most `ms`. Slack gives 3 s to answer an interaction (and a trigger_id
 * lives 3 s), so work that must happen before the answer is raced against a budget; the promise
 * itself keeps running and its result can still be used afterwards.
 */
export type Raced<T> = { done: true; value: T } | { done: false };

export async function within<T>(promise: Promise<T>, ms: number): Promise<Raced<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([promise.then((value): Raced<T> => ({ done: true, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
