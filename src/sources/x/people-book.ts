/**
 * What this import has learnt about who is who: X names a person by handle in one file (quote
 * links, likes) and by user id alone in others (follower lists, DMs). Once a record gives both,
 * every later record about that person carries both, so the store never has to guess that
 * `@kim` and user 42 are one person. Memory: one entry per person met.
 */
import type { SourceRecord } from '../../domain/records.js';

export class PeopleBook {
  private readonly handleByUid = new Map<string, string>();
  private readonly uidByHandle = new Map<string, string>();

  /** Learns from a record, and completes its missing halves from what was learnt before. */
  complete(record: SourceRecord): SourceRecord {
    if (record.type === 'profile') {
      this.pair(record.handle, record.uid, (h) => (record.handle = h), (u) => (record.uid = u));
    } else if (record.type === 'interaction') {
      this.pair(record.actor, record.actorUid, (h) => (record.actor = h), (u) => (record.actorUid = u));
      this.pair(record.target, record.targetUid, (h) => (record.target = h), (u) => (record.targetUid = u));
    }
    return record;
  }

  private pair(handle: string | undefined, uid: string | undefined, setHandle: (h: string) => void, setUid: (u: string) => void): void {
    if (handle !== undefined && uid !== undefined) {
      const key = handle.replace(/^@/, '').toLowerCase();
      if (!this.handleByUid.has(uid)) this.handleByUid.set(uid, handle);
      if (!this.uidByHandle.has(key)) this.uidByHandle.set(key, uid);
    } else if (uid !== undefined) {
      const known = this.handleByUid.get(uid);
      if (known !== undefined) setHandle(known);
    } else if (handle !== undefined) {
      const known = this.uidByHandle.get(handle.replace(/^@/, '').toLowerCase());
      if (known !== undefined) setUid(known);
    }
  }
}
