/** URL paths of an assessment; the token is the secret of the edit link. */
export const editPath = (token: string) => `/a/${token}`;
export const stepPath = (token: string, step: number) => `/a/${token}/schritt/${step}`;
export const reviewPath = (token: string) => `/a/${token}/pruefen`;
export const resultsPath = (token: string) => `/a/${token}/ergebnis`;
/** The full edit link as the user reached us (origin from lib/http/origin.ts). */
export const editUrl = (origin: string, token: string) => new URL(editPath(token), origin).toString();
