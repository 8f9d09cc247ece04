/** The relationship stages, lowest first, for filters and sorting (DESIGN §2). */
import type { Stage } from './api-types.js';

// A record keyed by Stage makes the compiler insist that every stage is listed.
const RANK: Record<Stage, number> = { stranger: 0, connected: 1, acquainted: 2, engaged: 3, trusted: 4, advocate: 5 };

export const STAGE_LIST = (Object.keys(RANK) as Stage[]).sort((a, b) => RANK[a] - RANK[b]);

export function isStage(value: string): value is Stage {
  return value in RANK;
}
