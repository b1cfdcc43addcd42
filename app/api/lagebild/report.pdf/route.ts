import { getLagebild } from "@/lib/lagebild/get-lagebild";
import { lagebildFileName } from "@/lib/lagebild/build-lagebild";
import { renderLagebildReport } from "@/lib/report/render-lagebild";
import { searchParamsToObject } from "@/lib/peers/peer-query";
import { reference } from "@/lib/survey/reference";
import { errorResponse, withErrorHandling } from "@/lib/http/handle-route";

/** GET /api/lagebild/report.pdf?state=…&sizeClass=…: the Lagebild as a tagged PDF. */
export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  const result = await getLagebild(query);
  if (!result.ok) return errorResponse(result.error);
  const l = result.value;
  const name = lagebildFileName(l);
  const pdf = await renderLagebildReport(reference, l, new Date());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}.pdf"`,
      "cache-control": "no-store",
    },
  });
});
