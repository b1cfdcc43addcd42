import { getLagebild, lagebildFile } from "@/lib/lagebild/get-lagebild";
import { lagebildFileName, type TLagebild } from "@/lib/lagebild/build-lagebild";
import { searchParamsToObject } from "@/lib/validation/query";
import { errorResponse, withErrorHandling } from "@/lib/http/handle-route";
import { downloadHeaders } from "@/lib/http/download-headers";

/**
 * The handler of a Lagebild download (GET /api/lagebild/report.pdf, export.xlsx, export.csv with ?state=…&
 * sizeClass=…): the filter validated as for the page, the file rendered once per Lagebild, format and day.
 */
export function lagebildDownload(
  ext: "pdf" | "xlsx" | "csv",
  contentType: string,
  render: (l: TLagebild, now: Date) => Promise<Uint8Array | string> | Uint8Array | string,
) {
  return withErrorHandling(async (request: Request) => {
    const result = await getLagebild(searchParamsToObject(new URL(request.url).searchParams));
    if (!result.ok) return errorResponse(result.error);
    const l = result.value;
    const now = new Date();
    const body = await lagebildFile(l, ext, now, () => render(l, now));
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: downloadHeaders(`${lagebildFileName(l)}.${ext}`, contentType),
    });
  });
}
