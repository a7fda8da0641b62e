/**
 * Display names for user ids. Events carry only the id; the register records who raised a risk
 * by name. Looked up with `users.info` (scope `users:read`) and kept for an hour; without the
 * scope, or when Slack fails, the id stands in for the name and nothing else breaks.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { describeSlackError } from './web-api-errors.js';

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

export interface UserNames {
  nameOf(client: webApi.WebClient, userId: string): Promise<string>;
}

export function createUserNames(logger: Logger): UserNames {
  const cache = new Map<string, { name: string; until: number }>();
  let warned = false;
  return {
    async nameOf(client, userId) {
      const hit = cache.get(userId);
      if (hit && hit.until > Date.now()) return hit.name;
      let name = userId;
      try {
        const res = await client.users.info({ user: userId });
        const u = res.user;
        name = u?.profile?.display_name || u?.real_name || u?.name || userId;
      } catch (err) {
        const f = describeSlackError(err);
        if (!warned || f.code !== 'missing_scope') logger.warn({ code: f.code }, `could not look up a user's name: ${f.logMessage}`);
        warned = true;
        return userId;
      }
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(userId, { name, until: Date.now() + TTL_MS });
      return name;
    },
  };
}
