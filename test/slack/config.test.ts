/** The Slack settings: which mode, what is required, and messages that never show a secret. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';

describe('Slack settings', () => {
  it('HTTP mode: token and signing secret; port 3000 by default; the API URL gets its trailing slash', () => {
    const c = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abcdef123456', SLACK_API_URL: 'http://127.0.0.1:9999/api' });
    expect(c).toEqual({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abcdef123456', SLACK_PORT: 3000, SLACK_API_URL: 'http://127.0.0.1:9999/api/' });
  });

  it('Socket Mode: an app token instead of the signing secret', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A', SLACK_SIGNING_SECRET: '' }).SLACK_APP_TOKEN).toBe('xapp-1-A');
  });

  it('lists every problem at once and never prints a token or secret', () => {
    let error: unknown;
    try {
      loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_PORT: '70000', SLACK_API_URL: 'not a url' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['SLACK_BOT_TOKEN', 'SLACK_PORT', 'SLACK_API_URL', 'SLACK_SIGNING_SECRET']);
    expect(message).not.toContain('xoxp-user-token-secret');
    expect(message).toContain('its value is hidden');
  });
});
