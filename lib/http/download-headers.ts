/**
 * The headers of a file download, for every route that answers with a file (PDF, CSV, XLSX, ZIP, JSON):
 * its type, `Content-Disposition: attachment` with the file's name, and no caching.
 */
export function downloadHeaders(
  fileName: string,
  contentType: string,
  options: { length?: number } = {},
): Record<string, string> {
  return {
    "content-type": contentType,
    "content-disposition": contentDisposition(fileName),
    ...(options.length === undefined ? {} : { "content-length": String(options.length) }),
    "cache-control": "no-store",
  };
}

/**
 * `attachment` with the name twice (RFC 6266): `filename` an ASCII fallback for old clients (umlauts written out,
 * "Großenhain" → "Grossenhain", anything else outside printable ASCII dropped, and no quote or backslash), and
 * `filename*` the exact name in UTF-8, percent-encoded (RFC 5987: only its attr-chars stay as they are).
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

const SPELLED_OUT: Record<string, string> = { ß: "ss", ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };

function asciiFallback(fileName: string): string {
  return (
    fileName
      .replace(/[ßäöüÄÖÜ]/g, (c) => SPELLED_OUT[c]!)
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "")
      .trim() || "download"
  );
}

/** encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value.toWellFormed()).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
