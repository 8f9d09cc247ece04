/**
 * `stay-in-touch`: a note's reminder is due (they are back from holiday, the surgery was last
 * week). Done once you write to them on or after the reminder's day.
 */
import type { Note } from '../../domain/views.js';
import type { Candidate, PersonContext } from '../types.js';
import { ago, day, DAY_MS, snippet, TALK } from '../words.js';

/** A first question that fits what the note is about; the note itself stays in the "why". */
const OPENERS: readonly [RegExp, string][] = [
  [/vacation|holiday|trip|travel|back from|away until/i, 'Welcome back! How was the trip?'],
  [/surgery|hospital|recover|ill\b|sick|operation/i, 'How are you feeling? We hope the recovery is going well.'],
  [/wedding|baby|birthday|engaged|anniversary/i, 'Congratulations! How was the big day?'],
  [/started at|new job|promot|joined/i, 'Congratulations on the new job! How are the first days going?'],
  [/lost (her|his|their) job|laid off|redundan/i, 'How are you doing? If there is anything we can do, just say.'],
  [/moving|new place|new house|moved/i, 'How is the new place? Settling in?'],
  [/run|race|10k|marathon|exam|match|competition|interview/i, 'How did it go?'],
  [/university|school|settling/i, 'How is everyone settling in?'],
];

export function followUpRule(ctx: PersonContext): Candidate | undefined {
  const today = ctx.at.slice(0, 10);
  const oldest = new Date(ctx.now - ctx.playbook.agenda.followUpWindowDays * DAY_MS).toISOString().slice(0, 10);
  const due = ctx.notes.filter((n): n is Note & { remind: string } =>
    n.remind !== null && n.remind <= today && n.remind >= oldest && n.at <= ctx.at
    && !ctx.interactions.some((i) => i.direction === 'out' && TALK.has(i.kind) && i.at >= `${n.remind}T00:00:00.000Z` && i.at <= ctx.at));
  const note = due.at(-1);
  if (!note) return undefined;
  const opener = OPENERS.find(([re]) => re.test(note.text))?.[1] ?? 'How are things with you?';
  const remindAt = `${note.remind}T00:00:00.000Z`;
  return {
    kind: 'follow-up',
    principles: ['stay-in-touch'],
    since: remindAt,
    why: `Your note about ${ctx.name} from ${day(note.at)} says: “${snippet(note.text, 110)}” The reminder was due ${ago(remindAt, ctx.now)} (${day(remindAt)}) and you have not written to them since.`,
    evidence: due.map((n) => ({ noteId: n.id, at: n.at, text: n.text })),
    suggestion: `Write to ${ctx.firstName}: “Hi ${ctx.firstName}, we were thinking of you! ${opener}”`,
  };
}
