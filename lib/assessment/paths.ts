/** URL paths of an assessment; the token is the secret of the edit link. */
export const editPath = (token: string) => `/a/${token}`;
export const stepPath = (token: string, step: number) => `/a/${token}/schritt/${step}`;
export const reviewPath = (token: string) => `/a/${token}/pruefen`;
export const resultsPath = (token: string) => `/a/${token}/ergebnis`;
/** An earlier year of the chain, read only (ADR 0010: read through the newest's link). */
export const earlierYearPath = (token: string, assessmentId: string) => `/a/${token}/jahr/${assessmentId}`;
/** The anchor of a question on its step (the fieldset's id): a link to an open question lands on it. */
export const questionAnchor = (questionId: string) => `frage-${questionId}`;
export const questionPath = (token: string, step: number, questionId: string) =>
  `${stepPath(token, step)}#${questionAnchor(questionId)}`;
/** The full edit link as the user reached us (origin from lib/http/origin.ts). */
export const editUrl = (origin: string, token: string) => new URL(editPath(token), origin).toString();

/** A colleague's own questionnaire (docs/adr/0014-colleagues.md); the token is the secret of their link. */
export const colleaguePath = (token: string) => `/k/${token}`;
export const colleagueStepPath = (token: string, step: number) => `/k/${token}/schritt/${step}`;
export const colleagueUrl = (origin: string, token: string) => new URL(colleaguePath(token), origin).toString();
/** The lead's comparison of the colleagues' answers. */
export const comparisonPath = (token: string) => `/a/${token}/kollegium`;
