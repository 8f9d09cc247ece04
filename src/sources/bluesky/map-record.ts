/** Routes one repository record to the mapping of its collection. */
import { recordUri } from './at-uri.js';
import { COLLECTIONS, type MapResult, type RecordContext } from './bluesky-types.js';
import { mapFollow } from './graph.js';
import { mapPost } from './posts.js';
import { mapLike, mapRepost } from './reactions.js';

const MAPPERS: Record<string, (ctx: RecordContext, value: unknown) => MapResult> = {
  [COLLECTIONS.post]: mapPost,
  [COLLECTIONS.repost]: mapRepost,
  [COLLECTIONS.like]: mapLike,
  [COLLECTIONS.follow]: mapFollow,
};

/** True for the collections that become interactions (the profile is read apart). */
export function isMappedCollection(collection: string): boolean {
  return Object.hasOwn(MAPPERS, collection);
}

export function recordContext(did: string, collection: string, rkey: string): RecordContext {
  return { did, collection, rkey, uri: recordUri(did, collection, rkey) };
}

/** Undefined for collections rapport does not import (blocks, lists, threadgates, …). */
export function mapRecord(ctx: RecordContext, value: unknown): MapResult | undefined {
  return MAPPERS[ctx.collection]?.(ctx, value);
}
