import type { TUnknown } from "./linear-audit";

/** One cell's released members as a reader sees them: municipality → content. */
export type TReleasedCell = { state: string; sizeClass: string; members: ReadonlyMap<string, string> };

/**
 * Every view the product publishes from released cells, as rows over the unknowns (one unknown per
 * municipality and content): for each moment (a list of released cells), each filter of the comparison and
 * the Lagebild (all, a state, a size class, a state and size class) sums the cells of the filter that hold
 * at least k municipalities, and is shown when that sum holds at least k (lib/peers/aggregate.ts). Shares,
 * counts, index sums, histograms and the Lagebild's estimates are all functions of such sums.
 */
export function publishedViews(moments: Iterable<readonly TReleasedCell[]>, k: number) {
  const unknowns: TUnknown[] = [];
  const index = new Map<string, number>();
  const unknown = (municipality: string, content: string) => {
    const id = `${municipality}\u0000${content}`;
    let i = index.get(id);
    if (i === undefined) {
      i = unknowns.length;
      unknowns.push({ municipality, content });
      index.set(id, i);
    }
    return i;
  };
  const rows: number[][] = [];
  const seen = new Set<string>();
  for (const cells of moments) {
    const shown = cells.filter((c) => c.members.size >= k);
    const states = [...new Set(shown.map((c) => c.state))];
    const sizes = [...new Set(shown.map((c) => c.sizeClass))];
    const filters: ((c: TReleasedCell) => boolean)[] = [
      () => true,
      ...states.map((s) => (c: TReleasedCell) => c.state === s),
      ...sizes.map((z) => (c: TReleasedCell) => c.sizeClass === z),
      ...shown.map((x) => (c: TReleasedCell) => c === x),
    ];
    for (const inFilter of filters) {
      const chosen = shown.filter(inFilter);
      if (chosen.reduce((n, c) => n + c.members.size, 0) < k) continue;
      const row = chosen
        .flatMap((c) => [...c.members].map(([m, content]) => unknown(m, content)))
        .sort((a, b) => a - b);
      const id = row.join(",");
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push(row);
    }
  }
  return { unknowns, rows };
}
