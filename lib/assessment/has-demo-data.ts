import "server-only";
import { db } from "../db/client";

/** Whether synthetic demo municipalities are in the database (the UI then shows a banner). */
export async function hasDemoData(): Promise<boolean> {
  return (await db.assessment.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
}
