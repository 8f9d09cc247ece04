/** The audit's period as users type it: months, days, zoned times, defaults and mistakes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRapportError } from '../domain/errors.js';
import { parseAuditDate, resolveAuditPeriod } from './audit-report.js';

const NOW = '2026-11-20T15:00:00.000Z';

test('without dates: the 12 months up to now, from the first day of the earliest', () => {
  assert.deepEqual(resolveAuditPeriod({}, 12, NOW), { from: '2025-12-01T00:00:00.000Z', to: NOW });
  assert.deepEqual(resolveAuditPeriod({ to: '2026-06' }, 3, NOW), { from: '2026-04-01T00:00:00.000Z', to: '2026-06-30T23:59:59.999Z' });
  assert.equal(resolveAuditPeriod({ at: '2026-02-10' }, 12, NOW).to, '2026-02-10T23:59:59.999Z', '--at moves "now"');
});

test('a month, a day or a zoned time; a start date starts its day, an end date ends it', () => {
  assert.equal(parseAuditDate('2026-02', 'end', 'to'), '2026-02-28T23:59:59.999Z');
  assert.equal(parseAuditDate('2026-02-10', 'start', 'from'), '2026-02-10T00:00:00.000Z');
  assert.equal(parseAuditDate('2026-02-10T09:00:00+02:00', 'start', 'from'), '2026-02-10T07:00:00.000Z');
});

test('bad and reversed dates are user errors naming the option and the fix', () => {
  for (const bad of ['2026-13', '2026-02-30', 'yesterday', '2026-02-10T09:00']) {
    assert.throws(() => parseAuditDate(bad, 'start', 'from'), (e: unknown) => isRapportError(e) && e.exitCode === 1 && e.message.includes(`--from: "${bad}"`) && /YYYY-MM/.test(e.hint ?? ''));
  }
  assert.throws(() => resolveAuditPeriod({ from: '2026-11', to: '2026-10' }, 12, NOW), /starts \(2026-11-01\) after it ends \(2026-10-31\)/);
});
