/**
 * URL paths of the JSON API and its downloads, for the pages that link to them (the routes themselves
 * live in app/api/). Beside ./paths.ts, the pages' own paths.
 */
export const assessmentExportPath = (token: string) => `/api/assessments/${token}/export`;
export const reportPdfPath = (token: string, options: { easyLanguage?: boolean } = {}) =>
  `/api/assessments/${token}/report.pdf${options.easyLanguage ? "?leichteSprache=ja" : ""}`;

/** The peer comparison as JSON or CSV, with the filter's query string ("" or "?state=…&sizeClass=…"). */
export const peersJsonPath = (query: string) => `/api/peers${query}`;
export const peersCsvPath = (query: string) => `/api/peers/csv${query}`;

export const municipalitySearchPath = (q: string, limit: number) =>
  `/api/municipalities?q=${encodeURIComponent(q)}&limit=${limit}`;
