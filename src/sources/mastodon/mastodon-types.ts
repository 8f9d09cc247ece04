/**
 * The raw shapes of a Mastodon export (FORMATS.md §1.1–1.2), as loose zod schemas: every field
 * the importer reads is validated, anything else is kept and ignored. ActivityStreams lets most
 * references be either a URI string or an object with an `id`, and most lists be a single value
 * or an array; the schemas accept all of those.
 */
import { z } from 'zod';

/** A URI, or an object carrying one in `id` / `href` (ActivityStreams allows both). */
export const linkRef = z.union([
  z.string(),
  z.looseObject({ id: z.string().optional(), href: z.string().optional(), type: z.union([z.string(), z.array(z.string())]).optional() }),
]);
export type LinkRef = z.output<typeof linkRef>;

/** `to` / `cc`: one address or many; absent stays undefined (unknown), `[]` means nobody. */
export const addressList = z
  .union([linkRef, z.array(linkRef), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null ? undefined : (Array.isArray(v) ? v : [v]).map(refId).filter((s): s is string => s !== undefined)));

export const tagSchema = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  href: z.string().optional(),
  name: z.string().optional(),
});
export type Tag = z.output<typeof tagSchema>;

export const noteSchema = z.looseObject({
  id: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  attributedTo: z.union([linkRef, z.array(linkRef)]).optional(),
  published: z.string().optional(),
  summary: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  contentMap: z.record(z.string(), z.string()).nullable().optional(),
  inReplyTo: z.union([linkRef, z.null()]).optional(),
  to: addressList,
  cc: addressList,
  // `tag` is a list in Mastodon, but one object is legal ActivityStreams.
  tag: z.union([tagSchema, z.array(z.union([tagSchema, z.string()]))]).nullable().optional(),
  // Quotes: Mastodon 4.4+ `quote`, with `_misskey_quote` / `quote_uri` duplicates; Fedibird `quoteUri`, Misskey `quoteUrl`.
  quote: z.union([linkRef, z.null()]).optional(),
  quoteUri: z.union([z.string(), z.null()]).optional(),
  quoteUrl: z.union([z.string(), z.null()]).optional(),
  quote_uri: z.union([z.string(), z.null()]).optional(),
  _misskey_quote: z.union([z.string(), z.null()]).optional(),
});
export type Note = z.output<typeof noteSchema>;

export const activitySchema = z.looseObject({
  id: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  actor: z.union([linkRef, z.array(linkRef)]).optional(),
  published: z.string().optional(),
  to: addressList,
  cc: addressList,
  object: z.union([z.string(), noteSchema, z.null()]).optional(),
});
export type Activity = z.output<typeof activitySchema>;

export const actorSchema = z.looseObject({
  id: z.string(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  preferredUsername: z.string().optional(),
  name: z.string().nullable().optional(),
  summary: z.string().nullable().optional(),
  url: z.union([linkRef, z.array(linkRef)]).nullable().optional(),
  published: z.string().optional(),
  followers: z.union([linkRef, z.null()]).optional(),
  // Some servers publish the WebFinger address (`acct:user@domain` or `user@domain`).
  webfinger: z.string().optional(),
});
export type Actor = z.output<typeof actorSchema>;

/** likes.json / bookmarks.json: an OrderedCollection of status URIs (objects are tolerated). */
export type LikedItem = LinkRef;

/** The `id` of a reference, whether it is a string or an object. */
export function refId(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref || undefined;
  if (ref && typeof ref === 'object') {
    const r = ref as { id?: unknown; href?: unknown };
    if (typeof r.id === 'string' && r.id) return r.id;
    if (typeof r.href === 'string' && r.href) return r.href;
  }
  return undefined;
}

/** The first id of a reference or of a list of references. */
export function firstRefId(ref: unknown): string | undefined {
  return Array.isArray(ref) ? ref.map(refId).find((s) => s !== undefined) : refId(ref);
}

export function hasType(value: { type?: string | string[] | undefined }, ...types: string[]): boolean {
  const t = value.type;
  const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return list.some((x) => types.includes(x.replace(/^as:/, '')));
}

/** The kinds of Mastodon CSV export (FORMATS §1.2), told apart by header or shape. */
export type CsvExportKind = 'following' | 'followers' | 'muted' | 'blocked-accounts' | 'blocked-domains' | 'lists' | 'bookmarks' | 'accounts';
