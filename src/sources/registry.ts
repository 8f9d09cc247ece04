/**
 * Every source rapport can import from, tried in this order. Adding a platform adds one line here.
 */
import type { Source } from './source.js';
import { jsonlSource } from './jsonl/jsonl-source.js';

// rapport JSONL goes last: it refuses any JSON-looking file that no platform source claimed.
export const SOURCES: readonly Source[] = [jsonlSource];
