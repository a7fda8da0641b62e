import { describe, expect, it } from 'vitest';
import { loadTeamsConfig } from '../../adapters/teams/config.js';
import { ConfigError } from '../../src/config.js';

const APP_ID = '3f2a0c1e-8d7b-4c3a-9e2f-1a2b3c4d5e6f';
const TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function problems(env: Record<string, string>): string[] {
  try {
    loadTeamsConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('Teams settings', () => {
  it('refuses to start with no credentials unless TEAMS_LOCAL=1', () => {
    const found = problems({});
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^MicrosoftAppId: is required .*TEAMS_LOCAL=1/);
  });

  it('runs locally, on loopback only, with TEAMS_LOCAL=1', () => {
    expect(loadTeamsConfig({ TEAMS_LOCAL: '1' })).toEqual({ mode: 'local', port: 3978, host: '127.0.0.1' });
    expect(loadTeamsConfig({ TEAMS_LOCAL: 'true', TEAMS_PORT: '4000', TEAMS_HOST: '0.0.0.0' })).toEqual({ mode: 'local', port: 4000, host: '127.0.0.1', ignoredHost: '0.0.0.0' });
  });

  it('reads a SingleTenant bot', () => {
    expect(loadTeamsConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's3cr3t~value', MicrosoftAppTenantId: TENANT })).toEqual({
      mode: 'authenticated',
      port: 3978,
      host: '0.0.0.0',
      appId: APP_ID,
      appType: 'SingleTenant',
      tenantId: TENANT,
      password: 's3cr3t~value',
      localIgnored: false,
    });
  });

  it('reads a UserAssignedMSI bot without a password', () => {
    expect(loadTeamsConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, TEAMS_LOCAL: '1' })).toMatchObject({
      mode: 'authenticated',
      appType: 'UserAssignedMSI',
      localIgnored: true,
    });
  });

  it('lists every problem at once and never prints the secret', () => {
    const found = problems({ MicrosoftAppId: 'not-a-guid', MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 'hunter2-secret' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId']);
    expect(found.join('\n')).toMatch(/MultiTenant bots can no longer be created/);
    const noPassword = problems({ MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT });
    expect(noPassword).toEqual([expect.stringMatching(/^MicrosoftAppPassword: is required for a SingleTenant bot/)]);
    const badPort = problems({ TEAMS_LOCAL: '1', TEAMS_PORT: 'eighty', MicrosoftAppPassword: 'hunter2-secret' });
    expect(badPort.join('\n')).toMatch(/TEAMS_PORT/);
    expect([...found, ...badPort].join('\n')).not.toContain('hunter2');
  });

  it('refuses a password without an app id', () => {
    expect(problems({ TEAMS_LOCAL: '1', MicrosoftAppPassword: 'x' })).toEqual([expect.stringMatching(/^MicrosoftAppPassword: is set but MicrosoftAppId is not/)]);
  });
});
