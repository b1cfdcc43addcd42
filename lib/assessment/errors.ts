import type { TFieldIssue } from "../validation/zod-de";

/** Every way a use case on assessments can fail, in domain words (lib/http maps them to HTTP). */
export type TAssessmentError =
  | { kind: "invalid_input"; issues: TFieldIssue[] }
  /** The request's body could not be read as JSON; the HTTP layer knows and says why (size, type, syntax). */
  | { kind: "unreadable_request" }
  | { kind: "assessment_not_found" }
  | { kind: "stale_version"; currentVersion: number }
  | { kind: "assessment_submitted" }
  | { kind: "incomplete"; unanswered: string[] }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  /** A participation code that is not (or no longer) valid: unknown, replaced or revoked; one message for all. */
  | { kind: "code_invalid"; path: string }
  /** Not a code at all: wrong length or characters, or far too long. */
  | { kind: "code_malformed"; path: string }
  /** A valid code, but the request names another municipality (AGS). */
  | { kind: "code_other_municipality"; path: string }
  | { kind: "already_verified"; ags: string }
  /** A follow-up was asked for while the newest assessment of the chain is still a draft (editPath: where it is). */
  | { kind: "draft_open"; editPath: string };
