// The figures the benchmarks print: percentiles of sorted timings (nearest rank), the median, and the usual
// summary of a series.

/** The p-th percentile (0–100) of ascending values, by nearest rank: p50 is the median, p95 and p99 the tail. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The median of any values, the mean of the middle two for an even count; missing values and NaN skipped. */
export function median(values) {
  const v = values.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Median (nearest rank), p95, min and max of a series of timings. */
export function summarize(values) {
  const s = [...values].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1), min: s[0] };
}
