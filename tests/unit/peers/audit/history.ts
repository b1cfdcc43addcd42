import fc from "fast-check";
import { cellKey, ReleaseModel, type TContribution, type TPending } from "../../../../lib/peers/release-rule";
import type { TReleasedCell } from "./published-views";

/*
 * Random histories of what municipalities and the operator do, played through the release rule. A
 * municipality keeps a chain of yearly assessments as the product does (docs/adr/0010): submissions with one
 * of a few contents (so that unchanged re-submissions and returns to an earlier content are frequent),
 * follow-ups taken over unchanged, drafts, reopenings, deletions of a year or of all, moves to another cell
 * (a follow-up with another population); the operator excludes and includes, approves and withdraws approval,
 * revokes and re-issues codes. Each step is refreshed at once or left for a bulk refresh (flush), as the
 * requests and seed:demo do.
 */

export const AUDIT_CELLS = [
  ["DE-SN", "lt_5000"],
  ["DE-SN", "5000_19999"],
  ["DE-TH", "lt_5000"],
  ["DE-TH", "5000_19999"],
] as const;

export type TAuditOp =
  | { kind: "submit"; m: number; content: number; cell: number; now: boolean }
  | { kind: "move"; m: number; cell: number; now: boolean }
  | {
      kind:
        | "followUp"
        | "draft"
        | "reopen"
        | "delete"
        | "deleteAll"
        | "exclude"
        | "approve"
        | "withdrawApproval"
        | "revoke";
      m: number;
      now: boolean;
    }
  /** The operator approves every submission that waits for approval, one after the other. */
  | { kind: "approveAll"; now: boolean }
  | { kind: "flush" };

export type THistory = {
  municipalities: number;
  /** Municipality m starts in cell m % homeCells. */
  homeCells?: number;
  /** The first `demo` municipalities are demo data (public contents). */
  demo: number;
  requireApproval: boolean;
  ops: TAuditOp[];
};

/** One year of a chain, as the assessment row holds it. */
export type TYear = {
  /** Unique within a history: the assessment's id where a test mirrors the chains in a database. */
  id: string;
  /** When it was last submitted (a step counter): the newest submission counts. */
  at: number;
  content: number;
  cell: number;
  submitted: boolean;
  superseded: boolean;
  excluded: boolean;
  approved: boolean;
  /** The content it was last submitted with (kept over a reopen, as Assessment.contentHash is). */
  submittedContent: number | null;
};

/** A municipality's chain of years (oldest first) and its code. */
export type TChain = { years: TYear[]; revoked: boolean; isDemo: boolean };

export const municipalityKeyOf = (m: number) => `m${m}`;

/**
 * The arbitrary of histories: `municipalities` municipalities, `maxOps / 2` to `maxOps` steps, `contents`
 * possible contents per municipality. Weighted so that cells keep enough members to be released now and
 * then, and each kind of step happens in most histories.
 */
export function historyArb(opts: {
  municipalities: number;
  maxOps: number;
  contents?: number;
  /** "busy": three times as many submissions, for histories with many releases. */
  profile?: "mixed" | "busy";
  /** Fixed PEERS_REQUIRE_APPROVAL (a database test cannot change it per history); random otherwise. */
  requireApproval?: boolean;
  /** Share of steps refreshed at once (the rest waits for a flush); default one half. */
  nowShare?: number;
  /** In how many cells municipalities start (default 2): fewer make fuller cells. */
  homeCells?: number;
}): fc.Arbitrary<THistory> {
  const m = fc.nat(opts.municipalities - 1);
  const now = fc.integer({ min: 0, max: 99 }).map((x) => x < (opts.nowShare ?? 0.5) * 100);
  const cell = fc.nat(AUDIT_CELLS.length - 1);
  const step = (kind: Exclude<TAuditOp["kind"], "submit" | "move" | "flush" | "approveAll">, weight: number) => ({
    weight,
    arbitrary: fc.record({ kind: fc.constant(kind), m, now }),
  });
  const submissions = opts.profile === "busy" ? 42 : 14;
  const ops = (requireApproval: boolean): fc.Arbitrary<TAuditOp> =>
    fc.oneof(
      {
        weight: submissions,
        arbitrary: fc.record({
          kind: fc.constant("submit" as const),
          m,
          content: fc.nat((opts.contents ?? 3) - 1),
          // Mostly the municipality's home cell, sometimes elsewhere.
          cell: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: cell }),
          now,
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), m, cell, now }) },
      step("followUp", 3),
      step("draft", 2),
      step("reopen", 2),
      step("delete", 2),
      step("deleteAll", 1),
      step("exclude", 3),
      // Where approval is required, the operator approves about as often as municipalities submit.
      step("approve", requireApproval ? submissions : 1),
      step("withdrawApproval", 1),
      { weight: requireApproval ? 6 : 0, arbitrary: fc.record({ kind: fc.constant("approveAll" as const), now }) },
      step("revoke", 1),
      { weight: 2, arbitrary: fc.constant({ kind: "flush" as const }) },
    );
  const approval = opts.requireApproval === undefined ? fc.boolean() : fc.constant(opts.requireApproval);
  return approval.chain((requireApproval) =>
    fc.record({
      municipalities: fc.constant(opts.municipalities),
      homeCells: fc.constant(opts.homeCells ?? 2),
      demo: fc.nat(2),
      requireApproval: fc.constant(requireApproval),
      ops: fc.array(ops(requireApproval), { minLength: Math.ceil(opts.maxOps / 2), maxLength: opts.maxOps }),
    }),
  );
}

/** The product's rules for what a chain contributes (lib/peer-pool/refresh-peer-pool.ts). */
export class ChainMirror {
  readonly chains: TChain[];
  private clock = 0;
  constructor(readonly history: Pick<THistory, "municipalities" | "demo" | "requireApproval" | "homeCells">) {
    this.chains = Array.from({ length: history.municipalities }, (_, i) => ({
      years: [],
      revoked: false,
      isDemo: i < history.demo,
    }));
  }

  /** The latest submitted year that may count (not superseded by a later submitted year). */
  latest(m: number): TYear | undefined {
    return this.chains[m]!.years.filter((y) => y.submitted && !y.superseded).at(-1);
  }

  contribution(m: number, contentName: (m: number, content: number) => string): TContribution | null {
    const chain = this.chains[m]!;
    const y = this.latest(m);
    if (!y || y.excluded) return null;
    if (this.history.requireApproval && !y.approved) return null;
    if (chain.revoked && !chain.isDemo) return null;
    const [state, sizeClass] = AUDIT_CELLS[y.cell]!;
    return { state, sizeClass, content: contentName(m, y.content), isDemo: chain.isDemo };
  }

  /** Applies one step to the chains (not to any release state); returns the municipalities it changed. */
  apply(op: Exclude<TAuditOp, { kind: "flush" }>): number[] {
    if (op.kind === "approveAll")
      return this.chains.flatMap((_, m) => {
        const y = this.latest(m);
        if (!y || y.approved) return [];
        y.approved = true;
        return [m];
      });
    return this.applyOne(op) ? [op.m] : [];
  }

  private applyOne(op: Exclude<TAuditOp, { kind: "flush" | "approveAll" }>): boolean {
    const chain = this.chains[op.m]!;
    const head = chain.years.at(-1);
    // Municipalities live in the first cells (one state), so that cells reach k often; moves and a few
    // submissions go anywhere.
    const homeCell = chain.years[0]?.cell ?? op.m % (this.history.homeCells ?? 2);
    const submitYear = (y: TYear, previous: TYear | undefined) => {
      // An unchanged content keeps its approval (submitAssessment); anything else needs a new one.
      const source = y.submittedContent !== null ? y : previous;
      y.approved = source !== undefined && source.submittedContent === y.content && source.approved;
      y.submitted = true;
      y.submittedContent = y.content;
      y.at = ++this.clock;
      for (const other of chain.years) if (other !== y) other.superseded = true;
    };
    const newYear = (content: number, cell: number, submitted: boolean) => {
      const y: TYear = {
        id: `y${String(++this.clock).padStart(5, "0")}`,
        at: 0,
        content,
        cell,
        submitted: false,
        superseded: false,
        excluded: false,
        approved: false,
        submittedContent: null,
      };
      const previous = chain.years.at(-1);
      chain.years.push(y);
      if (submitted) submitYear(y, previous);
    };
    switch (op.kind) {
      case "submit": {
        const cell = op.cell === -1 ? homeCell : op.cell;
        if (head && !head.submitted) {
          head.content = op.content;
          head.cell = cell;
          submitYear(head, chain.years.at(-2));
        } else newYear(op.content, cell, true);
        return true;
      }
      case "move":
      case "followUp":
      case "draft":
        if (!head?.submitted) return false;
        newYear(head.content, op.kind === "move" ? op.cell : head.cell, op.kind !== "draft");
        return true;
      case "reopen":
        if (!head?.submitted) return false;
        head.submitted = false;
        return true;
      case "delete":
        if (!head) return false;
        chain.years.pop();
        if (chain.years.at(-1)) chain.years.at(-1)!.superseded = false;
        return true;
      case "deleteAll":
        chain.years = [];
        return true;
      case "exclude":
      case "approve":
      case "withdrawApproval": {
        const y = this.latest(op.m) ?? head;
        if (!y) return false;
        if (op.kind === "exclude") y.excluded = !y.excluded;
        else y.approved = op.kind === "approve";
        return true;
      }
      case "revoke":
        chain.revoked = !chain.revoked;
        return true;
    }
  }
}

/**
 * Plays a history through the release model: each step's contribution change either at once or at the next
 * flush. Returns the model and what readers saw after every step that released something.
 */
export function playHistory(
  h: THistory,
  k: number,
  isDue?: (pending: readonly TPending[], k: number) => boolean,
  onStep?: (model: ReleaseModel) => void,
): { model: ReleaseModel; moments: TReleasedCell[][] } {
  const model = new ReleaseModel(k, isDue);
  const mirror = new ChainMirror(h);
  const name = (_m: number, content: number) => `c${content}`;
  const moments: TReleasedCell[][] = [];
  for (const op of h.ops) {
    const before = model.log.length;
    if (op.kind === "flush") {
      for (let m = 0; m < h.municipalities; m += 1)
        model.change(municipalityKeyOf(m), mirror.contribution(m, name), false);
      model.releaseDue();
    } else if (op.now)
      for (const m of mirror.apply(op)) model.change(municipalityKeyOf(m), mirror.contribution(m, name));
    else mirror.apply(op);
    if (model.log.length > before) moments.push(readerView(model));
    onStep?.(model);
  }
  return { model, moments };
}

/** What readers see of a model: its released cells with members and contents. */
export function readerView(model: ReleaseModel): TReleasedCell[] {
  return [...model.released].map(([cell, members]) => {
    const [state, sizeClass] = cell.split("|") as [string, string];
    return { state, sizeClass, members: new Map([...members].map(([m, c]) => [m, c.content])) };
  });
}

export const demoKeys = (h: Pick<THistory, "demo">) =>
  new Set(Array.from({ length: h.demo }, (_, m) => municipalityKeyOf(m)));

export { cellKey };
