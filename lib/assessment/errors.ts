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
  | { kind: "rate_limited"; retryAfterSeconds: number };
