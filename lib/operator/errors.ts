import { formatWait } from "../format/wait";

/** Every way an operator use case can fail, in domain words; describeOperatorError gives the German text. */
export type TOperatorError =
  /** No OPERATOR_PASSWORD_HASH: the operator area is switched off. */
  | { kind: "operator_disabled" }
  | { kind: "password_missing" }
  | { kind: "wrong_password" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "assessment_not_found" };

export function describeOperatorError(error: TOperatorError): string {
  switch (error.kind) {
    case "operator_disabled":
      return "Der Betriebsbereich ist nicht eingerichtet.";
    case "password_missing":
      return "Bitte geben Sie das Passwort ein.";
    case "wrong_password":
      return "Das Passwort ist nicht richtig. Bitte prüfen Sie es und versuchen Sie es erneut.";
    case "rate_limited":
      return `Zu viele Anmeldeversuche. Bitte warten Sie ${formatWait(error.retryAfterSeconds)} und versuchen Sie es dann erneut.`;
    case "assessment_not_found":
      return "Diese Selbsteinschätzung gibt es nicht mehr. Vielleicht wurde sie inzwischen gelöscht.";
  }
}
