/**
 * The risk matrix: how likelihood x impact becomes a score and a level. One documented 5x5 matrix
 * for the whole register, so every risk is rated the same way and an auditor can see the method.
 *
 * Score = likelihood x impact (1..25). Level by score:
 *
 * ```
 *                      Impact
 *                      1 negligible  2 minor   3 moderate  4 major    5 severe
 * Likelihood
 * 5 almost certain     Medium (5)    High (10) High (15)   Crit. (20) Crit. (25)
 * 4 likely             Low (4)       Medium(8) High (12)   High (16)  Crit. (20)
 * 3 possible           Low (3)       Medium(6) Medium (9)  High (12)  High (15)
 * 2 unlikely           Low (2)       Low (4)   Medium (6)  Medium (8) High (10)
 * 1 rare               Low (1)       Low (2)   Low (3)     Low (4)    Medium (5)
 * ```
 *
 * Low 1-4, Medium 5-9, High 10-16, Critical 20-25. Pure: numbers in, level out.
 */

export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** The lowest score of each level; a score belongs to the highest level whose floor it reaches. */
export const LEVEL_FLOORS: Record<Level, number> = { low: 1, medium: 5, high: 10, critical: 20 };

export const LEVEL_NAMES: Record<Level, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** The words of the likelihood scale, 1..5 (index 0 is unused). */
export const LIKELIHOOD_WORDS = ['', 'rare', 'unlikely', 'possible', 'likely', 'almost certain'] as const;
/** The words of the impact scale, 1..5 (index 0 is unused). */
export const IMPACT_WORDS = ['', 'negligible', 'minor', 'moderate', 'major', 'severe'] as const;

export function scoreOf(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export function levelOf(score: number): Level {
  if (score >= LEVEL_FLOORS.critical) return 'critical';
  if (score >= LEVEL_FLOORS.high) return 'high';
  if (score >= LEVEL_FLOORS.medium) return 'medium';
  return 'low';
}

/** `High (16)`. */
export function levelText(score: number): string {
  return `${LEVEL_NAMES[levelOf(score)]} (${score})`;
}

/** A rating, or null when either side is not rated yet. */
export function rate(likelihood: number | null, impact: number | null): { score: number; level: Level } | null {
  if (likelihood === null || impact === null) return null;
  const score = scoreOf(likelihood, impact);
  return { score, level: levelOf(score) };
}

/** The matrix as rows (likelihood 5 down to 1) for `/risk help`. */
export function matrixRows(): string[][] {
  const rows: string[][] = [];
  for (let l = 5; l >= 1; l -= 1) {
    rows.push([`${l} ${LIKELIHOOD_WORDS[l]}`, ...[1, 2, 3, 4, 5].map((i) => levelText(scoreOf(l, i)))]);
  }
  return rows;
}

export const MATRIX_COLUMNS = ['Likelihood \\ Impact', ...[1, 2, 3, 4, 5].map((i) => `${i} ${IMPACT_WORDS[i]}`)];
