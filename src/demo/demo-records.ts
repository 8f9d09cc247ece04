/**
 * The plain objects the demo generator emits, one per JSONL line (DESIGN §4). They are a subset
 * of what `src/domain/records.ts` accepts, written out so the generator stays a leaf module.
 */
export type DemoPlatform = 'mastodon' | 'bluesky';
export type DemoKind =
  | 'follow' | 'unfollow' | 'like' | 'share' | 'quote' | 'reply' | 'mention' | 'dm' | 'meeting' | 'post';

export interface DemoAccount {
  type: 'account';
  platform: DemoPlatform;
  handle: string;
  name: string;
}

export interface DemoProfile {
  type: 'profile';
  platform: DemoPlatform;
  handle: string;
  name: string;
  bio: string;
  location: string;
  followers: number;
  following: number;
  posts: number;
  created: string;
  avatar?: false;
}

export interface DemoInteraction {
  type: 'interaction';
  platform: DemoPlatform;
  id: string;
  at: string;
  actor: string;
  target?: string;
  kind: DemoKind;
  text?: string;
  inReplyTo?: string;
  about?: string;
}

export interface DemoNote {
  type: 'note';
  platform: DemoPlatform;
  handle: string;
  at: string;
  text: string;
  remind?: string;
}

export type DemoRecord = DemoAccount | DemoProfile | DemoInteraction | DemoNote;
