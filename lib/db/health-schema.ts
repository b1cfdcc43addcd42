import { z } from "zod";

/** Response of GET /api/health: 200 when the database is reachable and migrated, else 503 (lib/db/check-health.ts). */
export const ZHealthResponse = z.discriminatedUnion("status", [
  z.strictObject({
    status: z.literal("ok"),
    database: z.enum(["sqlite", "postgresql"]),
    migrations: z.number().int().min(1),
  }),
  z.strictObject({ status: z.literal("error"), database: z.enum(["sqlite", "postgresql"]), error: z.string().min(1) }),
]);
