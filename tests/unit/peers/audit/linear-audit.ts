/*
 * The auditor of the peer figures (docs/adr/0005-peer-privacy.md), in the sense of query auditing for sum
 * queries in statistical databases. Every published figure is a sum over the members of some released
 * cells of what each member's content adds (option counts, index, 1 for the count): a linear function of
 * the unknowns x(m, v), one per municipality m and content v that ever appeared in a release. The same
 * coefficients hold for every coordinate, so a published view is one row of 0/1 coefficients over these
 * unknowns, and all views together span a row space W.
 *
 * Something about one municipality is revealed exactly when a nonzero combination of its own unknowns lies
 * in W (plus what an attacker already knows: demo data, colluders' own contents): its whole contribution
 * e(m, v), the difference of two versions e(m, v) − e(m, w), or any other combination. The auditor checks
 * all of them, with exact arithmetic modulo the prime 2^26 − 5 (products stay below 2^53, so doubles are
 * exact). Modular rank can only differ from the rational one if the prime divides a determinant of the
 * system, about one chance in 6.7 · 10^7 per check.
 */

export const PRIME = 67_108_859; // 2^26 − 5

const mod = (a: number) => ((a % PRIME) + PRIME) % PRIME;
const mul = (a: number, b: number) => (a * b) % PRIME;

function inverse(a: number): number {
  // Fermat: a^(p−2) mod p, by square and multiply.
  let result = 1;
  let base = mod(a);
  for (let e = PRIME - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

/** A row space over GF(p) in reduced row echelon form, grown one row at a time. */
export class RowSpace {
  private readonly rows: Int32Array[] = [];
  /** Column → index of the row whose pivot it is. */
  private readonly pivotRow = new Map<number, number>();

  constructor(readonly width: number) {}

  get rank(): number {
    return this.rows.length;
  }

  /** Adds a row (coefficients by column, may be sparse); returns whether it was independent of the rows before. */
  add(coefficients: ReadonlyMap<number, number> | readonly number[]): boolean {
    const v = new Int32Array(this.width);
    if (Array.isArray(coefficients)) coefficients.forEach((c, i) => (v[i] = mod(c)));
    else for (const [i, c] of coefficients as ReadonlyMap<number, number>) v[i] = mod(v[i]! + c);
    for (const [col, r] of this.pivotRow) {
      const f = v[col]!;
      if (f !== 0) subtractMultiple(v, this.rows[r]!, f);
    }
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot === -1) return false;
    scale(v, inverse(v[pivot]!));
    for (const row of this.rows) {
      const f = row[pivot]!;
      if (f !== 0) subtractMultiple(row, v, f);
    }
    this.pivotRow.set(pivot, this.rows.length);
    this.rows.push(v);
    return true;
  }

  /**
   * The unit vector of a column reduced by the space: what of it the space cannot express. Zero exactly when
   * the column's unknown is itself a combination of the rows.
   */
  residualOfUnit(col: number): Int32Array {
    const r = this.pivotRow.get(col);
    const out = new Int32Array(this.width);
    if (r === undefined) {
      out[col] = 1;
      return out;
    }
    // e_col − row: the row has 1 at col and 0 at every other pivot column (reduced form).
    const row = this.rows[r]!;
    for (let i = 0; i < this.width; i += 1) out[i] = mod(-row[i]!);
    out[col] = 0;
    return out;
  }
}

function subtractMultiple(target: Int32Array, row: Int32Array, factor: number) {
  for (let i = 0; i < target.length; i += 1) {
    const x = row[i]!;
    if (x !== 0) target[i] = mod(target[i]! - mul(factor, x));
  }
}

function scale(v: Int32Array, factor: number) {
  for (let i = 0; i < v.length; i += 1) if (v[i] !== 0) v[i] = mul(v[i]!, factor);
}

/**
 * A nonzero combination of the given vectors that is zero, as coefficients (one per vector), or null when
 * they are linearly independent.
 */
export function findDependency(vectors: readonly Int32Array[]): number[] | null {
  const n = vectors.length;
  if (n === 0) return null;
  const width = vectors[0]!.length;
  // Eliminate on [vector | identity]: a row whose vector part vanishes carries the combination.
  const rows = vectors.map((v, i) => {
    const combo = new Int32Array(n);
    combo[i] = 1;
    return { v: Int32Array.from(v), combo };
  });
  let next = 0;
  for (let col = 0; col < width && next < n; col += 1) {
    const p = rows.findIndex((r, i) => i >= next && r.v[col] !== 0);
    if (p === -1) continue;
    [rows[next], rows[p]] = [rows[p]!, rows[next]!];
    const pivot = rows[next]!;
    const inv = inverse(pivot.v[col]!);
    scale(pivot.v, inv);
    scale(pivot.combo, inv);
    for (let i = 0; i < n; i += 1) {
      if (i === next) continue;
      const f = rows[i]!.v[col]!;
      if (f === 0) continue;
      subtractMultiple(rows[i]!.v, pivot.v, f);
      subtractMultiple(rows[i]!.combo, pivot.combo, f);
    }
    next += 1;
  }
  if (next === n) return null;
  return [...rows[next]!.combo];
}

/** An unknown of the model: one municipality's contribution with one content. */
export type TUnknown = { municipality: string; content: string };

/** What the auditor found about one municipality: which of its contents a combination of the views isolates. */
export type TLeak = {
  municipality: string;
  kind: "contribution" | "difference" | "combination";
  /** The combination, content → coefficient (as a signed number where it is ±1). */
  combination: Record<string, number>;
};

const signed = (c: number) => (c > PRIME / 2 ? c - PRIME : c);

/**
 * Audits published views. `rows`: each view as the unknowns it sums (an unknown may repeat); `known`:
 * municipalities whose contents the attacker knows (demo data, colluders). Returns every municipality of
 * the rest with a nonzero combination of its own unknowns in the span of the views and the known unknowns.
 */
export function auditViews(input: {
  unknowns: readonly TUnknown[];
  rows: Iterable<readonly number[]>;
  known: ReadonlySet<string>;
}): { leaks: TLeak[]; rank: number; views: number } {
  const space = new RowSpace(input.unknowns.length);
  let views = 0;
  for (const row of input.rows) {
    views += 1;
    const coefficients = new Map<number, number>();
    for (const i of row) coefficients.set(i, (coefficients.get(i) ?? 0) + 1);
    space.add(coefficients);
  }
  const byMunicipality = new Map<string, number[]>();
  input.unknowns.forEach((u, i) => {
    if (input.known.has(u.municipality)) space.add(new Map([[i, 1]]));
    else byMunicipality.set(u.municipality, [...(byMunicipality.get(u.municipality) ?? []), i]);
  });
  const leaks: TLeak[] = [];
  for (const [municipality, cols] of byMunicipality) {
    const dependency = findDependency(cols.map((c) => space.residualOfUnit(c)));
    if (!dependency) continue;
    // Scaled so that its first coefficient is 1.
    const norm = inverse(dependency.find((d) => d !== 0)!);
    const combination: Record<string, number> = {};
    cols.forEach((c, j) => {
      if (dependency[j] !== 0) combination[input.unknowns[c]!.content] = signed(mul(dependency[j]!, norm));
    });
    const coefficients = Object.values(combination);
    const kind =
      coefficients.length === 1
        ? "contribution"
        : coefficients.length === 2 && mod(coefficients[0]! + coefficients[1]!) === 0
          ? "difference"
          : "combination";
    leaks.push({ municipality, kind, combination });
  }
  return { leaks, rank: space.rank, views };
}
