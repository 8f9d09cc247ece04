import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import pc from 'picocolors';
import { UserError } from '../../domain/errors.js';
import { SQLITE_FILE } from '../../store/open-database.js';
import { Store } from '../../store/store.js';
import { parseAt, parsePositiveInt } from '../parse-options.js';
import { defaultDataDir, resolveLocation, type GlobalOptions } from '../workspace.js';
import { DEMO_FILE } from './demo.js';

interface ServeFlags extends GlobalOptions {
  port: number;
  host: string;
  token?: string;
  at?: string;
  demo?: boolean;
  maxUpload?: number;
  log?: boolean;
}

const DEFAULT_PORT = 4173;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the web app on this machine: Today, People, the Composer, the Audit and Import, over the workspace (nothing is ever sent to a platform)')
    .option('--port <n>', `port to listen on (0 picks a free one)`, parsePort, DEFAULT_PORT)
    .option('--host <address>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .option('--token <token>', 'require this token on every API call (env RAPPORT_TOKEN); needed for a non-loopback --host')
    .option('--at <time>', 'serve the workspace as of this date or time (default: now; with --demo, the demo\'s last day)', parseAt)
    .option('--demo', 'serve the demo workspace (built by `rapport demo`; built now if missing)')
    .option('--max-upload <mb>', 'largest upload the Import page accepts, in MB (default 512)', parsePositiveInt)
    .option('--log', 'log every request to stdout')
    .action(async (_flags: ServeFlags, command: Command) => {
      const flags = command.optsWithGlobals<ServeFlags>();
      const store = flags.demo ? await openDemo(flags) : await Store.open(resolveLocation(flags));
      let server;
      try {
        // Without --at the demo would be empty today: it is served as of its last day.
        const at = flags.at ?? (flags.demo ? ((await store.stats()).interactions.last ?? undefined) : undefined);
        // The web server and its framework load only when serving, so every other command starts fast.
        const { DEFAULT_MAX_UPLOAD_BYTES, startServer } = await import('../../server/server.js');
        server = await startServer({
          store,
          host: flags.host,
          port: flags.port,
          token: flags.token ?? process.env.RAPPORT_TOKEN,
          at,
          maxUploadBytes: flags.maxUpload === undefined ? DEFAULT_MAX_UPLOAD_BYTES : flags.maxUpload * 1024 * 1024,
          logger: flags.log ?? false,
        }).catch((e: unknown) => {
          if ((e as { code?: string }).code === 'EADDRINUSE') throw new UserError(`Port ${flags.port} is already in use`, { hint: 'Pick another with --port N (or --port 0 for any free port); another rapport may already be running.' });
          if ((e as { code?: string }).code === 'EADDRNOTAVAIL') throw new UserError(`This machine has no address ${flags.host}`, { hint: 'Leave --host out to listen on 127.0.0.1, or give one of this machine\'s addresses.' });
          throw e;
        });
        // The page takes the token from its address once and keeps it for the tab (docs/web.md).
        const token = flags.token ?? process.env.RAPPORT_TOKEN;
        // Listening on every address (0.0.0.0, ::): this machine's own is the one to click.
        const wildcard = /^http:\/\/(0\.0\.0\.0|\[::\]):/.test(server.url);
        const base = wildcard ? server.url.replace(/^http:\/\/[^/]+:/, 'http://127.0.0.1:') : server.url;
        const address = token ? `${base}/?token=${encodeURIComponent(token)}` : base;
        process.stdout.write(`rapport is running at ${pc.bold(address)} — press Ctrl+C to stop\n`);
        if (wildcard) process.stdout.write(pc.dim(`Listening on every address of this machine (${flags.host}): other machines reach it at this machine's address, with the token.\n`));
        if (at) process.stdout.write(pc.dim(`Serving the workspace as of ${at}.\n`));
        await untilStopped();
      } finally {
        await server?.close();
        await store.close();
      }
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port (0–65535).`);
  return n;
}

/** The demo workspace `rapport demo` builds, built here first when it is missing. */
async function openDemo(flags: ServeFlags): Promise<Store> {
  const folder = join(flags.data ?? process.env.RAPPORT_HOME ?? defaultDataDir(), 'demo');
  const exists = existsSync(join(folder, SQLITE_FILE));
  const store = await Store.open({ dataDir: folder });
  if (!exists) {
    if (!existsSync(DEMO_FILE)) throw new UserError(`The demo data ${DEMO_FILE} is missing`, { hint: 'Regenerate it with `node --import tsx scripts/generate-demo.ts`.' });
    process.stderr.write(pc.dim(`Building the demo workspace in ${folder} …\n`));
    try {
      // The importers load only when importing, so that other commands start fast.
      const { importPath } = await import('../../ingest/import-path.js');
      await importPath(store, DEMO_FILE);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
