/** Parsers for option values, each failing with a message that names the option and the fix. */
import { InvalidArgumentError } from 'commander';
import { UserError } from '../domain/errors.js';
import { STAGES, type Stage } from '../playbook/playbook.js';

/** `--at`: an ISO date (the end of that day, UTC) or an ISO time with a zone. */
export function parseAt(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const end = new Date(`${value}T23:59:59.999Z`);
    if (!Number.isNaN(end.getTime()) && end.toISOString().startsWith(value)) return end.toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  throw new InvalidArgumentError(`bad date "${value}": use YYYY-MM-DD or an ISO time with a zone such as 2026-11-20T09:00:00Z.`);
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number.`);
  return n;
}

export function parseStage(value: string): Stage {
  const stage = value.toLowerCase();
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new InvalidArgumentError(`unknown stage "${value}": use one of ${STAGES.join(', ')}.`);
  }
  return stage as Stage;
}

/** A calendar day given to `--remind`, `--until` …: YYYY-MM-DD, a real date. */
export function parseDay(value: string, option: string): string {
  const day = value.trim();
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(day)) {
    throw new UserError(`"${value}" is not a date`, { hint: `Give ${option} as YYYY-MM-DD, e.g. ${option} 2026-12-01.` });
  }
  return day;
}
