/**
 * `app.bsky.graph.follow` → `follow` to the subject DID, keyed by the follow record's AT-URI.
 * The export holds only the owner's own follows: followers are not in it (FORMATS §3.1).
 */
import { followRecordSchema, type MapResult, type RecordContext } from './bluesky-types.js';
import { recordTime } from './times.js';

export function mapFollow(ctx: RecordContext, value: unknown): MapResult {
  const parsed = followRecordSchema.safeParse(value);
  if (!parsed.success) {
    const subject = (value as { subject?: unknown } | null)?.subject;
    return { ok: false, reason: `${ctx.uri}: the follow's subject ${JSON.stringify(subject ?? null)} is not a DID` };
  }
  const time = recordTime(parsed.data.createdAt, ctx.rkey);
  if (!time) return { ok: false, reason: `${ctx.uri}: createdAt ${JSON.stringify(parsed.data.createdAt ?? null)} is not a time` };
  return {
    ok: true,
    records: [{
      type: 'interaction',
      platform: 'bluesky',
      id: ctx.uri,
      at: time.at,
      ...(time.atRaw !== undefined ? { atRaw: time.atRaw } : {}),
      kind: 'follow',
      actorUid: ctx.did,
      targetUid: parsed.data.subject,
    }],
  };
}
