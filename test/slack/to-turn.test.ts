/** Slack payloads -> Turns: ids in the right places, Slack markup back to plain text. */
import { describe, expect, it } from 'vitest';
import { actionToTurn, commandToTurn, messageToTurn, shortcutToTurn, slackTextToPlain, viewSubmissionToTurn, withPeopleNamed } from '../../adapters/slack/to-turn.js';
import { blockActions, messageShortcut, slashFields, viewSubmission } from './payloads.js';

describe('slackTextToPlain', () => {
  it('turns mentions, channels, links and entities into what the person typed, dropping the bot mention', () => {
    expect(slackTextToPlain('<@UBOT> ask <@U0ALEX|alex> in <#C0SEC|security> about <https://x.example/a|the doc> &amp; &lt;A.5.15&gt; <!here>', 'UBOT')).toBe(
      'ask @alex in #security about the doc (https://x.example/a) & <A.5.15> @here',
    );
  });

  it('keeps a bare link and a link labelled with itself as the URL', () => {
    expect(slackTextToPlain('see <https://x.example> and <https://y.example|y.example>')).toBe('see https://x.example and https://y.example');
  });
});

describe('to Turn', () => {
  it('slash command: team, channel, user, the command and its text, the trigger as delivery id', () => {
    const fields = slashFields('/iso', 'what is A.5.15', 'http://x/response/1');
    expect(commandToTurn(fields as never)).toEqual({
      platform: 'slack',
      workspace: 'T0TEST',
      conversation: 'C0GENERAL',
      user: { id: 'U0SAM', name: 'sam' },
      text: '/iso what is A.5.15',
      eventId: fields.trigger_id,
      origin: { channel: 'C0GENERAL' },
    });
  });

  it('mention: event id, channel, text without the bot mention', () => {
    expect(messageToTurn({ teamId: 'T1', eventId: 'Ev1', channel: 'C1', user: { id: 'U1', name: 'Sam' }, text: '<@UBOT> what is A.8.12?', botUserId: 'UBOT' })).toEqual({
      platform: 'slack',
      workspace: 'T1',
      conversation: 'C1',
      user: { id: 'U1', name: 'Sam' },
      text: 'what is A.8.12?',
      eventId: 'Ev1',
      origin: { channel: 'C1' },
    });
  });

  it('button click: the button value is the command', () => {
    const body = blockActions({ actionId: 'annex:cmd:1', value: '/iso 27001:A.5.2', responseUrl: 'http://x/r' }) as never;
    const turn = actionToTurn(body, '/iso 27001:A.5.2');
    expect(turn).toMatchObject({ workspace: 'T0TEST', conversation: 'C0GENERAL', user: { id: 'U0SAM', name: 'sam' }, action: { command: '/iso 27001:A.5.2' } });
    expect(turn.text).toBeUndefined();
    expect(turn.eventId).toMatch(/trigger/);
  });

  it('modal submission: the form id, values with the context merged in, the view id as delivery id, the origin', () => {
    const body = viewSubmission({ privateMetadata: '', values: { 'field:title': { value: { type: 'plain_text_input', value: 'Phishing' } } }, viewId: 'V0FORM9' }) as never;
    const turn = viewSubmissionToTurn(body, { f: 'risk:add', c: { messageLink: 'https://l' }, ch: 'C0GENERAL', ln: 'https://l' });
    expect(turn).toEqual({
      platform: 'slack',
      workspace: 'T0TEST',
      conversation: 'C0GENERAL',
      user: { id: 'U0SAM', name: 'sam' },
      form: { id: 'risk:add', values: { title: 'Phishing', messageLink: 'https://l' } },
      eventId: 'view:V0FORM9',
      origin: { channel: 'C0GENERAL', messageLink: 'https://l' },
    });
  });

  it('message shortcut: the command, and the message as origin (text, channel, permalink)', () => {
    const body = messageShortcut({ text: 'We ship &lt;prod&gt; secrets in <#C0ENG|eng>', responseUrl: 'http://x/r' }) as never;
    expect(shortcutToTurn(body, '/risk add', 'https://example.slack.com/archives/C0GENERAL/p1')).toMatchObject({
      text: '/risk add',
      conversation: 'C0GENERAL',
      origin: { channel: 'C0GENERAL', messageLink: 'https://example.slack.com/archives/C0GENERAL/p1', messageText: 'We ship <prod> secrets in #eng' },
    });
  });
});

describe('withPeopleNamed', () => {
  it('adds display names to people picked in a form, keeping them from breaking the mention', async () => {
    const turn = { platform: 'slack' as const, workspace: 'T', conversation: 'C', user: { id: 'U1', name: 'Sam' }, form: { id: 'risk', values: { owner: '<@U0ALEX>', title: '<@U0ALEX>x', tags: ['a'] } } };
    const named = await withPeopleNamed(turn, async (id) => (id === 'U0ALEX' ? 'Alex <the|boss>' : id));
    expect(named.form!.values).toEqual({ owner: '<@U0ALEX|Alex theboss>', title: '<@U0ALEX>x', tags: ['a'] });
  });

  it('leaves the mention as it is when no name is known', async () => {
    const turn = { platform: 'slack' as const, workspace: 'T', conversation: 'C', user: { id: 'U1', name: 'Sam' }, form: { id: 'risk', values: { owner: '<@U0ALEX>' } } };
    expect((await withPeopleNamed(turn, async (id) => id)).form!.values.owner).toBe('<@U0ALEX>');
  });
});
