import type { Command } from 'commander';
import pc from 'picocolors';
import { UserError } from '../../domain/errors.js';
import {
  BRAND_KEY_HELP,
  BRAND_KEYS,
  identityFromAccounts,
  isBrandKey,
  normalizeBrandValues,
  readBrandSetting,
  type BrandKey,
} from '../../workspace/message-context.js';
import type { Store } from '../../store/store.js';
import { createPrinter } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface ConfigFlags extends GlobalOptions {
  json?: boolean;
}

/** What `config list` shows: the values set here, and what the imported accounts add on their own. */
interface ConfigListing {
  settings: Record<BrandKey, string[]>;
  fromAccounts: { handles: string[]; domains: string[]; names: string[] };
}

export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description(`Your brand as the message analysis sees it: ${BRAND_KEYS.join(', ')} (lists)`)
    .addHelpText(
      'after',
      `\nKeys:\n${BRAND_KEYS.map((k) => `  ${k.padEnd(14)} ${BRAND_KEY_HELP[k]}`).join('\n')}\n\nExamples:\n  rapport config set brand.domains acmebakery.com shop.acmebakery.com\n  rapport config get brand.domains\n  rapport config unset brand.handles\n  rapport config list --json`,
    );

  config
    .command('list', { isDefault: true })
    .description('Show every brand setting, and what your imported accounts add')
    .option('--json', 'print JSON')
    .action(async (_flags: ConfigFlags, command: Command) => {
      const flags = command.optsWithGlobals<ConfigFlags>();
      const listing = await withStore(flags, listConfig);
      createPrinter(flags.json ?? false).result(listing, renderListing);
    });

  config
    .command('get')
    .description('Print one setting')
    .argument('<key>', BRAND_KEYS.join(' | '))
    .option('--json', 'print JSON')
    .action(async (key: string, _flags: ConfigFlags, command: Command) => {
      const flags = command.optsWithGlobals<ConfigFlags>();
      const k = ensureKey(key);
      const values = await withStore(flags, (store) => readBrandSetting(store, k));
      createPrinter(flags.json ?? false).result({ key: k, values }, (r) => (r.values.length ? r.values.join('\n') : pc.dim(`(${r.key} is not set)`)));
    });

  config
    .command('set')
    .description('Replace a setting with the values given')
    .argument('<key>', BRAND_KEYS.join(' | '))
    .argument('<values...>', 'one or more values')
    .option('--json', 'print JSON')
    .action(async (key: string, values: string[], _flags: ConfigFlags, command: Command) => {
      const flags = command.optsWithGlobals<ConfigFlags>();
      const k = ensureKey(key);
      // Validate before opening the store: a bad value changes nothing.
      const normal = normalizeBrandValues(k, values);
      await withStore(flags, (store) => store.setSetting(k, JSON.stringify(normal)));
      createPrinter(flags.json ?? false).result({ key: k, values: normal }, (r) => `${r.key} = ${r.values.join(', ')}`);
    });

  config
    .command('unset')
    .description('Remove a setting')
    .argument('<key>', BRAND_KEYS.join(' | '))
    .option('--json', 'print JSON')
    .action(async (key: string, _flags: ConfigFlags, command: Command) => {
      const flags = command.optsWithGlobals<ConfigFlags>();
      const k = ensureKey(key);
      await withStore(flags, (store) => store.setSetting(k, undefined));
      createPrinter(flags.json ?? false).result({ key: k, values: [] as string[] }, (r) => `${r.key} removed`);
    });
}

function ensureKey(key: string): BrandKey {
  if (isBrandKey(key)) return key;
  throw new UserError(`Unknown setting "${key}"`, { hint: `Use one of: ${BRAND_KEYS.join(', ')}.` });
}

async function listConfig(store: Store): Promise<ConfigListing> {
  const settings = {} as Record<BrandKey, string[]>;
  for (const k of BRAND_KEYS) settings[k] = await readBrandSetting(store, k);
  const accounts = identityFromAccounts(await store.ownAccounts());
  return { settings, fromAccounts: { handles: accounts.handles, domains: accounts.domains, names: accounts.brands } };
}

function renderListing(l: ConfigListing): string {
  const lines = BRAND_KEYS.map((k) => `${pc.bold(k.padEnd(14))} ${l.settings[k].length ? l.settings[k].join(', ') : pc.dim('(not set)')}`);
  const a = l.fromAccounts;
  if (a.handles.length || a.domains.length || a.names.length) {
    lines.push('', pc.dim('From your imported accounts (always counted as yours):'));
    if (a.handles.length) lines.push(`  handles  ${a.handles.join(', ')}`);
    if (a.domains.length) lines.push(`  domains  ${a.domains.join(', ')}`);
    if (a.names.length) lines.push(`  names    ${a.names.join(', ')}`);
  }
  return lines.join('\n');
}
