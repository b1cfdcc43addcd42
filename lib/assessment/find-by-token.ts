import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { hashToken, isWellFormedToken } from "../security/token";

type TFindArgs = Omit<Prisma.AssessmentFindUniqueArgs, "where">;

/**
 * The assessment behind an edit link, with what `args` selects or includes; null for a malformed or unknown
 * token. The one place that turns an edit token into its row: only the token's hash is stored.
 */
export function findByToken<A extends TFindArgs>(
  token: string,
  args: Prisma.SelectSubset<A, TFindArgs>,
): Promise<Prisma.AssessmentGetPayload<A> | null> {
  if (!isWellFormedToken(token)) return Promise.resolve(null);
  return db.assessment.findUnique({
    ...(args as TFindArgs),
    where: { tokenHash: hashToken(token) },
  }) as Promise<Prisma.AssessmentGetPayload<A> | null>;
}
