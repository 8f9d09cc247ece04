import type { Command } from 'commander';
import pc from 'picocolors';
import { describePlaybook, withOverride, withoutOverride, type PlaybookSetting } from '../../playbook/settings.js';
import { applyOverrides, loadOverrides, saveOverrides } from '../../workspace/load-playbook.js';
import { createPrinter } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface PlaybookFlags extends GlobalOptions {
  json?: boolean;
}

export function registerPlaybook(program: Command): void {
  const playbook = program
    .command('playbook')
    .description("Show or change the playbook's thresholds and weights (stage rules, warmth half-life, windows…) for this workspace");

  playbook
    .command('show')
    .description('List every setting with its value, its default and what it does')
    .argument('[key]', 'only this setting, or the settings under this prefix (e.g. warmth)')
    .option('--json', 'print JSON')
    .action(async (key: string | undefined, _flags: PlaybookFlags, command: Command) => {
      const flags = command.optsWithGlobals<PlaybookFlags>();
      const settings = await withStore(flags, async (store) => {
        const overrides = await loadOverrides(store);
        return describePlaybook(applyOverrides(overrides), overrides, key);
      });
      createPrinter(flags.json ?? false).result({ settings }, ({ settings: rows }) => renderSettings(rows));
    });

  playbook
    .command('set')
    .description('Override one setting in this workspace, e.g. `rapport playbook set warmth.halfLifeDays 45`')
    .argument('<key>', 'the setting (see `rapport playbook show`); one entry of a map too, e.g. warmth.weights.share')
    .argument('<value>', 'the new value (a number, true/false, or JSON)')
    .option('--json', 'print JSON')
    .action(async (key: string, value: string, _flags: PlaybookFlags, command: Command) => {
      const flags = command.optsWithGlobals<PlaybookFlags>();
      const settings = await withStore(flags, async (store) => {
        const overrides = await loadOverrides(store);
        const next = withOverride(overrides, applyOverrides(overrides), key, value);
        const changed = Object.keys(next).find((k) => key === k || key.startsWith(`${k}.`)) ?? key;
        return describePlaybook(await saveOverrides(store, next), next, changed);
      });
      createPrinter(flags.json ?? false).result({ settings }, ({ settings: rows }) => `Set.\n${renderSettings(rows)}`);
    });

  playbook
    .command('reset')
    .description('Go back to the default of one setting, or of all of them')
    .argument('[key]', 'the setting to reset (all when omitted)')
    .option('--json', 'print JSON')
    .action(async (key: string | undefined, _flags: PlaybookFlags, command: Command) => {
      const flags = command.optsWithGlobals<PlaybookFlags>();
      const result = await withStore(flags, async (store) => {
        const overrides = await loadOverrides(store);
        const next = key === undefined ? {} : withoutOverride(overrides, key);
        await saveOverrides(store, next);
        return { reset: key ?? 'all', overrides: next };
      });
      createPrinter(flags.json ?? false).result(result, (r) =>
        r.reset === 'all' ? 'Every playbook setting is back to its default.' : `${r.reset} is back to its default.`);
    });
}

function renderSettings(rows: readonly PlaybookSetting[]): string {
  return rows
    .map((r) => {
      const mark = r.overridden ? pc.yellow(`  (yours; default ${show(r.default)})`) : pc.dim('  (default)');
      return `${pc.bold(r.key)} = ${show(r.value)}${mark}\n  ${pc.dim(r.description)}`;
    })
    .join('\n');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
