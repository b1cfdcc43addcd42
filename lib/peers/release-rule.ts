/**
 * The release rule of the peer figures (docs/adr/0005-peer-privacy.md), pure so that a property test can
 * drive it. Figures are published per cell (state × size class); a cell keeps its published figures until
 * at least k distinct municipalities of it have changed their contribution (submitted, re-submitted,
 * withdrawn, been excluded or lost their verification) since its last release. Then it is released again,
 * from all its current contributions, and its pending changes start from zero.
 */
export type TCellKey = `${string}|${string}`;

export const cellKey = (state: string, sizeClass: string): TCellKey => `${state}|${sizeClass}`;

/** True when the cell's pending changes (distinct municipalities) are enough for a new release. */
export function isReleaseDue(pendingMunicipalities: number, k: number): boolean {
  return pendingMunicipalities >= k;
}

/** A contribution: which submission of a municipality counts, and where. */
export type TContribution = { assessmentId: string; state: string; sizeClass: string; submittedAt: string };

export const sameContribution = (a: TContribution | null, b: TContribution | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.assessmentId === b.assessmentId &&
    a.state === b.state &&
    a.sizeClass === b.sizeClass &&
    a.submittedAt === b.submittedAt);

/**
 * The cells a change of contribution can concern: the one it leaves and the one it joins. (The stores also
 * look at every cell that last released the municipality or holds it as pending, since a change counts net
 * against each cell's last release.)
 */
export function cellsTouched(before: TContribution | null, after: TContribution | null): TCellKey[] {
  if (sameContribution(before, after)) return [];
  const cells = new Set<TCellKey>();
  if (before) cells.add(cellKey(before.state, before.sizeClass));
  if (after) cells.add(cellKey(after.state, after.sizeClass));
  return [...cells];
}

/**
 * The release rule as an in-memory model (what lib/assessment/refresh-peer-pool.ts does in the database),
 * for the property test: live contributions, each cell's released members, the net pending changes.
 */
export class ReleaseModel {
  readonly live = new Map<string, TContribution>();
  readonly released = new Map<TCellKey, Map<string, TContribution>>();
  readonly pending = new Map<TCellKey, Set<string>>();
  readonly sequence = new Map<TCellKey, number>();

  constructor(readonly k: number) {}

  /**
   * A municipality's contribution becomes `next` (null: it no longer counts). Returns the cells released.
   * With `release` false the change only becomes pending (a batch, as refreshWholePeerPool applies it);
   * releaseDue() then releases what is due.
   */
  change(key: string, next: TContribution | null, release = true): TCellKey[] {
    if (next) this.live.set(key, next);
    else this.live.delete(key);
    const cells = new Set<TCellKey>();
    for (const [cell, members] of this.released) if (members.has(key)) cells.add(cell);
    // A cell it entered and left again before a release: no longer a net change there.
    for (const [cell, set] of this.pending) if (set.has(key)) cells.add(cell);
    if (next) cells.add(cellKey(next.state, next.sizeClass));
    const releasedNow: TCellKey[] = [];
    for (const cell of cells) {
      const inCell = next && cellKey(next.state, next.sizeClass) === cell ? next : null;
      const counted = this.released.get(cell)?.get(key) ?? null;
      const set = this.pending.get(cell) ?? new Set<string>();
      this.pending.set(cell, set);
      if (sameContribution(inCell, counted)) set.delete(key);
      else {
        set.add(key);
        if (release && isReleaseDue(set.size, this.k)) {
          this.release(cell);
          releasedNow.push(cell);
        }
      }
    }
    return releasedNow;
  }

  /** Releases every cell with k pending municipalities; returns them. */
  releaseDue(): TCellKey[] {
    const due = [...this.pending].filter(([, set]) => isReleaseDue(set.size, this.k)).map(([cell]) => cell);
    for (const cell of due) this.release(cell);
    return due;
  }

  private release(cell: TCellKey) {
    const members = new Map<string, TContribution>();
    for (const [key, c] of this.live) if (cellKey(c.state, c.sizeClass) === cell) members.set(key, c);
    this.released.set(cell, members);
    this.pending.set(cell, new Set());
    this.sequence.set(cell, (this.sequence.get(cell) ?? 0) + 1);
  }

  /** The invariant: per cell, pending are exactly the municipalities whose live contribution there differs from the released one. */
  netChanges(): Map<TCellKey, Set<string>> {
    const out = new Map<TCellKey, Set<string>>();
    const add = (cell: TCellKey, key: string) => out.set(cell, (out.get(cell) ?? new Set()).add(key));
    for (const [cell, members] of this.released)
      for (const [key, c] of members) {
        const live = this.live.get(key) ?? null;
        if (!sameContribution(live && cellKey(live.state, live.sizeClass) === cell ? live : null, c)) add(cell, key);
      }
    for (const [key, c] of this.live) {
      const cell = cellKey(c.state, c.sizeClass);
      if (!this.released.get(cell)?.has(key)) add(cell, key);
    }
    return out;
  }

  /** What a reader sees: per cell its released members (cells below k count nowhere). */
  read(): Map<TCellKey, Map<string, TContribution>> {
    const out = new Map<TCellKey, Map<string, TContribution>>();
    for (const [cell, members] of this.released) if (members.size >= this.k) out.set(cell, new Map(members));
    return out;
  }
}
