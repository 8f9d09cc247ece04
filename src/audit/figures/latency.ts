/**
 * `ask-and-listen`: how long people wait for your answer. Measured from the first of their
 * messages you had not answered yet to your next message to them.
 */
import type { Interaction } from '../../domain/views.js';
import { byMonth, excerpt, MESSAGE_KINDS } from '../gather.js';
import { plural, type FigureDefinition } from '../figure.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface Waiting {
  readonly message: Interaction;
  readonly handle: string;
  /** Hours until your answer; null when unanswered within the answer window; undefined while still in it. */
  readonly hours: number | null | undefined;
}

export const replyLatency: FigureDefinition = {
  id: 'reply-latency',
  title: 'Reply latency',
  principles: ['ask-and-listen'],
  reading: 'Median hours between a message of theirs and your answer (messages you never answered are counted apart). Lower is better.',
  unit: 'hours',
  goodDirection: 'down',
  measure(context) {
    const windowMs = context.playbook.stages.answerWindowDays * DAY_MS;
    const now = Date.parse(context.snapshot.at);
    const waits: Waiting[] = [];
    for (const [, history] of context.people) {
      let pending: Interaction | undefined;
      const close = (hours: number | null | undefined) => {
        if (pending) waits.push({ message: pending, handle: history.handle, hours });
        pending = undefined;
      };
      for (const i of history.interactions) {
        if (!MESSAGE_KINDS.has(i.kind)) continue;
        const t = Date.parse(i.at);
        if (pending && t - Date.parse(pending.at) > windowMs) close(null);
        if (i.direction === 'in') pending ??= i;
        else if (pending) close((t - Date.parse(pending.at)) / HOUR_MS);
      }
      if (pending) close(now - Date.parse(pending.at) > windowMs ? null : undefined);
    }
    waits.sort((a, b) => a.message.at.localeCompare(b.message.at));
    const months = byMonth(context, waits, (w) => w.message.at);
    return (month) => {
      const list = months.get(month.key) ?? [];
      const answered = list.flatMap((w) => (typeof w.hours === 'number' ? [w.hours] : []));
      const unanswered = list.filter((w) => w.hours === null);
      const value = median(answered);
      return {
        value: value === null ? null : Math.round(value * 10) / 10,
        detail: list.length === 0
          ? 'No messages from people this month.'
          : `${answered.length} of ${plural(list.length, 'message')} from people answered${value === null ? '' : `, half of them within ${formatHours(value)}`}; ${unanswered.length} never answered.`,
        counts: { messages: list.length, answered: answered.length, unanswered: unanswered.length, waiting: list.filter((w) => w.hours === undefined).length },
        examples: unanswered.slice(0, context.playbook.audit.examples).map((w) => ({
          at: w.message.at, handle: w.handle, what: `their ${w.message.kind}, never answered`, text: excerpt(w.message.text),
        })),
      };
    };
  },
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function formatHours(h: number): string {
  return h < 48 ? `${Math.round(h * 10) / 10} hours` : `${Math.round(h / 24)} days`;
}
