import "server-only";
import { db } from "../db/client";
import { loadPeerCells } from "../peer-pool/peer-cells";
import type { TPeerCell } from "../peers/aggregate";

/** The released cells without demo data, and whether the instance holds demo data at all. */
export type TLagebildCells = { cells: TPeerCell[]; demoData: boolean };

// Per release: the peer cells' array stays the same object while the pool's version is unchanged.
const memo = new WeakMap<readonly TPeerCell[], Promise<TLagebildCells>>();

/**
 * The cells of the Lagebild (docs/adr/0011): the current release of every cell minus its demo members
 * (npm run seed:demo), which count in the peer view but never in the Lagebild. A demo member's part is read
 * from its assessment, which demo data never changes; where it cannot be read exactly (the assessment is gone
 * or holds another content than the one released), the cell counts nowhere in the Lagebild until its next
 * release. A cell keeps only its real participants; below k it is then not published, as any other cell.
 */
export async function loadLagebildCells(): Promise<TLagebildCells> {
  const cells = await loadPeerCells();
  let built = memo.get(cells);
  if (!built) {
    built = withoutDemo(cells);
    memo.set(cells, built);
    built.catch(() => memo.delete(cells));
  }
  return built;
}

type TPart = { count: number; optionCounts: Record<string, Record<string, number>>; indexScores: number[] };

async function withoutDemo(cells: readonly TPeerCell[]): Promise<TLagebildCells> {
  const members = await db.peerReleasedMember.findMany({
    where: { isDemo: true },
    select: { state: true, sizeClass: true, assessmentId: true, contentHash: true },
  });
  const demoData =
    members.length > 0 || (await db.assessment.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
  if (members.length === 0) return { cells: [...cells], demoData };

  const parts = new Map<string, TPart>();
  const unknown = new Set<string>();
  for (let i = 0; i < members.length; i += 500) {
    const batch = members.slice(i, i + 500);
    const rows = await db.assessment.findMany({
      where: { id: { in: batch.map((m) => m.assessmentId) } },
      select: {
        id: true,
        isDemo: true,
        contentHash: true,
        indexScore: true,
        answers: { select: { questionId: true, optionId: true } },
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const m of batch) {
      const key = `${m.state}|${m.sizeClass}`;
      const a = byId.get(m.assessmentId);
      if (!a || !a.isDemo || a.contentHash === null || a.contentHash !== m.contentHash) {
        unknown.add(key);
        continue;
      }
      const part = parts.get(key) ?? { count: 0, optionCounts: {}, indexScores: [] };
      part.count += 1;
      for (const w of a.answers) {
        const q = (part.optionCounts[w.questionId] ??= {});
        q[w.optionId] = (q[w.optionId] ?? 0) + 1;
      }
      if (a.indexScore !== null) part.indexScores.push(Number(a.indexScore));
      parts.set(key, part);
    }
  }

  const out: TPeerCell[] = [];
  for (const c of cells) {
    const key = `${c.state}|${c.sizeClass}`;
    const part = parts.get(key);
    if (!part) {
      if (!unknown.has(key)) out.push(c);
      continue;
    }
    if (unknown.has(key)) continue;
    const real = subtract(c, part);
    if (real && real.count > 0) out.push(real);
  }
  return { cells: out, demoData };
}

/** The cell without the demo part; null where the part is not contained in it (then it counts nowhere). */
function subtract(c: TPeerCell, part: TPart): TPeerCell | null {
  const count = c.count - part.count;
  if (count < 0) return null;
  const optionCounts: TPeerCell["optionCounts"] = {};
  for (const [qid, options] of Object.entries(c.optionCounts)) {
    const q: Record<string, number> = {};
    for (const [oid, n] of Object.entries(options)) {
      const left = n - (part.optionCounts[qid]?.[oid] ?? 0);
      if (left < 0) return null;
      if (left > 0) q[oid] = left;
    }
    optionCounts[qid] = q;
  }
  for (const [qid, options] of Object.entries(part.optionCounts))
    for (const oid of Object.keys(options)) if (!(c.optionCounts[qid]?.[oid] ?? 0)) return null;
  const scores = [...c.indexScores];
  for (const x of part.indexScores) {
    const i = scores.indexOf(x);
    if (i < 0) return null;
    scores.splice(i, 1);
  }
  return { ...c, count, optionCounts, indexScores: scores };
}
