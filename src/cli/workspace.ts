/**
 * Where the workspace lives: `--data DIR`, else `RAPPORT_HOME`, else the platform's user data
 * folder; `DATABASE_URL=postgres://…` switches to a PostgreSQL server (`--workspace` or
 * `RAPPORT_WORKSPACE` then names the workspace inside it).
 */
import envPaths from 'env-paths';
import { UserError } from '../domain/errors.js';
import { Store, type StoreOptions } from '../store/store.js';

export interface GlobalOptions {
  readonly data?: string;
  readonly workspace?: string;
}

export function defaultDataDir(): string {
  return envPaths('rapport', { suffix: '' }).data;
}

export function resolveLocation(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new UserError('DATABASE_URL is set but is not a postgres:// URL', {
      hint: 'Unset DATABASE_URL to use the embedded database, or set it to postgres://user@host:5432/dbname.',
    });
  }
  const workspace = options.workspace ?? env.RAPPORT_WORKSPACE ?? 'default';
  return {
    dataDir: options.data ?? env.RAPPORT_HOME ?? defaultDataDir(),
    ...(databaseUrl ? { databaseUrl } : {}),
    workspace,
  };
}

/** Opens the workspace, runs `fn`, and always closes it. */
export async function withStore<T>(options: GlobalOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(resolveLocation(options));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
