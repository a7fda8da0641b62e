import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, contactFor, isRiskAdmin, loadCoreConfig, redactUrl, storeKindOf } from '../../src/config.js';

describe('core settings', () => {
  it('defaults to an embedded SQLite file under ./data', () => {
    expect(loadCoreConfig({}).STORE_URL).toBe('sqlite://./data/annex.sqlite');
  });

  it.each([
    ['sqlite://./data/x.sqlite', 'sqlite'],
    ['redis://127.0.0.1:6379', 'redis'],
    ['rediss://cache.example:6380', 'redis'],
    ['postgres://annex:pw@127.0.0.1:5432/annex', 'postgres'],
    ['postgresql://h/db', 'postgres'],
    ['nonsense', undefined],
    ['http://example.com', undefined],
    ['sqlite://', undefined],
  ])('store URL %s selects %s', (url, kind) => {
    expect(storeKindOf(url)).toBe(kind);
  });

  it('lists every bad setting in one error, with how to fix it', () => {
    let error: unknown;
    try {
      loadCoreConfig({ STORE_URL: 'nonsense', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^STORE_URL: not a supported store URL; use sqlite:\/\//);
    expect(problems[1]).toMatch(/^LOG_LEVEL:/);
  });

  it('never prints a password, even in a bad URL', () => {
    expect(redactUrl('postgres://annex:s3cret@db:5432/annex')).toBe('postgres://annex:***@db:5432/annex');
    let error: unknown;
    try {
      loadCoreConfig({ STORE_URL: 'postgres://annex:s3cret@db 5432/annex' });
    } catch (err) {
      error = err;
    }
    // It must refuse the URL (else the check below would pass vacuously) without the password.
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).not.toContain('s3cret');
    expect((error as ConfigError).problems.join('\n')).not.toContain('s3cret');
  });

  it('reads compliance contacts per workspace with a default', () => {
    const config = loadCoreConfig({ ANNEX_COMPLIANCE_CONTACT: 'T1=@alice, @bob' });
    expect(contactFor(config, 'T1')).toBe('@alice');
    expect(contactFor(config, 'T2')).toBe('@bob');
    expect(contactFor(loadCoreConfig({}), 'T1')).toBeUndefined();
  });

  it('reads risk admins for all workspaces or one', () => {
    const config = loadCoreConfig({ ANNEX_RISK_ADMINS: 'U1, T2:U2' });
    expect(isRiskAdmin(config, 'T9', 'U1')).toBe(true);
    expect(isRiskAdmin(config, 'T2', 'U2')).toBe(true);
    expect(isRiskAdmin(config, 'T3', 'U2')).toBe(false);
  });
});

describe('npm start with a bad setting', () => {
  it('prints one clear message, no stack trace, and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { env: { ...process.env, STORE_URL: 'nonsense', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', MicrosoftAppId: '', TEAMS_LOCAL: '' }, encoding: 'utf8', input: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('STORE_URL: not a supported store URL');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
