/** Small labelled markers used on several pages: principles, stages, warmth. */
import type { Principle, Stage } from '../api-types.js';
import { explainPrinciple } from '../principles.js';

/** A principle id as a badge, its one-sentence explanation as the tooltip and for screen readers. */
export function PrincipleBadge({ id }: { id: Principle | string }) {
  return <span class="badge principle" title={explainPrinciple(id)}>{id}</span>;
}

/** Principle badges followed by what each one means, in words anyone can read. */
export function PrincipleList({ ids }: { ids: readonly string[] }) {
  return (
    <ul class="principles">
      {ids.map((id) => (
        <li key={id}>
          <PrincipleBadge id={id} /> <span class="explain">{explainPrinciple(id)}</span>
        </li>
      ))}
    </ul>
  );
}

export function StageBadge({ stage }: { stage: Stage }) {
  return <span class={`badge stage stage-${stage}`}>{stage}</span>;
}

const ARROWS = { warming: '↑', steady: '→', cooling: '↓' } as const;

export function Warmth({ value, trend }: { value: number; trend: keyof typeof ARROWS }) {
  return (
    <span class={`warmth trend-${trend}`}>
      {value.toFixed(1)} <span aria-hidden="true">{ARROWS[trend]}</span>
      <span class="visually-hidden"> {trend}</span>
    </span>
  );
}
