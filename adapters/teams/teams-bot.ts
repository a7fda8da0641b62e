/**
 * The Teams activity handler. It translates and delivers; it decides nothing about compliance:
 * activity -> Turn (to-turn.ts) -> `bot.handle` -> Adaptive Card (adaptive-cards.ts) -> send.
 *
 * - Messages (typed text, or a click / form submit on one of our cards) are answered with one card;
 *   a reply that continues the clicked card (`replaceOriginal`, the gap-check interview) or the
 *   result of a submitted form replaces that card in place (`updateActivity` on `replyToId`, the
 *   card's activity id), so an answered question or a sent form cannot be clicked again.
 * - "Log as risk" (message extension on any message): `composeExtension/fetchTask` opens the
 *   core's risk form in a dialog, pre-filled from the message; `composeExtension/submitAction`
 *   submits it as `Turn.form` and shows the result (or the form again) in the dialog.
 * - A card too large for Teams ends with "More"; its rest is kept in the store (card-overflow.ts).
 * Each handler has one try/catch that logs and answers with a short error, never a stack trace.
 */
import { TeamsActivityHandler, type MessagingExtensionAction, type MessagingExtensionActionResponse, type TurnContext } from 'botbuilder';
import type { Bot } from '../../src/bot.js';
import type { Logger } from '../../src/logger.js';
import type { Reply, View } from '../../src/views/view.js';
import { attachmentOf, cardOf, moreBlock, overflowNote, packBlocks, renderReply, summaryOf, type AdaptiveCard, type Block } from './adaptive-cards.js';
import type { CardOverflowStore } from './card-overflow.js';
import { identityOf, logAsRiskTurn, LOG_AS_RISK_COMMAND_ID, messageToInput, submitActionToInput, type TeamsIdentity, type TeamsInput } from './to-turn.js';

export interface TeamsBotDeps {
  bot: Pick<Bot, 'handle'>;
  logger: Logger;
  overflow: CardOverflowStore;
}

const STALE_CARD: View = {
  kind: 'error',
  code: 'BAD_INPUT',
  message: 'I could not read that button. It may belong to a message from an older version of Annex.',
  hint: 'Type the command instead, or "help" to see them.',
  actions: [{ label: 'Help', command: 'help' }],
};
const EXPIRED_MORE: View = { kind: 'notice', tone: 'info', text: 'The rest of that message is no longer kept. Run the command again to see it.' };
const FAILED: View = { kind: 'error', code: 'INTERNAL', message: 'Something went wrong on my side. Nothing you typed was lost.', hint: 'Please try again in a moment.' };

const DIALOG_TITLE_MAX = 64;

/** A card ready to send: the card, and the plain-text fallback for the activity summary. */
interface Outgoing {
  card: AdaptiveCard;
  summary: string;
}

export class AnnexTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.onTeamsMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (botId && context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  private log(context: TurnContext): Logger {
    return this.deps.logger.child({ activityId: context.activity.id, activityType: context.activity.type, ...(context.activity.name ? { invoke: context.activity.name } : {}) });
  }

  /** Typed text or a click on one of our cards. */
  private async onTeamsMessage(context: TurnContext): Promise<void> {
    const logger = this.log(context);
    try {
      const input = messageToInput(context.activity);
      const { outgoing, replace } = await this.answer(input, logger);
      if (!outgoing) return;
      await this.deliver(context, outgoing, replace ? context.activity.replyToId : undefined, logger);
    } catch (err) {
      logger.error({ err }, 'failed to answer a Teams message');
      await this.deliver(context, this.cardFor([FAILED]), undefined, logger).catch(() => undefined);
    }
  }

  /** Input -> what to send, and whether it replaces the card that was clicked. */
  private async answer(input: TeamsInput, logger: Logger): Promise<{ outgoing?: Outgoing; replace: boolean }> {
    if (input.type === 'invalid') {
      logger.info({ code: 'BAD_INPUT' }, 'unreadable card data');
      return { outgoing: this.cardFor([STALE_CARD]), replace: false };
    }
    if (input.type === 'more') {
      const blocks = await this.deps.overflow.load(input.who.workspace, input.key).catch((err: unknown) => {
        logger.warn({ err: String(err) }, 'could not read a card overflow');
        return undefined;
      });
      if (!blocks) return { outgoing: this.cardFor([EXPIRED_MORE]), replace: false };
      const packed = packBlocks(blocks);
      return { outgoing: { card: await this.withOverflow(packed.card, packed.overflow, input.who.workspace, logger), summary: 'More of the previous message.' }, replace: false };
    }
    const reply: Reply = await this.deps.bot.handle(input.turn);
    if (!reply.views.length) return { replace: false };
    const rendered = renderReply(reply.views);
    const card = await this.withOverflow(rendered.card, rendered.overflow, input.turn.workspace, logger);
    // A submitted form is replaced by what comes back: its result (so it cannot be sent twice),
    // or the core's refusal with the form again, filled in. Only a refusal without a new form
    // leaves the filled-in form where it is, for the person to correct.
    const refusedWithoutForm = reply.views.some((v) => v.kind === 'error') && !reply.views.some((v) => v.kind === 'form');
    const replaceForm = input.source === 'form' && !refusedWithoutForm;
    return { outgoing: { card, summary: rendered.summary }, replace: Boolean(reply.replaceOriginal) || replaceForm };
  }

  private cardFor(views: View[]): Outgoing {
    const rendered = renderReply(views);
    return { card: rendered.card, summary: rendered.summary };
  }

  /** Appends "More" (the rest kept in the store), or a note when the store cannot keep it. */
  private async withOverflow(card: AdaptiveCard, overflow: Block[], workspace: string, logger: Logger): Promise<AdaptiveCard> {
    if (!overflow.length) return card;
    try {
      const key = await this.deps.overflow.save(workspace, overflow);
      return cardOf([...card.body, moreBlock(key)]);
    } catch (err) {
      logger.warn({ err: String(err) }, 'could not keep a card overflow');
      return cardOf([...card.body, overflowNote(overflow.length)]);
    }
  }

  /** Sends the card, or replaces the card with id `replaceId` (falling back to a new message). */
  private async deliver(context: TurnContext, outgoing: Outgoing, replaceId: string | undefined, logger: Logger): Promise<void> {
    const activity = { type: 'message', attachments: [attachmentOf(outgoing.card)], summary: outgoing.summary };
    if (replaceId) {
      try {
        await context.updateActivity({ ...activity, id: replaceId });
        return;
      } catch (err) {
        // The card may have been deleted, or be too old to edit: say it in a new message instead.
        logger.warn({ err: String(err) }, 'could not update a card in place; sending a new message');
      }
    }
    await context.sendActivity(activity);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const logger = this.log(context);
    try {
      const who = identityOf(context.activity);
      // `/help` rather than `help`: a slash command is never taken as an answer by a conversation
      // in progress (a gap check), so the greeting is always the help card.
      const reply = await this.deps.bot.handle({ platform: 'teams', workspace: who.workspace, conversation: who.conversation, user: who.user, text: '/help', origin: { channel: who.channel } });
      if (reply.views.length) await this.deliver(context, this.cardFor(reply.views), undefined, logger);
    } catch (err) {
      logger.warn({ err }, 'could not send the welcome message');
    }
  }

  // ── message extension: "Log as risk" ────────────────────────────────────────────────────────

  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const logger = this.log(context);
    try {
      if (action.commandId !== LOG_AS_RISK_COMMAND_ID) {
        logger.info({ commandId: String(action.commandId).slice(0, 64) }, 'unknown message extension command');
        return { task: { type: 'message', value: 'This command is not available in this version of Annex.' } };
      }
      const turn = logAsRiskTurn(context.activity, action);
      const reply = await this.deps.bot.handle(turn);
      return await this.dialog(reply.views, identityOf(context.activity), logger, turn.origin?.messageLink);
    } catch (err) {
      logger.error({ err }, 'failed to open the "Log as risk" dialog');
      return this.dialog([FAILED], identityOf(context.activity), logger);
    }
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const logger = this.log(context);
    const who = identityOf(context.activity);
    try {
      const input = submitActionToInput(context.activity, action);
      if (input.type === 'turn') {
        const reply = await this.deps.bot.handle(input.turn);
        return await this.dialog(reply.views, who, logger, input.turn.origin?.messageLink);
      }
      const { outgoing } = await this.answer(input, logger);
      return this.dialogOf(outgoing ?? this.cardFor([FAILED]), 'Annex');
    } catch (err) {
      logger.error({ err }, 'failed to handle a "Log as risk" submission');
      return this.dialog([FAILED], who, logger);
    }
  }

  /** Views shown in the dialog: the form (its title names the dialog) or the outcome. */
  private async dialog(views: View[], who: TeamsIdentity, logger: Logger, messageLink?: string): Promise<MessagingExtensionActionResponse> {
    if (!views.length) return { task: { type: 'message', value: 'Done.' } };
    const rendered = renderReply(views, messageLink ? { formOrigin: { messageLink } } : {});
    const card = await this.withOverflow(rendered.card, rendered.overflow, who.workspace, logger);
    const form = views.find((v) => v.kind === 'form');
    return this.dialogOf({ card, summary: summaryOf(views) }, form?.kind === 'form' ? form.title : 'Annex');
  }

  private dialogOf(outgoing: Outgoing, title: string): MessagingExtensionActionResponse {
    return {
      task: {
        type: 'continue',
        value: { title: title.length > DIALOG_TITLE_MAX ? `${title.slice(0, DIALOG_TITLE_MAX - 1)}…` : title, width: 'medium', card: attachmentOf(outgoing.card) },
      },
    };
  }
}
