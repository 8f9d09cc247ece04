/**
 * The benchmark sections of `npm run bench`. Each runs in a process of its own (see
 * run-section.ts), so that its peak memory is its own and one section's heap does not slow the
 * next. Figures carry their unit in their name; targets are the issues' acceptance figures.
 */
export interface Section {
  readonly name: string;
  /** Loads the module and runs the section, returning its figures (unprefixed). */
  readonly run: () => Promise<Record<string, number>>;
  readonly targets: Readonly<Record<string, string>>;
}

export const SECTIONS: readonly Section[] = [
  {
    name: 'jsonl',
    run: async () => (await import('./jsonl-import.js')).benchJsonlImport(Number(process.env.BENCH_INTERACTIONS ?? 1_000_000)),
    targets: { interactionsPerSecond: '>= 50000', peakRssMb: '< 300' },
  },
  {
    name: 'x-archive',
    run: async () => (await import('../src/sources/x/bench.js')).benchXImport(),
    targets: { ratioToJsonParse: '<= 3', peakRssMB: '< 400' },
  },
  {
    name: 'language',
    run: async () => (await import('../src/language/bench.js')).benchLanguage(),
    targets: { 'analyze msgs/s': '>= 100000', 'analyze p99 µs': '< 50' },
  },
  {
    name: 'coach',
    run: async () => (await import('../src/coach/bench.js')).benchCoach(),
    targets: { p99Ms: '< 20' },
  },
  {
    name: 'server',
    run: async () => (await import('../src/server/bench.js')).benchServer(),
    targets: { checkP99Ms: '< 20' },
  },
  {
    // Builds (once, cached under .bench/) a 100,000-person, 2,000,000-interaction workspace.
    name: 'brain',
    run: async () => (await import('../src/agenda/bench.js')).benchBrain(),
    targets: { 'today.warmSeconds': '< 2', 'foldAll.seconds': '< 10', 'foldAll.firstSeconds': '< 10' },
  },
  {
    name: 'audit',
    run: async () => (await import('../src/audit/bench.js')).benchAudit(),
    targets: {},
  },
];
