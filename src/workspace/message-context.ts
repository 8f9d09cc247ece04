/**
 * The workspace's own identity as the language engine needs it: its handles (from your
 * accounts), its domains and brand names (from `rapport config`), and the user's retrained model
 * if there is one. Read once per command.
 */
import { loadModel, ModelWeightsSchema, type AnalysisContext } from '../language/index.js';
import { createMessageReader, type MessageReader } from '../relationships/message-reader.js';
import type { Store } from '../store/store.js';

export const SETTING = {
  domains: 'brand.domains',
  brands: 'brand.names',
  handles: 'brand.handles',
  model: 'language.model',
} as const;

export async function analysisContextFor(store: Store): Promise<AnalysisContext> {
  const accounts = await store.ownAccounts();
  const list = async (key: string): Promise<string[]> => {
    const raw = await store.getSetting(key);
    return raw ? (JSON.parse(raw) as string[]) : [];
  };
  const handles = [...accounts.map((a) => a.handle).filter((h): h is string => Boolean(h)), ...(await list(SETTING.handles))];
  const brands = [...(await list(SETTING.brands)), ...accounts.map((a) => a.name).filter((n): n is string => Boolean(n))];
  const modelJson = await store.getSetting(SETTING.model);
  return {
    ownHandles: handles,
    ownDomains: await list(SETTING.domains),
    ownBrands: brands,
    ...(modelJson ? { model: loadModel(ModelWeightsSchema.parse(JSON.parse(modelJson))) } : {}),
  };
}

export async function messageReaderFor(store: Store): Promise<MessageReader> {
  return createMessageReader(await analysisContextFor(store));
}
