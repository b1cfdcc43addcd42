import type { TFieldIssue } from "./validation/zod-de";

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
  /**
   * A valid code, but the request or the assessment names another unit of the register (another Gemeinde, or a
   * Gemeinde's code for its Amt and the other way round): codeUnit is the code's unit, givenUnit the one named.
   */
  | { kind: "code_other_municipality"; path: string; codeUnit: string; givenUnit: string }
  | { kind: "already_verified"; unitName: string }
  /** A register key (8 or 9 digits) that names no unit one can answer for; message says why in German. */
  | { kind: "unknown_unit"; path: string; message: string }
  /**
   * A participation code whose unit already has an assessment verified with a code: the respondent continues
   * that one (its link) instead of starting a second chain silently; confirmNewChain starts one on purpose.
   */
  | { kind: "unit_has_assessment"; unitName: string }
  /** A follow-up was asked for while the newest assessment of the chain is still a draft (editPath: where it is). */
  | { kind: "draft_open"; editPath: string }
  /** A colleague's link (docs/adr/0014-colleagues.md) used on a route of the lead: it may only answer its own set. */
  | { kind: "colleague_link" }
  /** A colleague's link that names no invitation, or an invitation id the assessment does not have. */
  | { kind: "invitation_not_found" }
  /** A 21st active invitation (or more than the total an assessment may ever have). */
  | { kind: "invitation_limit"; max: number; total: boolean }
  | { kind: "invitation_revoked" }
  | { kind: "invitation_expired" }
  /** The lead closed the round: colleagues read only, and no new invitation can be made. */
  | { kind: "round_closed"; who: "colleague" | "lead" };

/** Why participation codes could not be issued or revoked (npm run codes, /betrieb/teilnahme). */
export type TCodeError = { kind: "invalid_selection"; issues: TFieldIssue[] };
