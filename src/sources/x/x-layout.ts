/**
 * Where things are in an X archive (zip or unpacked folder, with or without the top `data/`
 * folder): the data files by kind, across the names used over the years (FORMATS.md §2).
 */
import type { InputFiles } from '../archive/input-files.js';

export interface XLayout {
  account?: string;
  profile?: string;
  manifest?: string;
  screenNameChange?: string;
  tweets: string[];
  likes: string[];
  followers: string[];
  following: string[];
  /** 1:1 conversations (`direct-messages.js`, older `direct-message.js`, `-partN`). */
  dms: string[];
  /** Group conversations (`direct-messages-group.js`, older `direct-message-group.js`). */
  groupDms: string[];
  /** `direct-message(-group)-headers.js`: the same messages without their text; read only when the full files are missing. */
  dmHeaders: string[];
  groupDmHeaders: string[];
  /** Pre-2018 "Grailbird" archive (`data/js/tweets/YYYY_MM.js`): a different format. */
  classic: boolean;
}

const PATTERNS: [keyof Pick<XLayout, 'tweets' | 'likes' | 'followers' | 'following' | 'dms' | 'groupDms' | 'dmHeaders' | 'groupDmHeaders'>, RegExp][] = [
  ['tweets', /^tweets?(-part\d+)?\.js$/i],
  ['likes', /^like(-part\d+)?\.js$/i],
  ['followers', /^follower(-part\d+)?\.js$/i],
  ['following', /^following(-part\d+)?\.js$/i],
  ['dms', /^direct-messages?(-part\d+)?\.js$/i],
  ['groupDms', /^direct-messages?-group(-part\d+)?\.js$/i],
  ['dmHeaders', /^direct-messages?-headers(-part\d+)?\.js$/i],
  ['groupDmHeaders', /^direct-messages?-group-headers(-part\d+)?\.js$/i],
];

const SINGLES: [keyof Pick<XLayout, 'account' | 'profile' | 'manifest' | 'screenNameChange'>, string][] = [
  ['account', 'account.js'],
  ['profile', 'profile.js'],
  ['manifest', 'manifest.js'],
  ['screenNameChange', 'screen-name-change.js'],
];

/** The part number of `tweets-part3.js` (the unnumbered file is part 0). */
function partOf(path: string): number {
  const m = /-part(\d+)\.js$/i.exec(path);
  return m ? Number(m[1]) : 0;
}

export function findLayout(files: InputFiles): XLayout {
  const layout: XLayout = { tweets: [], likes: [], followers: [], following: [], dms: [], groupDms: [], dmHeaders: [], groupDmHeaders: [], classic: false };
  for (const entry of files.entries) {
    const path = entry.path;
    const lower = path.toLowerCase();
    // The HTML viewer's own scripts and media folders are never data.
    if (/(^|\/)(assets|tweets?_media|direct_messages?_media|direct_messages?_group_media|profile_media|moments_media)\//.test(lower)) continue;
    if (/(^|\/)js\/tweet_index\.js$/.test(lower) || /(^|\/)js\/tweets\/\d{4}_\d{2}\.js$/.test(lower)) {
      layout.classic = true;
      continue;
    }
    const base = lower.split('/').pop() ?? '';
    for (const [key, name] of SINGLES) {
      if (base === name && layout[key] === undefined) layout[key] = path;
    }
    for (const [key, pattern] of PATTERNS) {
      if (pattern.test(base)) layout[key].push(path);
    }
  }
  for (const [key] of PATTERNS) layout[key].sort((a, b) => partOf(a) - partOf(b) || a.localeCompare(b));
  if (layout.dms.length === 0) layout.dms = layout.dmHeaders;
  if (layout.groupDms.length === 0) layout.groupDms = layout.groupDmHeaders;
  return layout;
}

export function hasXData(layout: XLayout): boolean {
  return layout.account !== undefined || layout.manifest !== undefined || layout.tweets.length > 0 || layout.dms.length > 0
    || layout.followers.length > 0 || layout.following.length > 0 || layout.likes.length > 0 || layout.groupDms.length > 0;
}
