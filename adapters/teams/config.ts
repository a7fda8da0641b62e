/**
 * Settings of the Teams adapter (parsed once in `startTeams`, with the core's `parseEnv`, so a
 * bad setting is reported together with every other one and a secret is never echoed).
 *
 * - `MicrosoftAppId`, `MicrosoftAppTenantId`: the bot's Entra app registration and its tenant.
 * - `MicrosoftAppType`: `SingleTenant` (default; needs `MicrosoftAppPassword`, the client secret)
 *   or `UserAssignedMSI` (a managed identity on Azure; no secret). Multi-tenant bots can no longer
 *   be created on Azure and are refused here.
 * - `TEAMS_PORT` (default 3978), `TEAMS_HOST` (default all interfaces).
 * - `TEAMS_LOCAL=1`: no credentials, no authentication, for trials on this machine only: the
 *   server binds 127.0.0.1 whatever `TEAMS_HOST` says, and only talks back to loopback
 *   `serviceUrl`s. Without credentials and without `TEAMS_LOCAL`, the adapter refuses to start.
 */
import { z } from 'zod';
import { parseEnv, type Env } from '../../src/config.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const flag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no', 'off'].includes(s)) return false;
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    ctx.addIssue({ code: 'custom', message: 'must be 1 or 0 (also true/false, yes/no)' });
    return false;
  });

export const LOCAL_HOST = '127.0.0.1';

export const teamsEnvSchema = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText,
    MicrosoftAppTenantId: optionalText,
    TEAMS_PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3978),
    TEAMS_HOST: optionalText,
    TEAMS_LOCAL: flag,
  })
  .superRefine((env, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!env.MicrosoftAppId) {
      if (!env.TEAMS_LOCAL) {
        issue('MicrosoftAppId', 'is required to connect to Microsoft Teams (register the bot as described in docs/teams.md), or set TEAMS_LOCAL=1 to try the bot on this machine without Teams (unauthenticated, loopback only)');
      }
      for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const) {
        if (env[name]) issue(name, 'is set but MicrosoftAppId is not; set the app id too, or remove this setting');
      }
      return;
    }
    if (!GUID.test(env.MicrosoftAppId)) issue('MicrosoftAppId', 'must be the Application (client) ID of the bot\'s app registration, a GUID like 00000000-0000-0000-0000-000000000000');
    const type = env.MicrosoftAppType ?? 'SingleTenant';
    if (type === 'MultiTenant') {
      issue('MicrosoftAppType', 'MultiTenant bots can no longer be created on Azure; register the bot as SingleTenant (or use UserAssignedMSI)');
    } else if (type !== 'SingleTenant' && type !== 'UserAssignedMSI') {
      issue('MicrosoftAppType', 'must be SingleTenant or UserAssignedMSI');
    }
    if (!env.MicrosoftAppTenantId) issue('MicrosoftAppTenantId', `is required for a ${type === 'UserAssignedMSI' ? 'UserAssignedMSI' : 'SingleTenant'} bot: the Directory (tenant) ID of the app registration`);
    else if (!GUID.test(env.MicrosoftAppTenantId)) issue('MicrosoftAppTenantId', 'must be the Directory (tenant) ID, a GUID');
    if (type === 'SingleTenant' && !env.MicrosoftAppPassword) issue('MicrosoftAppPassword', 'is required for a SingleTenant bot: a client secret of the app registration');
  });

export type TeamsConfig =
  | { mode: 'local'; port: number; host: typeof LOCAL_HOST; ignoredHost?: string }
  | {
      mode: 'authenticated';
      port: number;
      host: string;
      appId: string;
      appType: 'SingleTenant' | 'UserAssignedMSI';
      tenantId: string;
      /** The client secret (SingleTenant). Never logged. */
      password?: string;
      /** TEAMS_LOCAL was set too; credentials win. */
      localIgnored: boolean;
    };

export function loadTeamsConfig(env: Env): TeamsConfig {
  const parsed = parseEnv(teamsEnvSchema, env);
  if (!parsed.MicrosoftAppId) {
    return { mode: 'local', port: parsed.TEAMS_PORT, host: LOCAL_HOST, ...(parsed.TEAMS_HOST && parsed.TEAMS_HOST !== LOCAL_HOST ? { ignoredHost: parsed.TEAMS_HOST } : {}) };
  }
  const appType = parsed.MicrosoftAppType === 'UserAssignedMSI' ? 'UserAssignedMSI' : 'SingleTenant';
  return {
    mode: 'authenticated',
    port: parsed.TEAMS_PORT,
    host: parsed.TEAMS_HOST ?? '0.0.0.0',
    appId: parsed.MicrosoftAppId,
    appType,
    tenantId: parsed.MicrosoftAppTenantId!,
    ...(appType === 'SingleTenant' ? { password: parsed.MicrosoftAppPassword! } : {}),
    localIgnored: parsed.TEAMS_LOCAL,
  };
}
