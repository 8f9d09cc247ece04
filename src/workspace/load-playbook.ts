/**
 * The workspace's playbook: the documented defaults with the user's overrides (`rapport playbook
 * set`) merged in. Overrides are stored as one JSON object of dotted keys.
 */
import { UserError } from '../domain/errors.js';
import { playbookSchema, type Playbook } from '../playbook/playbook.js';
import type { Store } from '../store/store.js';

export const PLAYBOOK_SETTING = 'playbook.overrides';

export async function loadOverrides(store: Store): Promise<Record<string, unknown>> {
  const raw = await store.getSetting(PLAYBOOK_SETTING);
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

export async function loadPlaybook(store: Store): Promise<Playbook> {
  return applyOverrides(await loadOverrides(store));
}

/** Stores the overrides after checking that the playbook they make is valid. */
export async function saveOverrides(store: Store, overrides: Record<string, unknown>): Promise<Playbook> {
  const playbook = applyOverrides(overrides);
  await store.setSetting(PLAYBOOK_SETTING, Object.keys(overrides).length > 0 ? JSON.stringify(overrides) : undefined);
  return playbook;
}

/** Builds the playbook from dotted overrides (`stages.engagedMinDays: 4`), validating each. */
export function applyOverrides(overrides: Record<string, unknown>): Playbook {
  const nested: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(overrides)) {
    const keys = path.split('.');
    let node = nested;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1) as string] = value;
  }
  const result = playbookSchema.safeParse(nested);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(`The playbook setting ${issue?.path.join('.')} is invalid: ${issue?.message}`, {
      hint: 'Fix it with `rapport playbook set KEY VALUE`, or remove it with `rapport playbook reset KEY`.',
    });
  }
  return result.data;
}
