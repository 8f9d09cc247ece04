/**
 * Speed of the language engine, for `npm run bench` (not run by tests): full analysis of 100,000
 * distinct messages on one core, single-message latency after warm-up, and the `sentiment`
 * package on the same messages as the peer figure. Beside the latency, the machine's own floor:
 * the same samples of a fixed computation as long as a median analysis. Messages are built from
 * a fixed set of business-style fragments with a seeded generator, so every run measures the
 * same work.
 */
import Sentiment from 'sentiment';
import { analyzeMessage } from './analyze.js';
import { defaultModel } from './default-model.js';
import { prng } from '../support/prng.js';

const OPENERS = ['Hi Ana!', 'Hey @marco,', 'Thanks for the follow, Sam!', 'Congrats on the launch!', 'Good morning', 'Hello there,', 'Quick question:', '', 'Wow', 'HEY!!'];
const BODIES = [
  'grab my free e-book here https://growth.example.com/ebook',
  'how did you get started with ceramics?',
  'can you share this with your followers? it would help a lot',
  'we help bakeries get 30% more orders, want a quick demo?',
  'loved your thread about pricing, so useful 🙌',
  'here is the article I mentioned: https://hbr.org/2017/10/delegation',
  'our summer sale is on, 20% off everything with code SUN20',
  'hope the move went well and the kids are settling in',
  'check out my channel and subscribe!!! sooooo many new videos',
  'thank you so much for the kind words about our bread',
  'Привет! Как дела? 你好',
  'only $19.99 per month, sign up today',
  'what tools do you use for your newsletter?',
];
const CLOSERS = ['', ' 😊', ' #smallbusiness', ' Cheers!', ' Have a great week.', ' Let me know!', ' x'];


export function benchMessages(count: number, seed = 7): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`${pick(OPENERS)} ${pick(BODIES)} ${pick(BODIES)}${pick(CLOSERS)} ${i % 97}`.trim());
  return out;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e3;
}

/** CPU time of this process in µs: on a loaded machine it still counts only the work done here. */
function cpu(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** Runs `fn` over all messages; throughput by the wall clock and by the CPU time used. */
function throughput(messages: readonly string[], fn: (m: string) => number): { wall: number; cpu: number; sink: number } {
  let sink = 0;
  const w0 = now();
  const c0 = cpu();
  for (const m of messages) sink += fn(m);
  const c = cpu() - c0;
  const w = now() - w0;
  return { wall: Math.round(messages.length / (w / 1e6)), cpu: Math.round(messages.length / (c / 1e6)), sink };
}

export async function benchLanguage(): Promise<Record<string, number>> {
  const messages = benchMessages(100_000);
  defaultModel();
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += analyzeMessage(messages[i]!).intents.length;

  const ours = throughput(messages, (m) => analyzeMessage(m).intents.length);

  const latencies = new Float64Array(20_000);
  for (let i = 0; i < latencies.length; i++) {
    const m = messages[(i * 7919) % messages.length]!;
    const s = now();
    sink += analyzeMessage(m).promotionalScore;
    latencies[i] = now() - s;
  }
  latencies.sort();

  const sentiment = new Sentiment();
  for (let i = 0; i < 20_000; i++) sink += sentiment.analyze(messages[i]!).score;
  const peer = throughput(messages, (m) => sentiment.analyze(m).score);
  if (sink + ours.sink + peer.sink === Number.MIN_VALUE) console.log(sink);

  const q = (p: number): number => quantile(latencies, p);
  const floor = latencyFloor(q(0.5));
  return {
    messages: messages.length,
    'analyze msgs/s': ours.wall,
    'analyze msgs per cpu-s': ours.cpu,
    'analyze p50 µs': q(0.5),
    'analyze p99 µs': q(0.99),
    'fixed-work p50 µs (machine floor)': quantile(floor, 0.5),
    'fixed-work p99 µs (machine floor)': quantile(floor, 0.99),
    'sentiment msgs/s (peer)': peer.wall,
    'sentiment msgs per cpu-s (peer)': peer.cpu,
  };
}

function quantile(sorted: Float64Array, p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
}

/**
 * The machine's own latency floor for the p99: the same number of samples of a fixed computation
 * that allocates nothing, sized to take about as long as an analysis at the median. Its p99 is
 * what interrupts, other processes and the hypervisor add to a few microseconds of work, which no
 * change to the engine can remove.
 */
function latencyFloor(medianMicros: number): Float64Array {
  const work = (n: number): number => {
    let x = 0;
    for (let i = 0; i < n; i++) x += Math.sqrt(i + 0.5);
    return x;
  };
  let sink = 0;
  // Once to let the JIT optimise it, once to time it; short runs are then timed as they will be.
  for (let k = 0; k < 2_000; k++) sink += work(1_000);
  let t = now();
  for (let k = 0; k < 2_000; k++) sink += work(1_000);
  const perStep = (now() - t) / (2_000 * 1_000);
  const steps = Math.max(1, Math.round(medianMicros / perStep));
  const samples = new Float64Array(20_000);
  for (let i = 0; i < samples.length; i++) {
    t = now();
    sink += work(steps);
    samples[i] = now() - t;
  }
  if (sink === Number.MIN_VALUE) console.log(sink);
  return samples.sort();
}

