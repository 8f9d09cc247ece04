/**
 * Speed of the web app's API, for `npm run bench` (not run by tests). On the demo workspace
 * (demo/bakery.jsonl imported into a temporary folder), served by the real `rapport serve` in a
 * process of its own so that the load tool does not share its event loop:
 * - the composer's POST /api/check, 1,000 sequential requests over varied people and drafts →
 *   p50/p99 latency (issue 6's target: p99 under 20 ms), and the server process's CPU time per
 *   check (from /proc on Linux: what a check costs however busy the machine is);
 * - requests per second under 50 concurrent connections (autocannon, loopback) for the check
 *   endpoint and for GET /api/today.
 * Beside them, the peers: the same 1,000 checks called in process (checkDraftInWorkspace), the
 * agenda built in process (todayAgenda), and the round trip of a request that touches nothing
 * (the floor of HTTP and process scheduling on this machine), so the server's own share shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { importPath } from '../ingest/import-path.js';
import { Store } from '../store/store.js';
import { checkDraftInWorkspace } from '../workspace/check-draft.js';
import { todayAgenda } from '../workspace/today-agenda.js';

const DEMO = fileURLToPath(new URL('../../demo/bakery.jsonl', import.meta.url));
const CLI = fileURLToPath(new URL('../cli/bin.ts', import.meta.url));

const DRAFTS = [
  'Thank you so much for sharing our rye! What did you bake with it?',
  'Buy our new sourdough e-book today, 20% off: https://crumbandco.example/ebook',
  'Could you share our Christmas stollen post with your followers? It would help a lot.',
  'Hope the move went well! How are you settling in?',
  'We are running a 2-for-1 on croissants this weekend, come by!',
  'Loved your thread about hydration levels. Have you tried a longer cold proof?',
  'Hi! Check out our shop and follow us for daily bakes 🥐',
  'Congrats on the new job! Let us know when you are back in the neighbourhood.',
];

export async function benchServer(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-server-'));
  let child: ChildProcess | undefined;
  try {
    const store = await Store.open({ dataDir: dir });
    const handles: string[] = [];
    let at: string;
    try {
      await importPath(store, DEMO);
      at = (await store.stats()).interactions.last ?? new Date().toISOString();
      for (const person of await store.people()) {
        const h = person.identities[0]?.handle;
        if (h) handles.push(h);
      }
    } finally {
      await store.close();
    }
    // A few strangers too: a handle rapport has never seen takes its own path.
    const recipients = [...handles.filter((_, i) => i % 5 === 0), '@someone.new@example.social', 'nobody.bsky.social'];

    const started = await serve(dir, at);
    child = started.child;
    const url = started.url;
    const body = (i: number) => JSON.stringify({ to: recipients[i % recipients.length], text: DRAFTS[(i * 7) % DRAFTS.length] });

    for (let i = 0; i < 100; i++) await check(url, body(i)); // warm-up: JIT, caches, SQLite pages
    const times: number[] = [];
    const serverCpu = cpuMsOf(child.pid);
    for (let i = 0; i < 1000; i++) {
      const t0 = performance.now();
      await check(url, body(i + 100));
      times.push(performance.now() - t0);
    }
    // The server's CPU time per check: what a check costs however busy the machine is.
    const serverCpuMs = serverCpu === undefined ? undefined : (cpuMsOf(child.pid) ?? serverCpu) - serverCpu;
    times.sort((a, b) => a - b);

    // The floor: the round trip of a request the server answers without touching the workspace
    // (an unknown /api path, 404) — what HTTP and process scheduling cost on this machine now.
    const floor: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await (await fetch(`${url}/api/no-such-endpoint`)).arrayBuffer();
      floor.push(performance.now() - t0);
    }
    floor.sort((a, b) => a - b);

    // The peer: the same checks without HTTP, straight into the engine's load path, so the
    // server's own share of the latency is the difference.
    const direct = await Store.open({ dataDir: dir });
    const engineTimes: number[] = [];
    let todayEngineMs = 0;
    try {
      for (let i = 0; i < 100; i++) await checkDraftInWorkspace(direct, { ...(JSON.parse(body(i)) as { to: string; text: string }), at });
      await todayAgenda(direct, at);
      const t0 = performance.now();
      for (let i = 0; i < 5; i++) await todayAgenda(direct, at, Number.MAX_SAFE_INTEGER);
      todayEngineMs = (performance.now() - t0) / 5;
      for (let i = 0; i < 1000; i++) {
        const { to, text } = JSON.parse(body(i + 100)) as { to: string; text: string };
        const t0 = performance.now();
        await checkDraftInWorkspace(direct, { to, text, at });
        engineTimes.push(performance.now() - t0);
      }
    } finally {
      await direct.close();
    }
    engineTimes.sort((a, b) => a - b);

    const checkLoad = await load({
      url: `${url}/api/check`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: Array.from({ length: 40 }, (_, i) => ({ method: 'POST' as const, body: body(i) })),
    });
    const todayLoad = await load({ url: `${url}/api/today` });

    return {
      checkSequentialRequests: times.length,
      checkP50Ms: round(quantile(times, 0.5)),
      checkP99Ms: round(quantile(times, 0.99)),
      checkMaxMs: round(times.at(-1) ?? 0),
      ...(serverCpuMs === undefined ? {} : { checkServerCpuMsPerRequest: round(serverCpuMs / times.length) }),
      httpFloorP50Ms: round(quantile(floor, 0.5)),
      httpFloorP99Ms: round(quantile(floor, 0.99)),
      checkEngineOnlyP50Ms: round(quantile(engineTimes, 0.5)),
      checkEngineOnlyP99Ms: round(quantile(engineTimes, 0.99)),
      checkRequestsPerSecond50Connections: checkLoad.requestsPerSecond,
      checkP99MsUnderLoad: checkLoad.p99Ms,
      todayRequestsPerSecond50Connections: todayLoad.requestsPerSecond,
      todayP99MsUnderLoad: todayLoad.p99Ms,
      todayEngineOnlyMeanMs: round(todayEngineMs),
      demoPeople: handles.length,
    };
  } finally {
    child?.kill('SIGTERM');
    if (child) await new Promise((r) => child!.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `rapport serve` on the folder and resolves with its address once it is listening. */
function serve(dir: string, at: string): Promise<{ child: ChildProcess; url: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data', dir, 'serve', '--port', '0', '--at', at], { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /running at (http:\/\/\S+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`rapport serve exited (${code}) before listening: ${out}`)));
  });
}

async function check(url: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (res.status !== 200) throw new Error(`check answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

async function load(options: autocannon.Options): Promise<{ requestsPerSecond: number; p99Ms: number }> {
  const result = await autocannon({ connections: 50, duration: 8, ...options });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`);
  return { requestsPerSecond: round(result.requests.average), p99Ms: round(result.latency.p99) };
}

/** CPU time (user + system) a process has used so far, from Linux's /proc; undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
