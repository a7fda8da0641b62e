/**
 * Slack payloads -> turns (adapters/slack/to-turn.ts, modal.ts, form-meta.ts, home-view.ts) under
 * hostile field values: every payload becomes a well-formed turn, Slack markup never survives as
 * live mentions, and metadata that comes back from Slack is validated, never trusted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFormMeta } from '../../adapters/slack/form-meta.js';
import { parseHomeMeta } from '../../adapters/slack/home-view.js';
import { formMetaSchema, formValuesFromState } from '../../adapters/slack/modal.js';
import type { Stash } from '../../adapters/slack/stash.js';
import {
  actionToTurn,
  commandToTurn,
  homeTurn,
  messageToTurn,
  shortcutToTurn,
  slackTextToPlain,
  viewSubmissionToTurn,
  withPeopleNamed,
} from '../../adapters/slack/to-turn.js';
import { anyString, FRAGMENTS, giantText, hostileText, mixedText, runs } from './hostile.js';
import { expectValidTurn } from './turns.js';

const slackId = (prefix: string) => fc.stringMatching(new RegExp(`^${prefix}[A-Z0-9]{2,11}$`));
const id = (prefix: string) => fc.oneof({ weight: 4, arbitrary: slackId(prefix) }, { weight: 1, arbitrary: anyString });
const text = fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: giantText });
const user = fc.record({ id: id('U'), name: fc.option(text, { nil: undefined }), username: fc.option(anyString, { nil: undefined }), team_id: fc.option(id('T'), { nil: undefined }) }, { requiredKeys: ['id'] });

const fakeStash = { getMeta: async () => undefined } as unknown as Stash;

describe('Slack to-turn (fuzz)', () => {
  it('turns Slack markup into plain words: no live mention survives unless the person typed it escaped', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }).map((a) => a.join(' ')), giantText), fc.option(slackId('U'), { nil: undefined }), (raw, bot) => {
        const plain = slackTextToPlain(raw, bot);
        expect(typeof plain).toBe('string');
        if (!raw.includes('&lt;')) {
          // Complete markup only: a fragment cut off at the end of the input is just characters.
          expect(plain).not.toMatch(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/);
          expect(plain).not.toMatch(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/);
          expect(plain).not.toMatch(/<#[CG][A-Z0-9]+(?:\|[^>]*)?>/);
        }
        if (bot && !raw.includes('&lt;')) expect(plain).not.toContain(`<@${bot}>`);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('turns any slash command, message event, click and shortcut into a valid turn', () => {
    const command = fc.record({ command: fc.constantFrom('/iso', '/risk', '/gapcheck'), text, team_id: id('T'), channel_id: id('C'), user_id: id('U'), user_name: fc.option(anyString, { nil: undefined }), trigger_id: anyString });
    const click = fc.record(
      {
        team: fc.option(fc.record({ id: id('T') }), { nil: null }),
        user,
        channel: fc.option(fc.record({ id: id('C') }), { nil: null }),
        container: fc.option(fc.record({ channel_id: fc.option(id('C'), { nil: undefined }), type: fc.option(anyString, { nil: undefined }), is_ephemeral: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
        trigger_id: fc.option(anyString, { nil: undefined }),
      },
      { requiredKeys: ['user'] },
    );
    const shortcut = fc.record({
      team: fc.option(fc.record({ id: id('T') }), { nil: null }),
      user,
      channel: fc.record({ id: id('C') }),
      message: fc.record({ ts: anyString, text: fc.option(text, { nil: undefined }), thread_ts: fc.option(anyString, { nil: undefined }) }, { requiredKeys: ['ts'] }),
      trigger_id: anyString,
    });
    fc.assert(
      fc.property(command, click, shortcut, text, fc.option(anyString, { nil: undefined }), (cmd, body, sc, typed, permalink) => {
        expectValidTurn(commandToTurn(cmd), 'slack');
        expectValidTurn(messageToTurn({ teamId: cmd.team_id, eventId: cmd.trigger_id, channel: cmd.channel_id, user: { id: cmd.user_id, name: cmd.user_name ?? '' }, text: typed }), 'slack');
        expectValidTurn(actionToTurn(body, typed), 'slack');
        expectValidTurn(shortcutToTurn(sc, '/risk', permalink), 'slack');
        expectValidTurn(homeTurn(cmd.team_id, { id: cmd.user_id, name: 'Sam' }, typed, cmd.trigger_id), 'slack');
      }),
      { numRuns: runs(800) },
    );
  });

  it('reads any submitted modal state and metadata into a valid form turn', async () => {
    const submitted = fc.record(
      {
        type: fc.option(anyString, { nil: undefined }),
        value: fc.option(text, { nil: null }),
        selected_option: fc.option(fc.record({ value: fc.option(hostileText, { nil: undefined }) }, { requiredKeys: [] }), { nil: null }),
        selected_options: fc.option(fc.array(fc.record({ value: fc.option(hostileText, { nil: undefined }) }, { requiredKeys: [] }), { maxLength: 5 }), { nil: null }),
        selected_user: fc.option(fc.oneof(slackId('U'), anyString), { nil: null }),
        selected_date: fc.option(fc.oneof(fc.constant('2026-12-31'), anyString), { nil: null }),
      },
      { requiredKeys: [] },
    );
    const blockId = fc.oneof(fc.constantFrom('field:title', 'field:owner', 'field:controls', 'field:__proto__', 'field:constructor', 'field:', 'other'), anyString.map((s) => `field:${s}`));
    const state = fc.dictionary(blockId, fc.dictionary(fc.constantFrom('value', 'other', '__proto__'), submitted, { maxKeys: 2 }), { maxKeys: 6 });
    const meta = fc.record(
      {
        f: fc.oneof(fc.constantFrom('risk', 'risk:edit:R-7K3F', 'risk:close:R-7K3F', 'gapcheck'), anyString.filter((s) => s.length > 0).map((s) => s.slice(0, 200))),
        c: fc.option(fc.dictionary(anyString, hostileText, { maxKeys: 3 }), { nil: undefined }),
        ch: fc.option(id('C'), { nil: undefined }),
        ln: fc.option(anyString, { nil: undefined }),
        o: fc.option(fc.dictionary(anyString, fc.array(hostileText, { maxLength: 3 }), { maxKeys: 3 }), { nil: undefined }),
      },
      { requiredKeys: ['f'] },
    );
    await fc.assert(
      fc.asyncProperty(state, meta, user, fc.oneof(anyString, fc.json(), meta.map((m) => JSON.stringify(m))), async (values, m, who, rawMeta) => {
        const parsedMeta = formMetaSchema.parse(m);
        const turn = viewSubmissionToTurn({ team: { id: 'T0TEST' }, user: who, view: { id: 'V1', state: { values } } }, parsedMeta);
        expectValidTurn(turn, 'slack');
        expectValidTurn(await withPeopleNamed(turn, async (uid) => `<${uid}|x>`), 'slack');
        expect(Object.values(formValuesFromState(values as never, parsedMeta)).every((v) => v === undefined || typeof v === 'string' || Array.isArray(v))).toBe(true);
        // private_metadata comes back from Slack: decoded only when valid.
        const decoded = await decodeFormMeta(rawMeta, fakeStash);
        if (decoded) expect(formMetaSchema.safeParse(decoded).success).toBe(true);
        const home = parseHomeMeta(rawMeta);
        if (home.dm !== undefined) expect(home.dm).toMatch(/^D[A-Z0-9]+$/);
      }),
      { numRuns: runs(800) },
    );
  });
});
