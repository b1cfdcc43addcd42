import { z } from "zod";
import { describeError, issuesOf, statusOf, type TAppError } from "../errors";
import type { TFieldIssue } from "../validation/zod-de";

export type TErrorBody = { error: string; issues?: TFieldIssue[]; [key: string]: unknown };

/**
 * Every error answer of the API (docs/api.md): a German message, the fields at fault where
 * there are any, and the extras some errors carry (the current version of a 409, the wait of a 429,
 * the unanswered questions of an incomplete submit).
 */
export const ZErrorBody = z.strictObject({
  error: z.string().min(1),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string().min(1) })).optional(),
  currentVersion: z.number().int().min(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  unanswered: z.array(z.string()).min(1).optional(),
  /** Where the open draft is (409 of a follow-up). */
  editPath: z.string().startsWith("/a/").optional(),
});

/**
 * Every error as an answer of the API: the status of statusOf, the German sentence of describeError, the fields
 * at fault (issuesOf) and the extras some errors carry. Unexpected errors never reach this function: route
 * handlers catch them and answer with a generic 500 message without details (see handle-route.ts).
 */
export function toErrorResponse(error: TAppError): { status: number; body: TErrorBody } {
  const body: TErrorBody = { error: describeError(error) };
  if (error.kind === "incomplete") body.unanswered = error.unanswered;
  const issues = issuesOf(error);
  if (issues) body.issues = issues;
  if (error.kind === "stale_version") body.currentVersion = error.currentVersion;
  if (error.kind === "rate_limited") body.retryAfterSeconds = error.retryAfterSeconds;
  if (error.kind === "draft_open") body.editPath = error.editPath;
  return { status: statusOf(error), body };
}
