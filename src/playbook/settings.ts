/**
 * The playbook as a flat list of settings (`stages.engagedMinDays`, `warmth.weights`, …) with
 * their documented defaults, and the pure rules for overriding one. The documentation comes
 * from the schema's own descriptions, so the list can never drift from what the engines read.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { playbookSchema, type Playbook } from './playbook.js';

export interface PlaybookSetting {
  readonly key: string;
  readonly value: unknown;
  readonly default: unknown;
  readonly overridden: boolean;
  readonly description: string;
}

interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: JsonSchemaNode | boolean;
}

interface LeafInfo {
  readonly description: string;
  readonly default: unknown;
  /** A map of named numbers (e.g. `warmth.weights`): its entries can be set one by one. */
  readonly isMap: boolean;
}

let leaves: Map<string, LeafInfo> | undefined;

/** Every settable key of the playbook, in the schema's order. */
export function playbookLeaves(): ReadonlyMap<string, LeafInfo> {
  if (leaves) return leaves;
  leaves = new Map();
  const walk = (node: JsonSchemaNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (child.type === 'object' && child.properties) walk(child, key);
      else leaves!.set(key, { description: child.description ?? '', default: child.default, isMap: child.type === 'object' });
    }
  };
  walk(z.toJSONSchema(playbookSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode, '');
  return leaves;
}

export function describePlaybook(playbook: Playbook, overrides: Readonly<Record<string, unknown>>, prefix = ''): PlaybookSetting[] {
  const rows: PlaybookSetting[] = [];
  for (const [key, info] of playbookLeaves()) {
    if (prefix && !(key === prefix || key.startsWith(`${prefix}.`))) continue;
    rows.push({ key, value: valueAt(playbook, key), default: info.default, overridden: key in overrides, description: info.description });
  }
  if (rows.length === 0) throw unknownKey(prefix);
  return rows;
}

/**
 * The overrides after `rapport playbook set KEY VALUE`. VALUE is read as JSON when it is JSON
 * (numbers, true/false, objects) and as text otherwise. `warmth.weights.share 3` sets one entry
 * of a map and keeps the others.
 */
export function withOverride(overrides: Readonly<Record<string, unknown>>, playbook: Playbook, key: string, raw: string): Record<string, unknown> {
  const value = parseValue(raw);
  const leaf = playbookLeaves().get(key);
  if (leaf) return { ...overrides, [key]: value };
  const mapKey = key.slice(0, key.lastIndexOf('.'));
  if (playbookLeaves().get(mapKey)?.isMap) {
    const current = valueAt(playbook, mapKey) as Record<string, unknown>;
    return { ...overrides, [mapKey]: { ...current, [key.slice(mapKey.length + 1)]: value } };
  }
  throw unknownKey(key);
}

export function withoutOverride(overrides: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  if (!playbookLeaves().has(key)) throw unknownKey(key);
  const { [key]: _removed, ...rest } = overrides;
  return rest;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function valueAt(playbook: Playbook, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], playbook);
}

function unknownKey(key: string): UserError {
  const near = [...playbookLeaves().keys()].filter((k) => k.split('.').at(-1)?.toLowerCase() === key.split('.').at(-1)?.toLowerCase());
  return new UserError(`The playbook has no setting "${key}"`, {
    hint: near.length > 0 ? `Did you mean ${near.join(' or ')}?` : '`rapport playbook show` lists every setting with its default.',
  });
}
