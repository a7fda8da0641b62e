/**
 * The logging port of the core. Shaped like pino's API (the adapters pass a pino logger), so the
 * core stays free of any logging library. Log objects carry ids and codes, never message bodies
 * or secrets.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

const noop = () => undefined;

/** Discards everything: tests and one-shot scripts that must keep stdout clean. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop, child: () => silentLogger };
