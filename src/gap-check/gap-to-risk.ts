/**
 * A gap from a completed check -> a new risk for the register. Pure.
 *
 * Likelihood and impact are first estimates, said so in the description: impact follows the
 * question's weight (how much an auditor or an attacker would care), likelihood is 3 for a missing
 * or unknown practice and 2 for a partial one. The owner and the final rating are for people.
 */
import type { Standard } from '../knowledge/schema.js';
import type { NewRiskInput, RiskOrigin } from '../risks/register-port.js';
import type { CheckResult, ResultAnswer } from './result.js';
import { FINAL_ANSWER_LABELS } from './scoring.js';

/** The idempotency key of "log this gap": the same gap of the same result is one risk, however often it is clicked. */
export const gapRiskKey = (r: CheckResult, gap: ResultAnswer) => `gapcheck:${r.scope.platform}:${r.scope.workspace}:${r.id}:${gap.questionId}`;

export function gapToRisk(r: CheckResult, gap: ResultAnswer, origin: { channel?: string; messageLink?: string } = {}): NewRiskInput {
  const standards = [...new Set(gap.refs.map((ref) => ref.split(':')[0]).filter((s): s is Standard => s === '27001' || s === '42001'))];
  const riskOrigin: RiskOrigin = {
    platform: r.scope.platform,
    workspace: r.scope.workspace,
    channel: origin.channel ?? r.scope.conversation,
    ...(origin.messageLink ? { messageLink: origin.messageLink } : {}),
    source: `gapcheck:${r.id}`,
  };
  return {
    title: gap.gap,
    description:
      `Found by the ${r.checkTitle} (result ${r.id}, ${r.completedAt.slice(0, 10)}, by ${r.user.name}): ` +
      `"${gap.text}" was answered ${FINAL_ANSWER_LABELS[gap.answer]}. ` +
      `Likelihood and impact are first estimates from the check; adjust them. See /gapcheck result ${r.id}.`,
    standards,
    controls: [...gap.refs],
    likelihood: gap.answer === 'partly' ? 2 : 3,
    impact: gap.weight,
    treatment: 'mitigate',
    treatmentPlan: gap.recommendation,
    origin: riskOrigin,
  };
}
