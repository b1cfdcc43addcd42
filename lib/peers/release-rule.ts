/**
 * The release rule of the peer figures (docs/adr/0005-peer-privacy.md), pure so that property tests and the
 * auditor can drive it. Figures are published per cell (state × size class). A municipality is pending in a
 * cell while what it contributes there (its content, or nothing) differs from what the cell's last release
 * counted. A cell is released again, from all its current contributions, only when at least k of its
 * pending municipalities bring a **new content**: one that no release ever counted for that municipality.
 * Withdrawals, exclusions, approvals, revocations and returns to an earlier content never make a release
 * due; they take effect with the next one that k new contents make. (Demo data is public, so a change of
 * demo data alone is released at once: it tells nobody anything.)
 */
export type TCellKey = `${string}|${string}`;

export const cellKey = (state: string, sizeClass: string): TCellKey => `${state}|${sizeClass}`;

/**
 * A contribution: where a municipality counts and what it adds there (`content`: lib/peers/content.ts).
 * `isDemo`: demo data, whose contents everyone can know (npm run seed:demo is deterministic).
 */
export type TContribution = { state: string; sizeClass: string; content: string; isDemo: boolean };

/**
 * The content of a released contribution recorded before contents were (an upgraded database whose
 * submission no longer exists): equal to nothing, and while it stands the municipality brings nothing new.
 */
export const UNKNOWN_CONTENT = "";

export const sameContribution = (a: TContribution | null, b: TContribution | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.state === b.state &&
    a.sizeClass === b.sizeClass &&
    a.content === b.content &&
    a.content !== UNKNOWN_CONTENT);

/** A pending municipality of a cell: whether it brings a new content, and whether it is demo data. */
export type TPending = { fresh: boolean; isDemo: boolean };

/**
 * Whether a cell's pending municipalities make a release due: at least k of them bring a new content; or
 * all of them are demo data (a change of public data only).
 */
export function isReleaseDue(pending: readonly TPending[], k: number): boolean {
  if (pending.length === 0) return false;
  return pending.filter((p) => p.fresh).length >= k || pending.every((p) => p.isDemo);
}

/**
 * Whether a municipality's contribution brings a new content: no demo data, its content never counted by a
 * release (`wasReleased`), and no release of it whose content is unknown (`hasUnknown`).
 */
export const isNewContent = (c: TContribution, wasReleased: boolean, hasUnknown: boolean): boolean =>
  !c.isDemo && !hasUnknown && !wasReleased;

/**
 * The release rule as an in-memory model (what lib/peer-pool/refresh-peer-pool.ts does in the database), for
 * the property tests and the auditor: live contributions, each cell's released members, the pending
 * municipalities and every content a release counted per municipality. `isDue` is the rule; tests pass
 * another to show what the auditor finds under it.
 */
export class ReleaseModel {
  readonly live = new Map<string, TContribution>();
  readonly released = new Map<TCellKey, Map<string, TContribution>>();
  readonly pending = new Map<TCellKey, Map<string, TPending>>();
  /** Municipality → contents any release counted for it. */
  readonly history = new Map<string, Set<string>>();
  readonly sequence = new Map<TCellKey, number>();
  /** Every release in order: the cell and its members then (what the auditor models). */
  readonly log: { cell: TCellKey; members: Map<string, TContribution> }[] = [];

  constructor(
    readonly k: number,
    readonly isDue: (pending: readonly TPending[], k: number) => boolean = isReleaseDue,
  ) {}

  /** What content a municipality's contribution brings, judged now. */
  isFresh(key: string, c: TContribution): boolean {
    let hasUnknown = false;
    for (const members of this.released.values()) if (members.get(key)?.content === UNKNOWN_CONTENT) hasUnknown = true;
    return isNewContent(c, this.history.get(key)?.has(c.content) ?? false, hasUnknown);
  }

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
    for (const [cell, entries] of this.pending) if (entries.has(key)) cells.add(cell);
    if (next) cells.add(cellKey(next.state, next.sizeClass));
    const releasedNow: TCellKey[] = [];
    for (const cell of cells) {
      const inCell = next && cellKey(next.state, next.sizeClass) === cell ? next : null;
      const counted = this.released.get(cell)?.get(key) ?? null;
      const entries = this.pending.get(cell) ?? new Map<string, TPending>();
      this.pending.set(cell, entries);
      if (sameContribution(inCell, counted)) entries.delete(key);
      else {
        entries.set(key, {
          fresh: inCell !== null && this.isFresh(key, inCell),
          isDemo: (inCell ?? counted)!.isDemo,
        });
        if (release && this.isDue([...entries.values()], this.k)) {
          this.release(cell);
          releasedNow.push(cell);
        }
      }
    }
    return releasedNow;
  }

  /** Releases every cell that is due; returns them. */
  releaseDue(): TCellKey[] {
    const due = [...this.pending].filter(([, entries]) => this.isDue([...entries.values()], this.k)).map(([c]) => c);
    for (const cell of due) this.release(cell);
    return due;
  }

  private release(cell: TCellKey) {
    const members = new Map<string, TContribution>();
    for (const [key, c] of this.live)
      if (cellKey(c.state, c.sizeClass) === cell) {
        members.set(key, c);
        this.history.set(key, (this.history.get(key) ?? new Set()).add(c.content));
      }
    this.released.set(cell, members);
    this.pending.set(cell, new Map());
    this.sequence.set(cell, (this.sequence.get(cell) ?? 0) + 1);
    this.log.push({ cell, members: new Map(members) });
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
