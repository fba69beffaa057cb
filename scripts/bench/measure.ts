// Timing with warm-up and repetitions; medians and p95 from the repetitions only.
export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function time(run: () => Promise<unknown>, options: { warmup?: number; runs?: number } = {}): Promise<Timing> {
  for (let i = 0; i < (options.warmup ?? 2); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < (options.runs ?? 10); i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length };
}

/** Product and limit timed in alternation, so noise on this shared machine hits both alike. */
export async function compare(
  product: () => Promise<unknown>,
  limit: () => Promise<unknown>,
  options: { warmup?: number; runs?: number } = {},
) {
  for (let i = 0; i < (options.warmup ?? 2); i++) {
    await product();
    await limit();
  }
  const productSamples: number[] = [];
  const limitSamples: number[] = [];
  for (let i = 0; i < (options.runs ?? 10); i++) {
    let started = performance.now();
    await product();
    productSamples.push(performance.now() - started);
    started = performance.now();
    await limit();
    limitSamples.push(performance.now() - started);
  }
  productSamples.sort((a, b) => a - b);
  limitSamples.sort((a, b) => a - b);
  const summarize = (samples: number[]): Timing => ({
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    runs: samples.length,
  });
  const productTiming = summarize(productSamples);
  const limitTiming = summarize(limitSamples);
  return { product: productTiming, limit: limitTiming, ratio: productTiming.median / Math.max(0.01, limitTiming.median) };
}
