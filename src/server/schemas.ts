/**
 * Every shape the HTTP API accepts or returns. The request schemas validate (a bad field gets a
 * 400 naming it); the same schemas, with the response ones, generate the OpenAPI document at
 * /api/openapi.json. Responses are not re-validated at run time (the engines' types already
 * guarantee them and the check endpoint must stay fast); the API tests parse every response
 * with these schemas, so the document cannot drift from what the server sends.
 */
import { z } from 'zod';
import { ACTION_KINDS } from '../agenda/types.js';
import { FIGURE_IDS } from '../audit/types.js';
import { CHANNELS, VERDICTS } from '../coach/types.js';
import { isoDate, KINDS, PLATFORMS } from '../domain/records.js';
import { PRINCIPLES, STAGES } from '../playbook/playbook.js';
import { parseAuditDate } from '../workspace/audit-report.js';

// ---- shared pieces -----------------------------------------------------------------------------

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "As of" a moment, as the CLI's `--at` takes it: a day (its end, UTC) or an ISO time with a zone.
 * Normalised to a full UTC ISO string, the one format the store compares.
 */
export const atSchema = z
  .string()
  .transform((value, ctx) => {
    const ms = DAY.test(value) ? Date.parse(`${value}T23:59:59.999Z`) : ISO_WITH_ZONE.test(value) ? Date.parse(value) : Number.NaN;
    const day = value.slice(0, 10);
    if (Number.isNaN(ms) || (DAY.test(value) && !new Date(ms).toISOString().startsWith(day))) {
      ctx.addIssue({ code: 'custom', message: `bad time ${JSON.stringify(value)}: use YYYY-MM-DD or an ISO time with a zone, e.g. 2026-11-20T09:00:00Z` });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  })
  .meta({ description: 'A day (YYYY-MM-DD, meaning its end in UTC) or an ISO 8601 time with a zone', example: '2026-11-20T09:00:00Z' });

const idParam = z.coerce.number().int().positive();
const limitParam = (max: number) => z.coerce.number().int().positive().max(max);
const platform = z.enum(PLATFORMS);
const stage = z.enum(STAGES);
const principle = z.enum(PRINCIPLES);
const time = z.string().meta({ description: 'ISO 8601 time, UTC' });
const nullableTime = time.nullable();

export const ErrorSchema = z
  .object({
    error: z.string().meta({ description: 'What went wrong, in words for the user' }),
    hint: z.string().optional().meta({ description: 'What to do about it' }),
    field: z.string().optional().meta({ description: 'The request field that is wrong (a dotted path), for a 400' }),
  })
  .meta({ id: 'Error' });

export const IdParams = z.object({ id: idParam });
export const AtQuery = z.object({ at: atSchema.optional() });

// ---- domain views -------------------------------------------------------------------------------

export const IdentitySchema = z
  .object({
    id: z.number(),
    personId: z.number(),
    platform,
    handle: z.string().nullable(),
    uid: z.string().nullable(),
    isOwn: z.boolean(),
    name: z.string().nullable(),
    bio: z.string().nullable(),
    location: z.string().nullable(),
    followers: z.number().nullable(),
    following: z.number().nullable(),
    posts: z.number().nullable(),
    created: z.string().nullable(),
    avatar: z.boolean().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'Identity' });

export const InteractionSchema = z
  .object({
    id: z.number(),
    platform,
    pid: z.string(),
    at: time,
    kind: z.enum(KINDS),
    direction: z.enum(['in', 'out']),
    actorId: z.number(),
    targetId: z.number().nullable(),
    personId: z.number().nullable(),
    text: z.string().nullable().meta({ description: 'Imported text: render it as text, never as HTML' }),
    inReplyTo: z.string().nullable(),
    about: z.string().nullable(),
  })
  .meta({ id: 'Interaction' });

export const NoteSchema = z
  .object({ id: z.number(), identityId: z.number(), at: time, text: z.string(), remind: z.string().nullable() })
  .meta({ id: 'Note' });

const warmth = z.object({ value: z.number(), previous: z.number(), trend: z.enum(['warming', 'steady', 'cooling']) });
const touches = z.object({ firstIn: nullableTime, firstOut: nullableTime, lastIn: nullableTime, lastOut: nullableTime });
const stageStep = z.object({ stage, at: time });
const byKind = z.record(z.string(), z.object({ in: z.number(), out: z.number() }));

export const RelationshipSchema = z
  .looseObject({
    at: time,
    stage,
    history: z.array(stageStep),
    warmth,
    reciprocity: z.object({ in: z.number(), out: z.number(), balance: z.number() }),
    ledger: z.object({
      gives: z.number(),
      asks: z.number(),
      balance: z.number(),
      entries: z.array(z.looseObject({ side: z.enum(['give', 'ask']), at: time, interactionId: z.number(), what: z.string(), evidence: z.array(z.string()) })),
    }),
    touches,
    initiated: z.object({ they: z.number(), you: z.number() }),
    exchanges: z.number(),
    exchangeDays: z.number(),
    openLoops: z.array(z.looseObject({ interactionId: z.number(), pid: z.string(), at: time, kind: z.string(), text: z.string(), evidence: z.array(z.string()) })),
    topics: z.array(z.string()),
    total: z.number(),
    byKind,
    unpromptedPraise: z.number(),
  })
  .meta({ id: 'Relationship' });

// ---- workspace ----------------------------------------------------------------------------------

export const WorkspaceResponse = z
  .object({
    at: time.meta({ description: "The server's now: `serve --at`, else the current time" }),
    accounts: z.array(IdentitySchema),
    stats: z.looseObject({
      people: z.number(),
      identities: z.number(),
      accounts: z.array(z.object({ platform, handle: z.string() })),
      interactions: z.looseObject({ total: z.number(), byKind, byPlatform: z.record(z.string(), z.number()), first: nullableTime, last: nullableTime }),
      notes: z.number(),
      reminders: z.number(),
      perPerson: z.object({ withInteractions: z.number(), median: z.number(), max: z.number() }),
    }),
  })
  .meta({ id: 'Workspace' });

// ---- today --------------------------------------------------------------------------------------

export const TodayQuery = z.object({ at: atSchema.optional(), limit: limitParam(500).optional() });

export const AgendaActionSchema = z
  .looseObject({
    kind: z.enum(ACTION_KINDS),
    personId: z.number(),
    handle: z.string(),
    platform: z.string(),
    name: z.string(),
    stage,
    principles: z.array(principle),
    why: z.string(),
    evidence: z.array(z.looseObject({ interactionId: z.number().optional(), noteId: z.number().optional(), at: time, text: z.string().optional() })),
    suggestion: z.string(),
    score: z.number(),
    scoreParts: z.record(z.string(), z.number()),
    since: time.meta({ description: 'The latest event behind the action; send it back to POST /api/today/done' }),
  })
  .meta({ id: 'AgendaAction' });

export const AgendaResponse = z
  .object({
    at: time,
    actions: z.array(AgendaActionSchema),
    total: z.number().meta({ description: 'Actions found before the limit (one per person), not counting those marked done' }),
    snoozed: z.number(),
    done: z.number().meta({ description: 'Actions hidden because you marked them done' }),
  })
  .meta({ id: 'Agenda' });

export const DoneBody = z
  .object({
    personId: z.number().int().positive(),
    kind: z.enum(ACTION_KINDS),
    since: atSchema.meta({ description: "The action's `since`: a newer event opens a new action" }),
  })
  .meta({ id: 'DoneRequest' });

export const DoneResponse = z.object({ ok: z.literal(true) });

export const SnoozeBody = z.object({ until: isoDate.meta({ description: 'The last day (inclusive) they are hidden from Today', example: '2026-12-01' }) });
export const SnoozeResponse = z.object({ personId: z.number(), until: z.string() });

// ---- people -------------------------------------------------------------------------------------

export const PEOPLE_SORTS = ['stage', 'name', 'warmth', 'last-in', 'last-out', 'interactions'] as const;

export const PeopleQuery = z.object({
  at: atSchema.optional(),
  stage: stage.optional(),
  q: z.string().max(200).optional().meta({ description: 'Part of a name or handle' }),
  quiet: z.enum(['true', 'false']).optional().meta({ description: 'true: only warm relationships going quiet (warmth cooling, stage acquainted or closer)' }),
  sort: z.enum(PEOPLE_SORTS).optional().meta({ description: 'stage (default: closest first), name, warmth (warmest first), last-in / last-out (latest first), interactions (most first)' }),
  limit: limitParam(100_000).optional(),
});

export const PersonRowSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    handles: z.array(z.object({ platform: z.string(), handle: z.string() })),
    stage,
    warmth,
    ledger: z.object({ gives: z.number(), asks: z.number() }),
    interactions: z.object({ in: z.number(), out: z.number() }),
    touches,
  })
  .meta({ id: 'PersonRow' });

export const PeopleResponse = z.object({ people: z.array(PersonRowSchema), total: z.number() }).meta({ id: 'People' });

export const PersonResponse = z
  .looseObject({
    at: time,
    id: z.number(),
    name: z.string(),
    identities: z.array(IdentitySchema),
    relationship: RelationshipSchema,
    latest: z.array(InteractionSchema),
    notes: z.array(NoteSchema),
    followReasons: z
      .array(z.looseObject({ reason: z.string(), evidence: z.string(), weight: z.number() }))
      .meta({ description: 'Why they probably followed you, strongest first, with what was seen ([] when they do not follow you)' }),
    followerQuality: z
      .looseObject({ score: z.number(), likelyFake: z.boolean(), explanation: z.string() })
      .nullable()
      .meta({ description: 'Whether they look like a bot or a bought account (null when they do not follow you)' }),
    warmthSeries: z.array(z.object({ at: time, value: z.number() })).meta({ description: 'Warmth at the end of each month over the last year, oldest first, ending at `at`' }),
    timeline: z.array(InteractionSchema).meta({ description: 'The latest 100 interactions, newest first; page further with /api/people/{id}/interactions' }),
    timelineMore: z.boolean(),
  })
  .meta({ id: 'PersonCard' });

export const InteractionsQuery = z.object({
  at: atSchema.optional(),
  before: z.coerce.number().int().positive().optional().meta({ description: 'The id of the oldest interaction already shown' }),
  limit: limitParam(1000).optional(),
});

export const InteractionsResponse = z.object({ interactions: z.array(InteractionSchema), more: z.boolean() }).meta({ id: 'InteractionPage' });

// ---- notes --------------------------------------------------------------------------------------

const noteText = z.string().trim().min(1, 'the note is empty').max(10_000);
const remind = isoDate.meta({ description: 'When to follow up (YYYY-MM-DD)', example: '2026-12-01' });

export const NoteBody = z.object({ text: noteText, remind: remind.optional() }).meta({ id: 'NewNote' });
export const NotePatchBody = z
  .object({ text: noteText.optional(), remind: remind.nullable().optional().meta({ description: 'null removes the reminder' }) })
  .refine((p) => p.text !== undefined || p.remind !== undefined, { message: 'give text or remind to change', path: ['text'] })
  .meta({ id: 'NotePatch' });
export const OkResponse = z.object({ ok: z.literal(true) });

// ---- merge --------------------------------------------------------------------------------------

const personRef = z
  .union([z.number().int().positive(), z.string().trim().min(1)])
  .meta({ description: 'A person id, or one of their handles (platform:handle if ambiguous)' });
export const MergeBody = z.object({ into: personRef, from: personRef }).meta({ id: 'MergeRequest' });
export const MergedPersonResponse = z
  .object({ id: z.number(), name: z.string(), identities: z.array(z.object({ id: z.number(), platform: z.string(), handle: z.string() })) })
  .meta({ id: 'MergedPerson' });

// ---- check (the composer) -----------------------------------------------------------------------

export const CheckBody = z
  .object({
    to: z.string().trim().min(1, 'name who the draft is for').max(300).meta({ description: 'Their handle, optionally platform:handle' }),
    text: z.string().max(20_000).refine((t) => t.trim().length > 0, 'the draft is empty'),
    channel: z.enum(CHANNELS).optional(),
    inReplyTo: z.string().max(500).optional().meta({ description: 'The platform id of the post the draft answers' }),
    at: atSchema.optional(),
  })
  .meta({ id: 'CheckRequest' });

const reason = z.object({ principle, severity: z.enum(['wait', 'revise', 'note', 'ok']), evidence: z.string() });
export const CoachResultSchema = z
  .looseObject({
    verdict: z.enum(VERDICTS),
    reasons: z.array(reason),
    suggestions: z.array(z.string()),
    relationship: z.looseObject({ known: z.boolean(), handle: z.string(), name: z.string(), stage, history: z.array(stageStep), warmth }),
    analysis: z.looseObject({ promotional: z.boolean(), promotionalScore: z.number() }),
  })
  .meta({ id: 'CoachResult' });

// ---- audit and followers ------------------------------------------------------------------------

/** A period edge as the audit takes it: a month, a day or a zoned time; checked here so the 400 names the field. */
const auditDate = (edge: 'start' | 'end') =>
  z
    .string()
    .max(40)
    .superRefine((value, ctx) => {
      try {
        parseAuditDate(value, edge, 'x');
      } catch {
        ctx.addIssue({ code: 'custom', message: `bad date ${JSON.stringify(value)}: use YYYY-MM (a month), YYYY-MM-DD (a day) or an ISO time with a zone` });
      }
    })
    .meta({ description: 'YYYY-MM (a month), YYYY-MM-DD (a day) or an ISO time with a zone', example: '2026-06' });

export const AuditQuery = z.object({
  from: auditDate('start').optional().meta({ description: 'First month or day counted (default: 12 months before `to`)' }),
  to: auditDate('end').optional().meta({ description: 'Last month or day counted (default: `at`)' }),
  at: auditDate('end').optional().meta({ description: "Now, for the default period (default: the server's now)" }),
});
const trend = z.enum(['up', 'down', 'flat', 'new', 'none']);
const figureMonth = z.looseObject({
  month: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  trend,
  better: z.boolean().nullable(),
  detail: z.string(),
  counts: z.record(z.string(), z.number()),
  examples: z.array(z.looseObject({ at: time, handle: z.string().nullable(), what: z.string(), text: z.string().nullable() })),
});
export const AuditResponse = z
  .looseObject({
    at: time,
    from: time,
    to: time,
    months: z.array(z.string()),
    hasData: z.boolean(),
    notice: z.string().nullable(),
    dataSpan: z.object({ first: time, last: time }).nullable(),
    figures: z.array(
      z.looseObject({
        id: z.enum(FIGURE_IDS),
        title: z.string(),
        principle,
        principles: z.array(principle),
        explanation: z.string().meta({ description: 'One sentence: what the principle asks of you' }),
        reading: z.string(),
        unit: z.enum(['share', 'count', 'hours']),
        goodDirection: z.enum(['up', 'down']),
        months: z.array(figureMonth),
        latest: figureMonth.nullable(),
      }),
    ),
  })
  .meta({ id: 'AuditReport' });
export const FollowersResponse = z
  .looseObject({ at: time, summary: z.looseObject({}), audience: z.looseObject({ keywords: z.array(z.string()) }), followers: z.array(z.looseObject({ personId: z.number(), name: z.string(), handle: z.string() })) })
  .meta({ id: 'FollowersReport' });

// ---- import -------------------------------------------------------------------------------------

export const ImportQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'The file name, for a raw upload (its extension tells the format: .jsonl, .zip, .car, .csv, .tar.gz)' }),
});
export const ImportStartedResponse = z.object({ jobId: z.string() }).meta({ id: 'ImportStarted' });
export const JobParams = z.object({ jobId: z.string().min(1).max(100) });
export const ImportJobResponse = z
  .object({
    state: z.enum(['running', 'done', 'failed']),
    progress: z.object({ bytesDone: z.number(), totalBytes: z.number(), found: z.string().optional() }).optional(),
    summary: z.looseObject({ format: z.string(), found: z.string(), interactions: z.object({ new: z.number(), known: z.number() }), skippedCount: z.number() }).optional(),
    error: ErrorSchema.optional(),
  })
  .meta({ id: 'ImportJob' });
