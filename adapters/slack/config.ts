/**
 * Settings of the Slack adapter, from environment variables. Parsed once by `startSlack`; a bad
 * value produces one message naming every problem (never a secret's value, see `parseEnv`).
 *
 * Two ways to connect:
 * - Socket Mode when `SLACK_APP_TOKEN` is set: no public URL needed (development, firewalled hosts);
 * - otherwise HTTP on `SLACK_PORT` at `/slack/events`, every request verified against
 *   `SLACK_SIGNING_SECRET` by Bolt's receiver.
 */
import { z } from 'zod';
import { parseEnv, type Env } from '../../src/config.js';

/** The path Slack posts to in HTTP mode; the manifest and the README use it too. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** An empty variable (`SLACK_APP_TOKEN=` in a .env file) means "not set". */
const withoutEmpty = (env: unknown): unknown =>
  env && typeof env === 'object' ? Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')) : env;

const slackEnvObject = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ message: 'is required: the Bot User OAuth Token from "OAuth & Permissions" (it starts with xoxb-)' })
      .trim()
      .regex(/^xoxb-\S+$/, 'must be a bot token starting with xoxb- ("OAuth & Permissions" > Bot User OAuth Token)'),
    SLACK_SIGNING_SECRET: z
      .string()
      .trim()
      .regex(/^\S{8,}$/, 'must be the Signing Secret from "Basic Information" > App Credentials')
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .trim()
      .regex(/^xapp-\S+$/, 'must be an app-level token starting with xapp- (with the connections:write scope) for Socket Mode')
      .optional(),
    SLACK_PORT: z.coerce
      .number({ message: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(3000),
    /** Interface to listen on; all of them by default (a container or a reverse proxy in front). */
    SLACK_HOST: z.string().trim().min(1).optional(),
    /** Where the Web API client sends calls: tests point it at a loopback fake, some sites at a proxy. */
    SLACK_API_URL: z
      .url({ message: 'must be a URL such as https://slack.com/api/', protocol: /^https?$/ })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`))
      .optional(),
  })
  .refine((cfg) => Boolean(cfg.SLACK_APP_TOKEN || cfg.SLACK_SIGNING_SECRET), {
    path: ['SLACK_SIGNING_SECRET'],
    message: 'is required in HTTP mode (Basic Information > App Credentials > Signing Secret); or set SLACK_APP_TOKEN to use Socket Mode',
    // Checked even when other variables are wrong, so one message lists every problem.
    when: (payload) => {
      const v = payload.value as Record<string, unknown> | undefined;
      return typeof v === 'object' && v !== null;
    },
  });

export const slackEnvSchema = z.preprocess(withoutEmpty, slackEnvObject);

export type SlackConfig = z.output<typeof slackEnvObject>;

export function loadSlackConfig(env: Env): SlackConfig {
  return parseEnv(slackEnvSchema, env);
}
