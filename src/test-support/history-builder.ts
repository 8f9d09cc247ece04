/**
 * Small rapport JSONL histories for tests, written like a story: a shop, a few people, what
 * happened and when. `loadHistory` imports it into a fresh test store through the real import
 * path and hands back the snapshot the engines read.
 *
 * @example
 *   const h = new HistoryBuilder();
 *   h.profile('@ana@example.social', { name: 'Ana', location: 'Porto' });
 *   const post = h.post('2026-10-01T09:00:00Z', 'Our first rye of the season');
 *   h.inbound('@ana@example.social', 'like', '2026-10-01T10:00:00Z', { about: post });
 *   await loadHistory(h, '2026-10-31T23:59:59Z', async (snapshot) => { ... });
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { importPath } from '../ingest/import-path.js';
import type { Store } from '../store/store.js';
import { loadSnapshot } from '../workspace/load-snapshot.js';
import { withTestStore, type TestLocation } from './test-store.js';

type Line = Record<string, unknown>;

export interface MessageFields {
  text?: string;
  inReplyTo?: string;
  about?: string;
  id?: string;
}

export class HistoryBuilder {
  readonly platform: string;
  readonly shop: string;
  private readonly lines: Line[] = [];
  private next = 0;

  constructor(options: { platform?: string; shop?: string; shopName?: string } = {}) {
    this.platform = options.platform ?? 'mastodon';
    this.shop = options.shop ?? '@shop@example.social';
    this.lines.push({ type: 'account', platform: this.platform, handle: this.shop, ...(options.shopName ? { name: options.shopName } : {}) });
  }

  /** A profile line (name, bio, location, followers, following, posts, created, avatar). */
  profile(handle: string, fields: Record<string, unknown> = {}): this {
    this.lines.push({ type: 'profile', platform: this.platform, handle, ...fields });
    return this;
  }

  /** Any interaction; returns its id. */
  event(actor: string, kind: string, at: string, target?: string, fields: MessageFields = {}): string {
    const { id = `e-${++this.next}`, ...rest } = fields;
    this.lines.push({ type: 'interaction', platform: this.platform, id, at, actor, ...(target ? { target } : {}), kind, ...rest });
    return id;
  }

  /** A post of the shop; returns its id. */
  post(at: string, text: string, fields: Omit<MessageFields, 'text'> = {}): string {
    return this.event(this.shop, 'post', at, undefined, { ...fields, text });
  }

  /** Something they did to the shop (follow, like, share, reply, dm…). */
  inbound(from: string, kind: string, at: string, fields: MessageFields = {}): string {
    return this.event(from, kind, at, this.shop, fields);
  }

  /** Something the shop did to them. */
  outbound(to: string, kind: string, at: string, fields: MessageFields = {}): string {
    return this.event(this.shop, kind, at, to, fields);
  }

  note(handle: string, at: string, text: string, remind?: string): this {
    this.lines.push({ type: 'note', platform: this.platform, handle, at, text, ...(remind ? { remind } : {}) });
    return this;
  }

  /** A raw line, for anything the helpers do not cover. */
  raw(line: Line): this {
    this.lines.push(line);
    return this;
  }

  records(): Line[] {
    return [...this.lines];
  }

  toJsonl(): string {
    return this.lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  }

  /** Writes the history into `dir` and returns the file's path. */
  writeTo(dir: string, name = 'history.jsonl'): string {
    const file = join(dir, name);
    writeFileSync(file, this.toJsonl());
    return file;
  }
}

/** Imports the history into a fresh test store and runs `fn` with its snapshot as of `at`. */
export async function loadHistory<T>(
  history: HistoryBuilder,
  at: string,
  fn: (snapshot: WorkspaceSnapshot, store: Store, location: TestLocation) => Promise<T> | T,
): Promise<T> {
  return withTestStore(async (store, location) => {
    await importPath(store, history.writeTo(location.dir));
    return fn(await loadSnapshot(store, at), store, location);
  });
}
