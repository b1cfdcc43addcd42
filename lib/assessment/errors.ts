import type { TFieldIssue } from "../validation/zod-de";

/** Every way a use case on assessments can fail, in domain words (lib/http maps them to HTTP). */
export type TAssessmentError =
  | { kind: "invalid_input"; issues: TFieldIssue[] }
  | { kind: "assessment_not_found" }
  | { kind: "stale_version"; currentVersion: number }
  | { kind: "assessment_submitted" }
  | { kind: "incomplete"; unanswered: string[] }
  | { kind: "rate_limited"; retryAfterSeconds: number };
