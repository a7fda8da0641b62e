/**
 * Settings of the core, from environment variables. Each part owns its schema (the adapters have
 * their own); all are parsed once at the composition root. A bad setting produces one message that
 * names every problem and how to fix it, and never echoes a secret's value.
 */
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/** Settings did not validate; the message lists every problem and never a secret's value. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Annex cannot start: ${problems.length === 1 ? 'a setting is' : 'some settings are'} not right.\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export const STORE_URL_HELP = 'use sqlite://<file path> (the default is sqlite://./data/annex.sqlite), redis://host:6379 or postgres://user:password@host:5432/database';

export type StoreKind = 'sqlite' | 'redis' | 'postgres';

/** Which backend a store URL selects, or undefined when it is not one we support. */
export function storeKindOf(url: string): StoreKind | undefined {
  if (/^sqlite:\/\/.+/.test(url)) return 'sqlite';
  if (/^rediss?:\/\/[^\s]+$/.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\/[^\s]+$/.test(url)) return 'postgres';
  return undefined;
}

/** `T1=@alice,T2=Bob` or just `@alice` (every workspace). */
const contactsSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const map = new Map<string, string>();
    if (!raw?.trim()) return map;
    for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
      const eq = part.indexOf('=');
      const [ws, who] = eq > 0 ? [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] : ['*', part];
      if (!who) {
        ctx.addIssue({ code: 'custom', message: `"${part}" names no contact; write workspace=contact or just contact` });
        continue;
      }
      map.set(ws, who);
    }
    return map;
  });

/** `U123,U456` (any workspace) or `T1:U123` (one workspace). */
const adminsSchema = z
  .string()
  .optional()
  .transform((raw) =>
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const i = s.indexOf(':');
        return i > 0 ? { workspace: s.slice(0, i), user: s.slice(i + 1) } : { workspace: '*', user: s };
      }),
  );

export const coreEnvSchema = z.object({
  STORE_URL: z
    .string()
    .trim()
    .default('sqlite://./data/annex.sqlite')
    .refine((v) => storeKindOf(v) !== undefined, { message: `not a supported store URL; ${STORE_URL_HELP}` }),
  ANNEX_KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  ANNEX_ORG_KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge/organization'),
  ANNEX_COMPLIANCE_CONTACT: contactsSchema,
  ANNEX_RISK_ADMINS: adminsSchema,
  ANNEX_EXPORT_DIR: z.string().trim().min(1).default('./data/exports'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The core's settings, validated (see `coreEnvSchema`). */
export type CoreConfig = z.output<typeof coreEnvSchema>;

/** Variables whose values must never be printed, even when they are wrong. */
const SECRET_VARIABLES = /TOKEN|SECRET|PASSWORD|KEY/i;

/** A URL with any password replaced, safe for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/\s]*):[^@/\s]*@/, '//$1:***@');
}

/** Parses `env` with `schema`, or throws one `ConfigError` listing every problem. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(describeIssues(result.error.issues, env));
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], env: Env): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? '(settings)');
    const value = env[name];
    const shown = value === undefined ? 'it is not set' : SECRET_VARIABLES.test(name) ? 'its value is hidden' : `it is "${redactUrl(value)}"`;
    return `${name}: ${issue.message} (${shown})`;
  });
}

/** The core's settings from `env`, or a `ConfigError`. */
export function loadCoreConfig(env: Env): CoreConfig {
  return parseEnv(coreEnvSchema, env);
}

/** The compliance contact for a workspace, if one is configured. */
export function contactFor(config: Pick<CoreConfig, 'ANNEX_COMPLIANCE_CONTACT'>, workspace: string): string | undefined {
  return config.ANNEX_COMPLIANCE_CONTACT.get(workspace) ?? config.ANNEX_COMPLIANCE_CONTACT.get('*');
}

/** Whether `user` is a configured risk admin (`ANNEX_RISK_ADMINS`) in `workspace`. */
export function isRiskAdmin(config: Pick<CoreConfig, 'ANNEX_RISK_ADMINS'>, workspace: string, user: string): boolean {
  return config.ANNEX_RISK_ADMINS.some((a) => a.user === user && (a.workspace === '*' || a.workspace === workspace));
}
