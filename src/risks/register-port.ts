/**
 * The risk register as other capabilities see it (the gap check logs its gaps through this).
 * Implemented by `createRiskRegister` in `register.ts`.
 */
import type { Standard } from '../knowledge/schema.js';
import type { Platform } from '../turn.js';

/** Who is acting, and in which workspace: the boundary no risk crosses. */
export interface RiskActor {
  platform: Platform;
  workspace: string;
  userId: string;
  userName: string;
}

/** Where a risk was raised, so the register links back to the conversation. */
export interface RiskOrigin {
  platform: Platform;
  workspace: string;
  channel?: string;
  messageLink?: string;
  /** What raised it, e.g. `gapcheck:<result id>` or `message`. */
  source?: string;
}

export interface NewRiskInput {
  title: string;
  description?: string;
  standards?: Standard[];
  /** Knowledge refs, e.g. `27001:A.8.1`. */
  controls?: string[];
  likelihood?: number;
  impact?: number;
  owner?: { id: string; name: string };
  treatment?: 'avoid' | 'mitigate' | 'transfer' | 'accept';
  treatmentPlan?: string;
  /** `YYYY-MM-DD`. */
  due?: string;
  /** Likelihood and impact after treatment, 1-5. */
  residualLikelihood?: number;
  residualImpact?: number;
  origin?: RiskOrigin;
}

export interface RiskRegisterPort {
  /**
   * Stores a new risk at once. With an `idempotencyKey` (derived from the source event or click),
   * a retried delivery returns the risk already created instead of adding a second one.
   */
  add(actor: RiskActor, input: NewRiskInput, idempotencyKey?: string): Promise<{ id: string; title: string }>;
}
