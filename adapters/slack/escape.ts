/**
 * The one escape for text Slack reads as markup (`mrkdwn` text objects and a message's `text`).
 * Slack treats `<…>` as mentions, channel links and URLs, and `&` starts an entity, so escaping
 * these three characters is what neutralises `<!channel>`, `<@U123>` and `<https://evil|bank>` typed
 * by a user and echoed back by the bot. Every string the renderer puts into mrkdwn goes through here.
 * `plain_text` objects are never parsed for markup and are left as they are.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
