import "server-only";
import { db } from "../db/client";
import { findItem, getGemeindeItems, getUnits, type TRegisterItem } from "../municipalities/register";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import type { TCodeError } from "../errors";
import { BATCH } from "./batch";
import { selectUnits, ZCodeSelection } from "./selection";

const selectable = { units: getUnits, gemeinden: getGemeindeItems };

/** The selected units and which of them hold a valid (active) code, without issuing anything (the confirmation step). */
export async function previewCodes(
  input: unknown,
): Promise<TResult<{ units: TRegisterItem[]; holding: Set<string> }, TCodeError>> {
  const parsed = ZCodeSelection.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_selection", issues: toFieldIssues(parsed.error) });
  const selected = selectUnits(
    { units: selectable.units(), gemeinden: selectable.gemeinden(), find: findItem },
    parsed.data,
  );
  if (!selected.ok) return err({ kind: "invalid_selection", issues: [{ path: "", message: selected.error }] });
  return ok({ units: selected.value, holding: await unitsWithActiveCode(selected.value.map((u) => u.key)) });
}

async function unitsWithActiveCode(keys: string[]): Promise<Set<string>> {
  const holding = new Set<string>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const rows = await db.participationCode.findMany({
      where: { unitKey: { in: keys.slice(i, i + BATCH) }, status: "active" },
      select: { unitKey: true },
    });
    for (const r of rows) holding.add(r.unitKey);
  }
  return holding;
}
