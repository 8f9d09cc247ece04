import assert from 'node:assert/strict';
import test from 'node:test';
import { UNKNOWN_TIME } from '../domain/unknown-time.js';
import { formatDay, formatTime } from './output.js';

test('days and times read short, in UTC', () => {
  assert.equal(formatDay('2026-11-01T23:30:00.000Z'), '1 Nov 2026');
  assert.equal(formatTime('2026-11-01T23:30:00.000Z'), '2026-11-01 23:30');
  assert.equal(formatDay(null), '—');
});

test('an event whose export gave no time (a Mastodon CSV follow) reads "date unknown", not 1 Jan 1970', () => {
  assert.equal(formatDay(UNKNOWN_TIME), 'date unknown');
  assert.equal(formatTime(UNKNOWN_TIME).trim(), 'date unknown');
  // Same width as a real time, so the timeline's columns stay aligned.
  assert.equal(formatTime(UNKNOWN_TIME).length, formatTime('2026-11-01T23:30:00.000Z').length);
});
