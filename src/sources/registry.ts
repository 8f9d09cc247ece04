/**
 * Every source rapport can import from, tried in this order. Adding a platform adds one line here.
 */
import type { Source } from './source.js';
import { blueskySource } from './bluesky/bluesky-source.js';
import { jsonlSource } from './jsonl/jsonl-source.js';
import { linkedinSource } from './linkedin/linkedin-source.js';
import { mastodonSource } from './mastodon/mastodon-source.js';
import { xSource } from './x/x-source.js';

// rapport JSONL goes last: it refuses any JSON-looking file that no platform source claimed.
export const SOURCES: readonly Source[] = [blueskySource, xSource, mastodonSource, linkedinSource, jsonlSource];
