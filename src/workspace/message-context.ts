/**
 * The workspace's own identity as the language engine needs it: its handles, profile links and
 * websites (from your imported accounts and from `rapport config`), its brand names, and the
 * user's retrained model if there is one (`rapport train`). Read once per command.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors.js';
import type { Identity } from '../domain/views.js';
import { domainOf, loadModel, ModelWeightsSchema, tokenize, type AnalysisContext, type LoadedModel } from '../language/index.js';
import { createMessageReader, type MessageReader } from '../relationships/message-reader.js';
import type { Store } from '../store/store.js';

export const SETTING = {
  domains: 'brand.domains',
  brands: 'brand.names',
  handles: 'brand.handles',
  model: 'language.model',
} as const;

/** The settings `rapport config` may change: each a list of strings. */
export const BRAND_KEYS = [SETTING.domains, SETTING.brands, SETTING.handles] as const;
export type BrandKey = (typeof BRAND_KEYS)[number];

export const BRAND_KEY_HELP: Record<BrandKey, string> = {
  'brand.domains': 'your websites, e.g. acmebakery.com (a link to them is a self-promotion link)',
  'brand.names': 'your brand or business names, e.g. "Acme Bakery" (count as talking about yourself)',
  'brand.handles': 'your handles on any platform, e.g. @acmebakery (a mention or profile link is self-promotion)',
};

export function isBrandKey(key: string): key is BrandKey {
  return (BRAND_KEYS as readonly string[]).includes(key);
}

const DOMAIN_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;
const HANDLE_RE = /^@?[\p{L}\p{N}_.-]+(?:@[a-z0-9.-]+\.[a-z]{2,})?$/iu;

/**
 * Checks and normalises the values of a brand setting: domains lose their scheme, `www.` and
 * path; handles keep one leading `@`; names are trimmed. Throws a UserError naming the bad value.
 */
export function normalizeBrandValues(key: BrandKey, values: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value) throw new UserError(`An empty value for ${key}`, { hint: `Give each value as its own argument, e.g. rapport config set ${key} ${example(key)}.` });
    let normal: string;
    if (key === 'brand.domains') {
      normal = domainOf(value);
      if (!DOMAIN_RE.test(normal)) throw new UserError(`"${value}" is not a domain`, { hint: `Give a website's domain, e.g. rapport config set brand.domains acmebakery.com.` });
    } else if (key === 'brand.handles') {
      if (!HANDLE_RE.test(value)) throw new UserError(`"${value}" is not a handle`, { hint: 'Give a handle such as @acmebakery or @shop@example.social (no spaces).' });
      normal = '@' + value.replace(/^@/, '');
    } else {
      normal = value.replace(/\s+/g, ' ');
    }
    if (!out.some((v) => v.toLowerCase() === normal.toLowerCase())) out.push(normal);
  }
  return out;
}

function example(key: BrandKey): string {
  return key === 'brand.domains' ? 'acmebakery.com' : key === 'brand.handles' ? '@acmebakery' : '"Acme Bakery"';
}

const StoredListSchema = z.array(z.string());

/** A brand setting as stored (a JSON list); missing → empty. */
export async function readBrandSetting(store: Store, key: BrandKey): Promise<string[]> {
  const raw = await store.getSetting(key);
  if (raw === undefined) return [];
  try {
    return StoredListSchema.parse(JSON.parse(raw));
  } catch (e) {
    throw new UserError(`The stored setting ${key} is damaged`, { hint: `Set it again with rapport config set ${key} …, or remove it with rapport config unset ${key}.`, cause: e });
  }
}

/** Hosts whose links point at a profile on that platform, not at a website of the owner. */
const PLATFORM_HOSTS: ReadonlySet<string> = new Set([
  'linkedin.com', 'twitter.com', 'x.com', 'bsky.app', 'instagram.com', 'facebook.com', 'fb.com', 'tiktok.com', 'youtube.com', 'threads.net', 'mastodon.social',
]);

/**
 * What the imported own accounts say about the workspace's identity: their handles (and, from a
 * profile link such as linkedin.com/in/acme, that handle too), their names, and the websites they
 * link to (profile website, or a domain written in the bio) — but never a platform's own host or a
 * Mastodon instance, which would make every link to that platform look like our own.
 */
export function identityFromAccounts(accounts: readonly Identity[]): { handles: string[]; domains: string[]; brands: string[] } {
  const handles: string[] = [];
  const domains: string[] = [];
  const brands: string[] = [];
  const instances = new Set<string>();
  for (const a of accounts) {
    if (a.handle) {
      handles.push(a.handle);
      const at = a.handle.replace(/^@/, '').indexOf('@');
      if (at >= 0) instances.add(a.handle.replace(/^@/, '').slice(at + 1).toLowerCase());
    }
    if (a.name) brands.push(a.name);
  }
  const isPlatform = (d: string): boolean => PLATFORM_HOSTS.has(d) || instances.has(d) || [...PLATFORM_HOSTS].some((h) => d.endsWith('.' + h));
  const addLink = (url: string): void => {
    const domain = domainOf(url);
    if (!domain) return;
    if (!isPlatform(domain)) {
      if (!domains.includes(domain)) domains.push(domain);
      return;
    }
    // A profile link: the last meaningful path segment is the handle (linkedin.com/in/acme, x.com/acme).
    const path = url.replace(/^[a-z]+:\/\//i, '').split(/[?#]/)[0]!.split('/').slice(1).filter((s) => s && s !== 'in' && s !== 'company' && s !== 'profile');
    const last = path[path.length - 1];
    if (last && !handles.includes(last)) handles.push(last);
  };
  for (const a of accounts) {
    if (a.url) addLink(a.url);
    if (a.bio) for (const t of tokenize(a.bio)) if (t.kind === 'url') addLink(t.text);
  }
  return { handles, domains, brands };
}

/** The user's retrained model stored by `rapport train`, or undefined for the shipped one. */
export async function readUserModel(store: Store): Promise<LoadedModel | undefined> {
  return parseUserModel(await store.getSetting(SETTING.model));
}

function parseUserModel(json: string | undefined): LoadedModel | undefined {
  if (json === undefined) return undefined;
  try {
    return loadModel(ModelWeightsSchema.parse(JSON.parse(json)));
  } catch (e) {
    throw new UserError('The retrained language model stored in this workspace is damaged', { hint: 'Run rapport train --reset to go back to the shipped model, then train again.', cause: e });
  }
}

/**
 * The workspace's analysis context as plain data (the user's model as its stored JSON), for a
 * worker thread to rebuild the same reader with `analysisContextFrom`.
 */
export interface PortableAnalysisContext {
  readonly ownHandles: string[];
  readonly ownDomains: string[];
  readonly ownBrands: string[];
  readonly modelJson?: string;
}

export async function portableAnalysisContextFor(store: Store): Promise<PortableAnalysisContext> {
  const fromAccounts = identityFromAccounts(await store.ownAccounts());
  const modelJson = await store.getSetting(SETTING.model);
  return {
    ownHandles: [...fromAccounts.handles, ...(await readBrandSetting(store, SETTING.handles))],
    ownDomains: [...fromAccounts.domains, ...(await readBrandSetting(store, SETTING.domains))],
    ownBrands: [...(await readBrandSetting(store, SETTING.brands)), ...fromAccounts.brands],
    ...(modelJson !== undefined ? { modelJson } : {}),
  };
}

export function analysisContextFrom({ ownHandles, ownDomains, ownBrands, modelJson }: PortableAnalysisContext): AnalysisContext {
  const model = parseUserModel(modelJson);
  return { ownHandles, ownDomains, ownBrands, ...(model ? { model } : {}) };
}

export async function analysisContextFor(store: Store): Promise<AnalysisContext> {
  return analysisContextFrom(await portableAnalysisContextFor(store));
}

export async function messageReaderFor(store: Store): Promise<MessageReader> {
  return createMessageReader(await analysisContextFor(store));
}
