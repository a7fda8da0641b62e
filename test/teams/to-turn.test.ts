import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { htmlToText, identityOf, logAsRiskTurn, messageText, messageToInput, submitActionToInput } from '../../adapters/teams/to-turn.js';

const channelMessage = (overrides: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  id: '1700000000001',
  channelId: 'msteams',
  text: '<at>Annex</at> risk list mine',
  from: { id: '29:1abc', name: 'Sam Lee', aadObjectId: '6f1c-aad-sam' } as Activity['from'],
  recipient: { id: '28:bot-annex', name: 'Annex' },
  conversation: { id: '19:general@thread.tacv2;messageid=1699999999999', isGroup: true, conversationType: 'channel', tenantId: 'tenant-conv', name: '' } as Activity['conversation'],
  channelData: { tenant: { id: 'tenant-cd' }, channel: { id: '19:general@thread.tacv2' }, team: { id: '19:team' } },
  entities: [{ type: 'mention', text: '<at>Annex</at>', mentioned: { id: '28:bot-annex', name: 'Annex' } }],
  ...overrides,
});

describe('Teams activity -> Turn', () => {
  it('maps tenant, conversation, user and event id', () => {
    const input = messageToInput(channelMessage());
    expect(input).toEqual({
      type: 'turn',
      source: 'text',
      turn: {
        platform: 'teams',
        workspace: 'tenant-cd',
        conversation: '19:general@thread.tacv2;messageid=1699999999999',
        user: { id: '6f1c-aad-sam', name: 'Sam Lee' },
        eventId: '19:general@thread.tacv2;messageid=1699999999999/1700000000001',
        origin: { channel: '19:general@thread.tacv2' },
        text: 'risk list mine',
      },
    });
  });

  it('falls back to conversation.tenantId, from.id and "local" when Teams fields are missing', () => {
    expect(identityOf(channelMessage({ channelData: {} })).workspace).toBe('tenant-conv');
    const bare = identityOf({ from: { id: 'user-1', name: '' }, conversation: { id: 'c' } as Activity['conversation'] });
    expect(bare).toEqual({ workspace: 'local', conversation: 'c', user: { id: 'user-1', name: 'Teams user' }, channel: 'c' });
  });

  it("strips only the bot's own @mention, and leaves the original activity alone", () => {
    const activity = channelMessage({
      text: '<at>Annex</at> log a risk: <at>Sam Lee</at> says the vendor has no SOC 2',
      entities: [
        { type: 'mention', text: '<at>Annex</at>', mentioned: { id: '28:bot-annex', name: 'Annex' } },
        { type: 'mention', text: '<at>Sam Lee</at>', mentioned: { id: '29:1abc', name: 'Sam Lee' } },
      ],
    });
    expect(messageText(activity)).toBe('log a risk: <at>Sam Lee</at> says the vendor has no SOC 2');
    expect(activity.text).toContain('<at>Annex</at>');
    expect(messageText({ ...channelMessage(), text: 'help\u00a0risk ' })).toBe('help risk');
  });

  it('turns a card button into Turn.action with its command', () => {
    const input = messageToInput(channelMessage({ text: undefined, value: { annex: { kind: 'action', command: '/risk show R-7K3F' } }, replyToId: 'card-1' }));
    expect(input).toMatchObject({ type: 'turn', source: 'button', turn: { action: { command: '/risk show R-7K3F' }, workspace: 'tenant-cd', user: { id: '6f1c-aad-sam' } } });
    expect((input as { turn: { text?: string } }).turn.text).toBeUndefined();
  });

  it('turns a card form into Turn.form: prefixed inputs, lists for multi-selects, the context merged in', () => {
    const value = {
      annex: { kind: 'form', id: 'risk', prefix: 'f1_', multi: ['controls'], context: { messageLink: 'https://teams.microsoft.com/l/message/1' } },
      f1_title: 'Vendor has no SOC 2 report',
      f1_controls: '27001:A.5.19,27001:A.5.20',
      f1_likelihood: '4',
      f1_owner: '',
      other_input: 'ignored',
      f1_weird: 42,
    };
    const input = messageToInput(channelMessage({ text: undefined, value }));
    expect(input).toMatchObject({
      type: 'turn',
      source: 'form',
      turn: {
        form: {
          id: 'risk',
          values: { title: 'Vendor has no SOC 2 report', controls: ['27001:A.5.19', '27001:A.5.20'], likelihood: '4', owner: '', messageLink: 'https://teams.microsoft.com/l/message/1' },
        },
      },
    });
    expect(input.type === 'turn' && Object.keys(input.turn.form!.values)).not.toContain('other_input');
  });

  it('keeps one character over the input limit so the core can refuse a too long value', () => {
    const input = messageToInput(channelMessage({ text: undefined, value: { annex: { kind: 'form', id: 'risk', prefix: 'f1_' }, f1_title: 'x'.repeat(50_000) } }));
    expect(input.type === 'turn' && (input.turn.form?.values.title as string).length).toBe(4001);
  });

  it('reads "More" and refuses malformed or foreign card data', () => {
    expect(messageToInput(channelMessage({ text: undefined, value: { annex: { kind: 'more', key: '3f2a0c1e-8d7b-4c3a-9e2f-1a2b3c4d5e6f' } } }))).toMatchObject({ type: 'more', key: '3f2a0c1e-8d7b-4c3a-9e2f-1a2b3c4d5e6f' });
    expect(messageToInput(channelMessage({ text: undefined, value: { annex: { kind: 'action', command: '' } } })).type).toBe('invalid');
    expect(messageToInput(channelMessage({ text: undefined, value: { annex: { kind: 'more', key: '../../etc' } } })).type).toBe('invalid');
    expect(messageToInput(channelMessage({ text: undefined, value: { somebodyElsesCard: true } })).type).toBe('invalid');
  });

  it('reads Teams message HTML as text', () => {
    expect(htmlToText('<p>Our <b>vendor</b> has no SOC&nbsp;2 report &amp; no pentest.</p><p>Line&#160;two &lt;x&gt; &#x1F600;</p><script>alert(1)</script>')).toBe(
      'Our vendor has no SOC 2 report & no pentest.\nLine two <x> 😀',
    );
  });

  it('turns "Log as risk" on a message into /risk with the message text and link as origin', () => {
    const invoke = channelMessage({ type: 'invoke', name: 'composeExtension/fetchTask', text: undefined, entities: [] });
    const turn = logAsRiskTurn(invoke, {
      commandId: 'logRisk',
      commandContext: 'message',
      messagePayload: {
        body: { contentType: 'html', content: '<div>Heads up: <at id="0">Alex</at> found that backups are <i>not</i> tested.</div>' },
        linkToMessage: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999',
      },
    });
    expect(turn).toMatchObject({
      platform: 'teams',
      text: '/risk',
      workspace: 'tenant-cd',
      origin: { channel: '19:general@thread.tacv2', messageText: 'Heads up: Alex found that backups are not tested.', messageLink: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999' },
    });
  });

  it('keeps only https message links', () => {
    const turn = logAsRiskTurn(channelMessage(), { messagePayload: { body: { contentType: 'text', content: 'hi' }, linkToMessage: 'javascript:alert(1)' } });
    expect(turn.origin).toEqual({ channel: '19:general@thread.tacv2', messageText: 'hi' });
  });

  it('turns a dialog submission into Turn.form, keeping the message as origin', () => {
    const input = submitActionToInput(channelMessage({ type: 'invoke' }), {
      commandId: 'logRisk',
      data: { annex: { kind: 'form', id: 'risk', prefix: 'f1_', multi: [] }, f1_title: 'Backups are not tested' },
      messagePayload: { body: { contentType: 'html', content: '<p>backups</p>' } },
    });
    expect(input).toMatchObject({ type: 'turn', source: 'form', turn: { form: { id: 'risk', values: { title: 'Backups are not tested' } }, origin: { messageText: 'backups' } } });
    expect(submitActionToInput(channelMessage({ type: 'invoke' }), { data: { title: 'no annex data' } }).type).toBe('invalid');
  });

  it("keeps the message link the dialog's form carries when Teams leaves the message out of the submission", () => {
    const data = { annex: { kind: 'form', id: 'risk', prefix: 'f1_', origin: { messageLink: 'https://teams.microsoft.com/l/message/2' } }, f1_title: 't' };
    expect(submitActionToInput(channelMessage({ type: 'invoke' }), { data })).toMatchObject({ turn: { origin: { messageLink: 'https://teams.microsoft.com/l/message/2' } } });
    const forged = { annex: { ...data.annex, origin: { messageLink: 'http://evil.example/x' } }, f1_title: 't' };
    const input = submitActionToInput(channelMessage({ type: 'invoke' }), { data: forged });
    expect(input.type === 'turn' && input.turn.origin?.messageLink).toBeUndefined();
  });
});
