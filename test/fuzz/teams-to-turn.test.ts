/**
 * Teams activities -> turns (adapters/teams/to-turn.ts, card-data.ts) under hostile activities:
 * typed fields with any text, card submissions with any data (anyone can post a crafted card
 * submit), message-extension payloads with any HTML. Every activity becomes a valid turn, a
 * "more" key, or `invalid`; nothing throws.
 */
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCardData } from '../../adapters/teams/card-data.js';
import { htmlToText, logAsRiskTurn, messageToInput, originOfMessage, submitActionToInput, type MessageActionPayload, type TeamsInput } from '../../adapters/teams/to-turn.js';
import { anyString, FRAGMENTS, giantText, hostileText, runs } from './hostile.js';
import { expectValidTurn } from './turns.js';

const text = fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: giantText });
/** A field that is usually the right type and sometimes anything at all. */
const maybeJunk = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const account = fc.record({ id: maybeJunk(anyString), name: maybeJunk(text), aadObjectId: maybeJunk(anyString) }, { requiredKeys: [] });
const mentionEntity = fc.record({ type: fc.constantFrom('mention', 'clientInfo', 'other'), text: maybeJunk(fc.oneof(fc.constant('<at>Annex</at>'), anyString)), mentioned: maybeJunk(account) }, { requiredKeys: ['type'] });

const cardData = fc.oneof(
  fc.record({ kind: fc.constant('action'), command: maybeJunk(text) }),
  fc.record({ kind: fc.constant('form'), id: maybeJunk(anyString), prefix: fc.oneof(fc.constant('f1_'), anyString), multi: maybeJunk(fc.array(anyString, { maxLength: 3 })), context: maybeJunk(fc.dictionary(anyString, hostileText, { maxKeys: 3 })), origin: maybeJunk(fc.record({ messageLink: maybeJunk(fc.oneof(fc.constant('https://teams.microsoft.com/l/message/1'), anyString)) }, { requiredKeys: [] })) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('more'), key: fc.oneof(fc.uuid(), anyString) }),
  fc.anything(),
);
const cardValue = fc.oneof(
  fc.tuple(cardData, fc.dictionary(fc.oneof(fc.constantFrom('f1_title', 'f1_owner', 'f1_controls', 'f1_constructor', 'f1___proto__', 'f2_title'), anyString), maybeJunk(text), { maxKeys: 5 })).map(([annex, inputs]) => ({ ...inputs, annex })),
  fc.anything(),
);

const activity = fc.record(
  {
    type: fc.constant('message'),
    id: maybeJunk(anyString),
    text: maybeJunk(text),
    value: fc.option(cardValue, { nil: undefined }),
    from: maybeJunk(account),
    recipient: maybeJunk(account),
    conversation: maybeJunk(fc.record({ id: maybeJunk(anyString), tenantId: maybeJunk(anyString) }, { requiredKeys: [] })),
    channelData: maybeJunk(fc.record({ tenant: maybeJunk(fc.record({ id: maybeJunk(anyString) }, { requiredKeys: [] })), channel: maybeJunk(fc.record({ id: maybeJunk(anyString) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    entities: maybeJunk(fc.array(mentionEntity, { maxLength: 3 })),
  },
  { requiredKeys: ['type'] },
) as unknown as fc.Arbitrary<Partial<Activity>>;

const html = fc.oneof(text, fc.array(fc.constantFrom(...FRAGMENTS, '<p>', '</p>', '<br/>', '&nbsp;', '&#x1F600;', '&#99999999;', '&constructor;', '<style>x</style>', '<div>'), { maxLength: 20 }).map((a) => a.join('')));
const messageAction = fc.record(
  {
    commandId: maybeJunk(fc.constantFrom('logRisk', 'other')),
    commandContext: maybeJunk(anyString),
    data: fc.option(cardValue, { nil: undefined }),
    messagePayload: maybeJunk(fc.record({ body: maybeJunk(fc.record({ content: maybeJunk(html), contentType: maybeJunk(fc.constantFrom('html', 'text')) }, { requiredKeys: [] })), linkToMessage: maybeJunk(fc.oneof(fc.webUrl(), anyString)) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<MessageActionPayload>;

function expectValidInput(input: TeamsInput): void {
  if (input.type === 'turn') expectValidTurn(input.turn, 'teams');
  else if (input.type === 'more') expect(input.key).toMatch(/^[0-9a-f-]{36}$/);
  else expect(input.type).toBe('invalid');
}

describe('Teams to-turn (fuzz)', () => {
  it('turns any message activity into a valid turn, a "more" key, or invalid', () => {
    fc.assert(
      fc.property(activity, (a) => {
        expectValidInput(messageToInput(a));
      }),
      { numRuns: runs(1500) },
    );
  });

  it('turns any message-extension payload into a valid turn or invalid', () => {
    fc.assert(
      fc.property(activity, messageAction, (a, action) => {
        expectValidTurn(logAsRiskTurn(a, action), 'teams');
        expectValidInput(submitActionToInput(a, action));
        for (const v of Object.values(originOfMessage(action))) expect(typeof v).toBe('string');
      }),
      { numRuns: runs(1000) },
    );
  });

  it('reads card data only when it is valid', () => {
    fc.assert(
      fc.property(cardValue, (value) => {
        const r = readCardData(value);
        if (r === undefined || r === 'invalid') return;
        expect(['action', 'form', 'more']).toContain(r.data.kind);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('turns any HTML into bounded plain text with no tags left', () => {
    fc.assert(
      fc.property(html, (h) => {
        const t = htmlToText(h);
        expect(t.length).toBeLessThanOrEqual(3000);
        expect(t).not.toMatch(/<\/?(?:p|br|div|script|style)\b[^>]*>/i);
        expect(t).not.toContain('function Object()');
      }),
      { numRuns: runs(1500) },
    );
  });
});
