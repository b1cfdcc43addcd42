import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Keeps the rule "only the latest submitted assessment of a municipality counts": marks exactly that
 * one as peerCurrent for the given municipality and bumps the pool version (caches compare against it).
 * Call inside the transaction that changed a status.
 */
export async function refreshPeerPool(tx: Prisma.TransactionClient, municipalityKey: string): Promise<void> {
  const latest = await tx.assessment.findFirst({
    where: { municipalityKey, status: "submitted" },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  await tx.assessment.updateMany({
    where: { municipalityKey, peerCurrent: true, ...(latest ? { NOT: { id: latest.id } } : {}) },
    data: { peerCurrent: false },
  });
  if (latest) await tx.assessment.update({ where: { id: latest.id }, data: { peerCurrent: true } });
  await tx.peerPoolVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
  });
}
