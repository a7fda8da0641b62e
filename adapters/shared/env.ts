/**
 * Reads the optional `.env` file (Node's own loader, no dependency) without overriding variables
 * already set in the environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export function loadDotEnv(path = '.env', env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(path)) return;
  const parsed = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  for (const [k, v] of Object.entries(parsed)) if (env[k] === undefined) env[k] = v;
}
