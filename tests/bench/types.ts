/**
 * One measured number from a benchmark module. A module under tests/bench/
 * exports `bench(): Promise<BenchRow[]>`; `npm run bench` runs them all and
 * prints one table.
 */
export interface BenchRow {
  /** What was measured, e.g. "tokenize+annotate audio-video offer (median)". */
  name: string;
  value: number;
  /** e.g. "ms", "ops/s", "KB". */
  unit: string;
  /** The goal in words, e.g. "< 5 ms" (shown, not enforced: the machine decides too much). */
  target?: string;
  /** The same work done another way (e.g. the `sdp` package alone), to read `value` against. */
  baseline?: { name: string; value: number };
}

export interface BenchModule {
  bench(): Promise<BenchRow[]>;
}
