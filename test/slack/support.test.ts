/**
 * The adapter's small parts: the Home tab within its 100 blocks, modal metadata too long for
 * Slack, Slack error codes explained, and in-flight work drained.
 */
import { describe, expect, it } from 'vitest';
import { homeView, parseHomeMeta } from '../../adapters/slack/home-view.js';
import { decodeFormMeta, encodeFormMeta } from '../../adapters/slack/form-meta.js';
import { InFlight } from '../../adapters/slack/inflight.js';
import { createStash } from '../../adapters/slack/stash.js';
import { describeSlackError } from '../../adapters/slack/web-api-errors.js';
import { createTestApp } from '../helpers/app.js';
import { blockProblems } from './block-limits.js';
import { fixtures } from './view-fixtures.js';

describe('Home tab', () => {
  it('cuts each section to fit 100 blocks and says how to see all of it', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `R-${i}`, title: `Risk ${i}`, level: 'high' as const, levelText: 'High (12)', status: 'open', owner: 'Sam' }));
    const view = homeView(
      [
        { title: 'Your open risks', views: [{ ...fixtures['risk-list'], items }], fullCommand: '/risk list mine open' },
        { title: 'Your last gap check', views: [fixtures['gap-result']], fullCommand: '/gapcheck history' },
      ],
      [{ label: 'Help', command: 'help' }],
      { dm: 'D0X' },
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(blockProblems(view.blocks, 'home')).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Showing the first part. Type `/risk list mine open` in the Messages tab for all of it.');
    expect(text).toContain('ISO 27001 readiness: readiness 64/100');
    expect(parseHomeMeta(view.private_metadata)).toEqual({ dm: 'D0X' });
  });

  it('ignores Home metadata that is not ours', () => {
    expect(parseHomeMeta('{"dm":"C0NOTADM"}')).toEqual({});
    expect(parseHomeMeta('not json')).toEqual({});
  });
});

describe('modal metadata', () => {
  it('travels inline when short and through the stash when over 3000 characters', async () => {
    const app = await createTestApp();
    try {
      const stash = createStash(app.store);
      const short = { f: 'risk:add', ch: 'C1' };
      expect(await encodeFormMeta(short, stash)).toBe(JSON.stringify(short));
      const long = { f: 'risk:add', c: { messageText: 'x'.repeat(4000) } };
      const encoded = await encodeFormMeta(long, stash);
      expect(encoded).toMatch(/^stash:meta:/);
      expect(encoded.length).toBeLessThanOrEqual(3000);
      expect(await decodeFormMeta(encoded, stash)).toEqual(long);
      expect(await decodeFormMeta('stash:form:nope', stash)).toBeUndefined();
      expect(await decodeFormMeta('{"f":""}', stash)).toBeUndefined();
    } finally {
      await app.dispose();
    }
  });
});

describe('describeSlackError', () => {
  it.each([
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } }, 'not_in_channel', /not a member of this channel/],
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'channel_not_found' } }, 'channel_not_found', /can't see that conversation/],
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'missing_scope', needed: 'files:write' } }, 'missing_scope', /reinstall/],
    [{ code: 'slack_webapi_rate_limited_error', retryAfter: 30 }, 'ratelimited', /slow down/],
    [{ code: 'slack_webapi_request_error', message: 'ECONNREFUSED' }, 'request_failed', /could not reach Slack/],
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'something_new' } }, 'something_new', /refused the request \(something_new\)/],
  ])('%o -> %s', (err, code, user) => {
    const f = describeSlackError(err);
    expect(f.code).toBe(code);
    expect(f.userMessage).toMatch(user);
    expect(f.logMessage.length).toBeGreaterThan(0);
  });
});

describe('InFlight', () => {
  it('drain waits for running work and reports what was left after the timeout', async () => {
    const inflight = new InFlight();
    let done = false;
    void inflight.run(async () => {
      await new Promise((r) => setTimeout(r, 50));
      done = true;
    });
    expect(await inflight.drain(5000)).toBe(0);
    expect(done).toBe(true);
    void inflight.run(() => new Promise(() => undefined));
    expect(await inflight.drain(20)).toBe(1);
  });
});
