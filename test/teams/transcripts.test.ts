/**
 * Every capability in Teams, driven through botbuilder's TestAdapter: activities as Teams sends
 * them go into the real activity handler; the cards that come out are checked with the
 * `adaptivecards` package and for size. Questions, choices, help and commands run on the real
 * core; the gap check, the risk form, lists and exports use a scripted core (`fakeBot`) that speaks
 * the view union, so the adapter is tested against the contract, not against work in progress.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES, type AdaptiveCard } from '../../adapters/teams/adaptive-cards.js';
import { createCardOverflowStore } from '../../adapters/teams/card-overflow.js';
import { AnnexTeamsBot } from '../../adapters/teams/teams-bot.js';
import { silentLogger } from '../../src/logger.js';
import type { Turn } from '../../src/turn.js';
import { reply, type Reply } from '../../src/views/view.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { button, buttonsOf, cardsOf, cardText, seenCardSizes } from './helpers/card-check.js';
import { fakeBot, recordingTestAdapter, TEAMS_CHANNEL_DATA, type FakeBot, type RecordingTestAdapter } from './helpers/fakes.js';
import { csvFile, gapQuestion, gapResult, riskCard, riskForm, riskList } from './helpers/sample-views.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.dispose();
  const sorted = [...seenCardSizes].sort((a, b) => a - b);
  console.info(`Teams transcripts: ${sorted.length} cards checked; size min ${sorted[0]} B, median ${sorted[Math.floor(sorted.length / 2)]} B, max ${sorted[sorted.length - 1]} B (budget ${MAX_CARD_BYTES} B)`);
});

/** The handler over a core (the real one by default) and a TestAdapter recording updates. */
let conversations = 0;

/**
 * The handler over a core (the real one by default) and a TestAdapter recording updates. Each
 * adapter is its own chat, so conversation state (a gap check in progress) never leaks between tests.
 */
function teams(bot: { handle(turn: Turn): Promise<Reply> } = app.bot): RecordingTestAdapter {
  const handler = new AnnexTeamsBot({ bot, logger: silentLogger, overflow: createCardOverflowStore(app.store) });
  const adapter = recordingTestAdapter((context) => handler.run(context));
  adapter.conversation.conversation = { ...adapter.conversation.conversation, id: `a:chat-${++conversations}` };
  return adapter;
}

const message = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({ type: 'message', text, channelData: TEAMS_CHANNEL_DATA, ...extra });

/** A click on a card button: Teams sends the button's data as `value`, with the card's id as `replyToId`. */
const click = (data: Record<string, unknown>, cardActivityId: string, inputs: Record<string, string> = {}): Partial<Activity> => ({
  type: 'message',
  value: { ...data, ...inputs },
  replyToId: cardActivityId,
  channelData: TEAMS_CHANNEL_DATA,
});

/** Sends one activity and returns everything the bot sent back. */
async function say(adapter: RecordingTestAdapter, activity: Partial<Activity>): Promise<Array<Partial<Activity>>> {
  adapter.activeQueue.splice(0);
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0);
}

async function onlyCard(sent: Array<Partial<Activity>>): Promise<AdaptiveCard> {
  expect(sent).toHaveLength(1);
  const cards = await cardsOf(sent[0]);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

describe('Teams transcripts: questions and commands (real core)', () => {
  it('answers "what is A.5.15" with an Adaptive Card citing the control, and the text fallback as summary', async () => {
    const adapter = teams();
    await adapter
      .send(message('what is A.5.15'))
      .assertReply(async (activity) => {
        const [card] = await cardsOf(activity);
        const text = cardText(card!);
        expect(text).toContain('Access control');
        expect(text).toContain('ISO/IEC 27001:2022 · Annex A control A.5.15');
        expect(text).toContain('Evidence auditors ask for');
        expect(activity.summary).toMatch(/^Access control \(ISO\/IEC 27001:2022 · Annex A control A\.5\.15\)/);
        expect(button(card!, 'Related').data).toEqual({ annex: { kind: 'action', command: '/iso related 27001:A.5.15' } });
      })
      .startTest();
  });

  it('strips the @mention in a channel before reading the command', async () => {
    const adapter = teams();
    const sent = await say(
      adapter,
      message('<at>Annex</at> help', {
        conversation: { id: '19:general@thread.tacv2', isGroup: true, conversationType: 'channel', tenantId: 'T-contoso', name: '' } as Activity['conversation'],
        entities: [{ type: 'mention', text: '<at>Annex</at>', mentioned: { id: '28:annex', name: 'Annex' } }],
      }),
    );
    const card = await onlyCard(sent);
    expect(cardText(card)).toContain('Annex: your ISO/IEC 27001 and ISO/IEC 42001 assistant');
    expect(cardText(card)).toContain('/risk <add|list|show|update|close|accept|export|help> ...');
  });

  it('offers choices for an ambiguous id, and a click answers the chosen one', async () => {
    const adapter = teams();
    const card = await onlyCard(await say(adapter, message('A.5.2')));
    expect(cardText(card)).toContain('"A.5.2" exists in more than one place');
    const choice = button(card, /^27001 A\.5\.2/);
    const answer = await onlyCard(await say(adapter, click(choice.data, 'card-choices')));
    expect(cardText(answer)).toContain('ISO/IEC 27001:2022 · Annex A control A.5.2');
    expect(adapter.updates).toEqual([]);
  });

  it('answers off-topic text with what it can do', async () => {
    const card = await onlyCard(await say(teams(), message('what about the thing with the stuff')));
    expect(cardText(card)).toContain('I answer questions about ISO/IEC 27001');
    expect(button(card, 'Show what I can do').data).toEqual({ annex: { kind: 'action', command: 'help' } });
  });

  it.each([['risk list'], ['risk'], ['gapcheck 27001'], ['gapcheck resume'], ['risk export']])('answers the typed command "%s" with a valid card', async (command) => {
    const sent = await say(teams(), message(command));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const activity of sent) expect((await cardsOf(activity)).length).toBe(1);
  });

  it('greets with the help card when it is added to a conversation', async () => {
    const adapter = teams();
    const sent = await say(adapter, { type: 'conversationUpdate', membersAdded: [{ id: '28:annex', name: 'Annex' }], channelData: TEAMS_CHANNEL_DATA });
    expect(cardText(await onlyCard(sent))).toContain('I answer questions about both standards');
    expect(await say(adapter, { type: 'conversationUpdate', membersAdded: [{ id: '29:someone-else', name: 'Kim' }], channelData: TEAMS_CHANNEL_DATA })).toEqual([]);
  });

  it('explains a button it cannot read instead of failing', async () => {
    const card = await onlyCard(await say(teams(), click({ annex: { kind: 'action' } }, 'old-card')));
    expect(cardText(card)).toContain('I could not read that button');
  });
});

/** A scripted gap check: three questions, then the result; every answer continues the card. */
function fakeGapCheck(): FakeBot {
  let index = 0;
  return fakeBot((turn) => {
    const said = turn.action?.command ?? turn.text ?? '';
    if (said === 'gapcheck 27001') {
      index = 1;
      return reply(gapQuestion(1));
    }
    if (['yes', 'partly', 'no', 'not sure', 'not applicable'].includes(said) && index > 0) {
      index += 1;
      return { views: [index > 3 ? gapResult() : gapQuestion(index)], replaceOriginal: true };
    }
    return reply({ kind: 'error', code: 'BAD_INPUT', message: 'unexpected' });
  });
}

describe('Teams transcripts: the gap-check interview updates its card in place', () => {
  it('answers by button, replacing the question card each time, and ends with the result', async () => {
    const core = fakeGapCheck();
    const adapter = teams(core);
    const first = await say(adapter, message('gapcheck 27001'));
    const question1 = await onlyCard(first);
    expect(cardText(question1)).toContain('question 1 of 3');
    expect(buttonsOf(question1).map((b) => b.title)).toEqual(['Yes', 'Partly', 'No', 'Not sure', 'Not applicable', 'Back', 'Skip', 'Why', 'Cancel']);
    const cardId = first[0]!.id!;

    const steps: Array<[string, RegExp]> = [
      ['Yes', /question 2 of 3/],
      ['Partly', /question 3 of 3/],
      ['No', /ISO 27001 quick check: readiness 62\/100/],
    ];
    let current = question1;
    for (const [answer, expected] of steps) {
      const sent = await say(adapter, click(button(current, answer).data, cardId));
      expect(sent, 'nothing new is posted: the card is updated').toEqual([]);
      const update = adapter.updates.at(-1)!;
      expect(update.id).toBe(cardId);
      current = (await cardsOf(update))[0]!;
      expect(cardText(current)).toMatch(expected);
    }
    expect(adapter.updates).toHaveLength(3);
    expect(core.turns.slice(1).map((t) => t.action?.command)).toEqual(['yes', 'partly', 'no']);
    expect(core.turns.every((t) => t.platform === 'teams' && t.workspace === 'T-contoso' && t.user.id === 'aad-sam')).toBe(true);
  });

  it('runs the real interview: each answer click updates the question card in place', async () => {
    const adapter = teams();
    const first = await say(adapter, message('gapcheck 27001'));
    let card = await onlyCard(first);
    expect(cardText(card)).toMatch(/question 1 of \d+/);
    for (const [answer, next] of [['Yes', 2], ['No', 3]] as const) {
      expect(await say(adapter, click(button(card, answer).data, first[0]!.id!))).toEqual([]);
      const update = adapter.updates.at(-1)!;
      expect(update.id).toBe(first[0]!.id);
      card = (await cardsOf(update))[0]!;
      expect(cardText(card)).toMatch(new RegExp(`question ${next} of \\d+`));
    }
  });

  it('posts a new card when the clicked card cannot be updated', async () => {
    const core = fakeGapCheck();
    const adapter = teams(core);
    const question1 = await onlyCard(await say(adapter, message('gapcheck 27001')));
    adapter.updateActivity = async () => {
      throw new Error('Activity not found');
    };
    const sent = await say(adapter, click(button(question1, 'Yes').data, 'deleted-card'));
    expect(cardText(await onlyCard(sent))).toContain('question 2 of 3');
  });
});

/** A scripted risk register: "/risk" or "risk" gives the form (pre-filled from the origin), a submit logs. */
function fakeRegister(): FakeBot {
  return fakeBot((turn) => {
    const said = (turn.action?.command ?? turn.text ?? '').replace(/^\//, '');
    if (turn.form) {
      const title = turn.form.values.title;
      if (typeof title !== 'string' || !title.trim()) return reply({ kind: 'error', code: 'BAD_INPUT', message: 'A risk needs a title.' });
      return reply({ kind: 'notice', tone: 'success', text: 'Risk logged.' }, riskCard('R-7K3F', title));
    }
    if (said === 'risk') {
      const origin = turn.origin?.messageText;
      return reply(riskForm(origin ? { title: origin.split('\n')[0]!.slice(0, 200), description: origin } : {}, turn.origin?.messageLink ? { messageLink: turn.origin.messageLink } : undefined));
    }
    const page = /^risk list(?: open)?(?: page=(\d+))?$/.exec(said);
    if (page) return reply(riskList(Number(page[1] ?? 1), 3));
    if (said === 'risk export') return reply({ kind: 'notice', tone: 'info', text: 'The register, as CSV:' }, csvFile(3));
    if (said === 'risk export big') return reply(csvFile(3000));
    return reply({ kind: 'error', code: 'UNKNOWN_COMMAND', message: `unexpected: ${said}` });
  });
}

describe('Teams transcripts: the risk form, risk cards, paged lists and exports', () => {
  it('shows the form as a card; a submit becomes Turn.form and the form is replaced by the risk card', async () => {
    const core = fakeRegister();
    const adapter = teams(core);
    const sent = await say(adapter, message('risk'));
    const form = await onlyCard(sent);
    expect(form.body.filter((e) => e.type.startsWith('Input.')).map((e) => e.type)).toEqual([
      'Input.Text',
      'Input.Text',
      'Input.ChoiceSet',
      'Input.ChoiceSet',
      'Input.Text',
      'Input.ChoiceSet',
      'Input.ChoiceSet',
      'Input.Date',
    ]);
    const submit = button(form, 'Log risk');
    await say(adapter, click(submit.data, sent[0]!.id!, { f1_title: 'Laptops are not encrypted', f1_likelihood: '4', f1_impact: '4', f1_controls: '27001:A.8.1,27001:A.8.24', f1_due: '2027-01-31' }));
    expect(core.turns.at(-1)!.form).toEqual({
      id: 'risk',
      values: { title: 'Laptops are not encrypted', likelihood: '4', impact: '4', controls: ['27001:A.8.1', '27001:A.8.24'], due: '2027-01-31' },
    });
    expect(core.turns.at(-1)!.eventId).toBeDefined();
    const [result] = await cardsOf(adapter.updates.at(-1));
    expect(adapter.updates.at(-1)!.id).toBe(sent[0]!.id);
    expect(cardText(result!)).toContain('R-7K3F: Laptops are not encrypted');
    expect(cardText(result!)).toContain('High (16)');
  });

  it('leaves the filled form in place and says why when the core refuses it', async () => {
    const adapter = teams(fakeRegister());
    const sent = await say(adapter, message('risk'));
    const form = await onlyCard(sent);
    const refused = await say(adapter, click(button(form, 'Log risk').data, sent[0]!.id!, { f1_title: '  ' }));
    expect(cardText(await onlyCard(refused))).toContain('A risk needs a title.');
    expect(adapter.updates).toEqual([]);
  });

  it('pages a risk list with its buttons', async () => {
    const core = fakeRegister();
    const adapter = teams(core);
    const page1 = await onlyCard(await say(adapter, message('risk list')));
    expect(cardText(page1)).toContain('open: 30 risks, page 1 of 3');
    const page2 = await onlyCard(await say(adapter, click(button(page1, 'Next page').data, 'list-card')));
    expect(cardText(page2)).toContain('page 2 of 3');
    expect(core.turns.at(-1)!.action).toEqual({ command: '/risk list open page=2' });
  });

  it('shows a small export inline in the card', async () => {
    const card = await onlyCard(await say(teams(fakeRegister()), message('risk export')));
    const text = cardText(card);
    expect(text).toContain('Copy the text below into a file named risks.csv.');
    expect(text).toContain('id,title,level,status,owner\nR-1000,"Risk number 1 with a fairly long title",high,open,Sam');
  });

  it('splits a large export across cards behind "More", each under the budget, losing no line', async () => {
    const adapter = teams(fakeRegister());
    const shown: string[] = [];
    let card = await onlyCard(await say(adapter, message('risk export big')));
    let parts = 1;
    for (;;) {
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      shown.push(...card.body.filter((e) => JSON.stringify(e).includes('Monospace')).map((e) => (e.inlines as Array<{ text: string }>)[0]!.text));
      const more = buttonsOf(card).find((b) => b.title === 'More');
      if (!more) break;
      card = await onlyCard(await say(adapter, click(more.data, `part-${parts}`)));
      parts += 1;
      expect(parts).toBeLessThan(50);
    }
    expect(parts).toBeGreaterThan(3);
    expect(`${shown.join('\n')}\n`).toBe(csvFile(3000).content);
  });

  it('says so when the rest of a message is gone, and keeps each tenant\'s overflow to itself', async () => {
    const adapter = teams(fakeRegister());
    const card = await onlyCard(await say(adapter, message('risk export big')));
    const more = button(card, 'More');
    const otherTenant = await say(adapter, { ...click(more.data, 'x'), channelData: { tenant: { id: 'T-other' } } });
    expect(cardText(await onlyCard(otherTenant))).toContain('no longer kept');
    const unknown = await say(adapter, click({ annex: { kind: 'more', key: '00000000-0000-4000-8000-000000000000' } }, 'x'));
    expect(cardText(await onlyCard(unknown))).toContain('no longer kept');
  });
});

describe('Teams transcripts: the risk register on the real core', () => {
  it('logs a risk from the form card, replacing the form with the stored risk', async () => {
    const adapter = teams();
    const sent = await say(adapter, message('risk'));
    const form = await onlyCard(sent);
    const submit = buttonsOf(form).find((b) => (b.data.annex as { kind: string }).kind === 'form');
    expect(submit, 'the form has a submit button').toBeDefined();
    const prefix = (submit!.data.annex as { prefix: string }).prefix;
    await say(adapter, click(submit!.data, sent[0]!.id!, { [`${prefix}title`]: 'Laptops are not encrypted', [`${prefix}likelihood`]: '4', [`${prefix}impact`]: '4' }));
    const update = adapter.updates.at(-1);
    expect(update?.id).toBe(sent[0]!.id);
    const text = cardText((await cardsOf(update))[0]!);
    expect(text).toMatch(/R-[0-9A-Z]{4}: Laptops are not encrypted/);
    const listed = cardText(await onlyCard(await say(adapter, message('risk list'))));
    expect(listed).toContain('Laptops are not encrypted');
  });

  it('replaces a refused form with the reason and the form again, filled in', async () => {
    const adapter = teams();
    const sent = await say(adapter, message('risk'));
    const submit = buttonsOf(await onlyCard(sent)).find((b) => (b.data.annex as { kind: string }).kind === 'form')!;
    const prefix = (submit.data.annex as { prefix: string }).prefix;
    await say(adapter, click(submit.data, sent[0]!.id!, { [`${prefix}title`]: '', [`${prefix}description`]: 'kept text' }));
    const update = adapter.updates.at(-1);
    expect(update?.id).toBe(sent[0]!.id);
    const card = (await cardsOf(update))[0]!;
    expect(cardText(card)).toMatch(/Sorry: [\s\S]*needs a title/);
    expect(card.body.find((e) => e.id === `${prefix}description`)).toMatchObject({ value: 'kept text' });
  });
});

describe('Teams transcripts: "Log as risk" message extension', () => {
  const fetchTask = (commandId = 'logRisk'): Partial<Activity> => ({
    type: 'invoke',
    name: 'composeExtension/fetchTask',
    channelData: TEAMS_CHANNEL_DATA,
    value: {
      commandId,
      commandContext: 'message',
      context: { theme: 'default' },
      messagePayload: {
        id: '1699999999999',
        body: { contentType: 'html', content: '<p>Our vendor <b>Acme</b> has no SOC&nbsp;2 report</p><p>and no pentest either.</p>' },
        linkToMessage: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999',
        from: { user: { id: 'aad-alex', displayName: 'Alex' } },
      },
    },
  });

  const invokeBody = (sent: Array<Partial<Activity>>): { task: { type: string; value: { title?: string; card?: { content: AdaptiveCard } } | string } } => {
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('invokeResponse');
    const value = sent[0]!.value as { status: number; body: never };
    expect(value.status).toBe(200);
    return value.body;
  };

  it('opens the risk form in a dialog, pre-filled with the message text and link', async () => {
    const core = fakeRegister();
    const adapter = teams(core);
    const body = invokeBody(await say(adapter, fetchTask()));
    expect(core.turns[0]).toMatchObject({
      text: '/risk',
      origin: { messageText: 'Our vendor Acme has no SOC 2 report\nand no pentest either.', messageLink: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999' },
    });
    expect(body.task.type).toBe('continue');
    const task = body.task.value as { title: string; card: { contentType: string; content: AdaptiveCard } };
    expect(task.title).toBe('Log a risk');
    expect(task.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const [card] = await cardsOf({ attachments: [task.card] });
    const title = card!.body.find((e) => e.id === 'f1_title');
    expect(title).toMatchObject({ value: 'Our vendor Acme has no SOC 2 report' });
    expect(button(card!, 'Log risk').data).toMatchObject({ annex: { context: { messageLink: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999' } } });
  });

  it('submits the dialog as Turn.form and shows the logged risk in it', async () => {
    const core = fakeRegister();
    const adapter = teams(core);
    const opened = invokeBody(await say(adapter, fetchTask()));
    const [form] = await cardsOf({ attachments: [(opened.task.value as { card: never }).card] });
    const submit = button(form!, 'Log risk');
    const body = invokeBody(
      await say(adapter, {
        type: 'invoke',
        name: 'composeExtension/submitAction',
        channelData: TEAMS_CHANNEL_DATA,
        value: { commandId: 'logRisk', commandContext: 'message', data: { ...submit.data, f1_title: 'Vendor Acme has no SOC 2 report', f1_likelihood: '3', f1_impact: '4' }, messagePayload: (fetchTask().value as { messagePayload: unknown }).messagePayload },
      }),
    );
    expect(core.turns.at(-1)!.form).toEqual({
      id: 'risk',
      values: { title: 'Vendor Acme has no SOC 2 report', likelihood: '3', impact: '4', messageLink: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999' },
    });
    expect(body.task.type).toBe('continue');
    const [result] = await cardsOf({ attachments: [(body.task.value as { card: never }).card] });
    expect(cardText(result!)).toContain('R-7K3F: Vendor Acme has no SOC 2 report');
  });

  it('hands the message link back with the form even when Teams leaves the message out of the submission', async () => {
    const core = fakeRegister();
    const adapter = teams(core);
    const opened = invokeBody(await say(adapter, fetchTask()));
    const [form] = await cardsOf({ attachments: [(opened.task.value as { card: never }).card] });
    await say(adapter, {
      type: 'invoke',
      name: 'composeExtension/submitAction',
      channelData: TEAMS_CHANNEL_DATA,
      value: { commandId: 'logRisk', commandContext: 'message', data: { ...button(form!, 'Log risk').data, f1_title: 'Acme' } },
    });
    expect(core.turns.at(-1)!.origin).toMatchObject({ messageLink: 'https://teams.microsoft.com/l/message/19:general@thread.tacv2/1699999999999' });
  });

  it('answers an unknown command with a message, not an error', async () => {
    const body = invokeBody(await say(teams(fakeRegister()), fetchTask('somethingElse')));
    expect(body.task).toEqual({ type: 'message', value: 'This command is not available in this version of Annex.' });
  });

  it('opens the real risk form pre-filled from the message, and logs the risk with its link', async () => {
    const adapter = teams();
    const body = invokeBody(await say(adapter, fetchTask()));
    expect(body.task.type).toBe('continue');
    const [form] = await cardsOf({ attachments: [(body.task.value as { card: never }).card] });
    expect(cardText(form!)).toContain('Our vendor Acme has no SOC 2 report');
    const submit = buttonsOf(form!).find((b) => (b.data.annex as { kind: string }).kind === 'form')!;
    const prefix = (submit.data.annex as { prefix: string }).prefix;
    const inputs = Object.fromEntries(form!.body.filter((e) => e.type.startsWith('Input.') && typeof e.value === 'string').map((e) => [e.id as string, e.value as string]));
    const done = invokeBody(
      await say(adapter, { type: 'invoke', name: 'composeExtension/submitAction', channelData: TEAMS_CHANNEL_DATA, value: { commandId: 'logRisk', commandContext: 'message', data: { ...submit.data, ...inputs } } }),
    );
    const [result] = await cardsOf({ attachments: [(done.task.value as { card: never }).card] });
    expect(cardText(result!)).toMatch(/R-[0-9A-Z]{4}: Our vendor Acme has no SOC 2 report/);
    expect(prefix).toBe('f1_');
  });
});
