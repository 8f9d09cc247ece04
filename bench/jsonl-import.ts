/**
 * Import of a generated 1,000,000-interaction rapport JSONL file into an empty embedded
 * workspace, next to its ceiling: JSON.parse of the same lines in the same run.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

const KINDS = ['like', 'reply', 'share', 'mention', 'dm', 'follow', 'quote'] as const;
const TEXTS = ['Loved this!', 'Do you ship to Canada? How much?', 'Thanks so much for the share 🙏', 'Best sourdough in town, go try it', 'see you at the market on Saturday'];

export async function writeJsonl(file: string, interactions: number, people: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(JSON.stringify({ type: 'account', platform: 'mastodon', handle: '@shop@bakers.social' }));
  const start = Date.UTC(2025, 10, 20);
  for (let i = 0; i < interactions; i++) {
    const person = `@p${(i * 7919) % people}@example.social`;
    const outbound = i % 3 === 0;
    const kind = KINDS[i % KINDS.length] as string;
    await write(JSON.stringify({
      type: 'interaction', platform: 'mastodon', id: `m-${i}`, at: new Date(start + i * 31_000).toISOString(),
      actor: outbound ? '@shop@bakers.social' : person, target: outbound ? person : '@shop@bakers.social', kind,
      ...(kind === 'like' || kind === 'follow' ? {} : { text: TEXTS[i % TEXTS.length] }),
    }));
  }
  out.end();
  await once(out, 'finish');
}

async function jsonParseSeconds(file: string): Promise<number> {
  const started = performance.now();
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line) n += JSON.parse(line) ? 1 : 0;
  }
  if (n === 0) throw new Error('nothing parsed');
  return (performance.now() - started) / 1000;
}

export async function benchJsonlImport(interactions = 1_000_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  try {
    const file = join(dir, 'bench.jsonl');
    await writeJsonl(file, interactions, 5_000);
    const parseSeconds = await jsonParseSeconds(file);
    const child = execFileSync(process.execPath, [join(import.meta.dirname, 'import-child.mjs'), file, join(dir, 'ws')], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const result = JSON.parse(child.trim().split('\n').at(-1) ?? '{}') as { seconds: number; interactions: number; peakRssMb: number };
    if (result.interactions !== interactions) throw new Error(`imported ${result.interactions} of ${interactions}`);
    return {
      interactions,
      fileMb: round(statSync(file).size / 1024 / 1024),
      importSeconds: round(result.seconds),
      interactionsPerSecond: Math.round(interactions / result.seconds),
      peakRssMb: round(result.peakRssMb),
      'ceiling.jsonParseSeconds': round(parseSeconds),
      'ceiling.jsonParseLinesPerSecond': Math.round(interactions / parseSeconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
