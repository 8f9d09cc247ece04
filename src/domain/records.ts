/**
 * The records that flow from every source into the store: the rapport JSONL interchange format
 * (DESIGN §4) and what each platform importer produces. The zod schemas are the documentation
 * and the validation; the TypeScript types are inferred from them, never written twice.
 */
import { z } from 'zod';

export const PLATFORMS = ['x', 'mastodon', 'bluesky', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const KINDS = [
  'follow', 'unfollow', 'like', 'share', 'quote', 'reply', 'mention', 'dm', 'meeting', 'post',
] as const;
export type Kind = (typeof KINDS)[number];

export type Direction = 'in' | 'out';

const PLATFORM_ALIASES: Record<string, Platform> = { twitter: 'x' };

const platform = z.preprocess(
  (v) => (typeof v === 'string' ? (PLATFORM_ALIASES[v.toLowerCase()] ?? v.toLowerCase()) : v),
  z.enum(PLATFORMS, { error: (i) => `unknown platform ${JSON.stringify(i.input)} (expected one of ${PLATFORMS.join(', ')})` }),
);

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 time with a zone, normalised to UTC (`2026-11-01T10:00:00.000Z`). */
export const isoTime = z.string().transform((value, ctx) => {
  const ms = ISO_WITH_ZONE.test(value) && isRealDay(value.slice(0, 10)) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `bad date ${JSON.stringify(value)} (expected ISO 8601 with a zone, e.g. 2026-11-01T10:00:00Z)` });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

// Date.parse rolls 30 February over into March; a date that does not exist is an error.
function isRealDay(day: string): boolean {
  if (day.slice(8, 10) <= '28') return true; // every month has these; Date.parse rejects day 00 and month 13

  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z.string().refine(
  (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && isRealDay(value),
  { error: (i) => `bad date ${JSON.stringify(i.input)} (expected YYYY-MM-DD)` },
);

const handle = z.string().trim().min(1, 'handle is empty');
// Platform ids stay strings: a 64-bit id written as a JSON number has already lost digits.
const platformId = z.union([z.string().min(1), z.number()]).transform((v, ctx) => {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) {
      ctx.addIssue({ code: 'custom', message: `id ${v} is a number too large to keep exactly; write it as a string` });
      return z.NEVER;
    }
    return String(v);
  }
  return v;
});
const count = z.number().int().nonnegative();

export const accountRecordSchema = z.looseObject({
  type: z.literal('account'),
  platform,
  handle,
  uid: platformId.optional(),
  name: z.string().optional(),
});

export const profileRecordSchema = z
  .looseObject({
    type: z.literal('profile'),
    platform,
    handle: handle.optional(),
    uid: platformId.optional(),
    name: z.string().optional(),
    bio: z.string().optional(),
    location: z.string().optional(),
    followers: count.optional(),
    following: count.optional(),
    posts: count.optional(),
    created: isoTime.optional(),
    avatar: z.boolean().optional(),
    url: z.string().optional(),
  })
  .refine((r) => r.handle !== undefined || r.uid !== undefined, { message: 'a profile needs a handle or a uid', path: ['handle'] });

export const interactionRecordSchema = z
  .looseObject({
    type: z.literal('interaction'),
    platform,
    id: platformId,
    at: isoTime,
    kind: z.enum(KINDS, { error: (i) => i.input === undefined ? 'kind is missing' : `unknown kind ${JSON.stringify(i.input)} (expected one of ${KINDS.join(', ')})` }),
    actor: handle.optional(),
    actorUid: platformId.optional(),
    target: handle.optional(),
    targetUid: platformId.optional(),
    text: z.string().optional(),
    inReplyTo: platformId.optional(),
    about: platformId.optional(),
    atRaw: z.string().optional(),
  })
  .refine((r) => r.actor !== undefined || r.actorUid !== undefined, { message: 'actor is missing', path: ['actor'] });

export const noteRecordSchema = z.looseObject({
  type: z.literal('note'),
  platform,
  handle,
  at: isoTime,
  text: z.string().trim().min(1, 'note text is empty'),
  remind: isoDate.optional(),
});

export const recordSchema = z.discriminatedUnion('type', [
  accountRecordSchema,
  profileRecordSchema,
  interactionRecordSchema,
  noteRecordSchema,
], {
  error: (i) => {
    if (i.code !== 'invalid_union') return undefined;
    const type = (i.input as { type?: unknown } | undefined)?.type;
    return type === undefined ? 'type is missing (account, profile, interaction or note)' : `unknown record type ${JSON.stringify(type)} (expected account, profile, interaction or note)`;
  },
});

export type AccountRecord = z.output<typeof accountRecordSchema>;
export type ProfileRecord = z.output<typeof profileRecordSchema>;
export type InteractionRecord = z.output<typeof interactionRecordSchema>;
export type NoteRecord = z.output<typeof noteRecordSchema>;
export type SourceRecord = z.output<typeof recordSchema>;

export type ParseResult = { ok: true; record: SourceRecord } | { ok: false; reason: string };

/** Validates one decoded JSON value as a record; the reason names each problem with its field. */
export function parseRecord(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const result = recordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, reason: describeIssues(result.error.issues) };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.join('.');
      const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
      return path && !message.startsWith(path) ? `${path}: ${message}` : message;
    })
    .join('; ');
}
