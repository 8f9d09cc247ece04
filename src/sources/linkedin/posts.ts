/**
 * LinkedIn post links. A post is named by its URN (`urn:li:share:<n>`, `urn:li:ugcPost:<n>`,
 * `urn:li:activity:<n>`), found inside feed URLs (`/feed/update/urn:li:activity:123/`, maybe
 * percent-encoded). Links of the form `/posts/<vanity>_<words>-activity-<n>-<x>` also name the
 * post's author: that is the only place the CSVs say whose post a comment or reaction is on.
 */
import { parseProfileUrl } from './people.js';

const URN = /urn:li:(share|ugcPost|activity|groupPost|article|comment|fsd_[a-zA-Z]+):([A-Za-z0-9_-]+)/i;
const CANONICAL_TYPES: Record<string, string> = { share: 'share', ugcpost: 'ugcPost', activity: 'activity', grouppost: 'groupPost', article: 'article' };
const POSTS_PATH = /linkedin\.com\/posts\/([^/?#_]+)_[^/?#]*?(activity|share|ugcPost)-(\d+)/i;

function decodeAll(s: string): string {
  let out = s;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(out); i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break;
    }
  }
  return out;
}

/** The stable key of the post a link points to: its URN when the link holds one, else the link. */
export function postKey(link: string): string | undefined {
  const trimmed = link.trim();
  if (trimmed === '') return undefined;
  const decoded = decodeAll(trimmed);
  const posts = POSTS_PATH.exec(decoded);
  if (posts) return `urn:li:${CANONICAL_TYPES[posts[2]!.toLowerCase()]}:${posts[3]}`;
  const urn = URN.exec(decoded);
  if (urn) {
    const type = CANONICAL_TYPES[urn[1]!.toLowerCase()];
    if (type) return `urn:li:${type}:${urn[2]}`;
  }
  return trimmed;
}

/** The author's handle (`in/<vanity>`) when the link is a `/posts/<vanity>_…` link. */
export function postAuthor(link: string): string | undefined {
  const posts = POSTS_PATH.exec(decodeAll(link.trim()));
  return posts ? parseProfileUrl(`https://www.linkedin.com/in/${posts[1]}`)?.handle : undefined;
}

/** Whether a shared URL points at a LinkedIn post (a reshare) rather than an outside page. */
export function isLinkedInPost(link: string): boolean {
  const decoded = decodeAll(link.trim());
  return /linkedin\.com\//i.test(decoded) && (POSTS_PATH.test(decoded) || /urn:li:(share|ugcPost|activity)/i.test(decoded));
}
