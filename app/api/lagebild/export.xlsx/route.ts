import { getLagebild } from "@/lib/lagebild/get-lagebild";
import { lagebildFileName } from "@/lib/lagebild/build-lagebild";
import { lagebildTables } from "@/lib/lagebild/lagebild-tables";
import { renderLagebildXlsx } from "@/lib/lagebild/lagebild-xlsx";
import { searchParamsToObject } from "@/lib/peers/peer-query";
import { reference } from "@/lib/survey/reference";
import { errorResponse, withErrorHandling } from "@/lib/http/handle-route";

/** GET /api/lagebild/export.xlsx?state=…&sizeClass=…: one sheet per table. */
export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  const result = await getLagebild(query);
  if (!result.ok) return errorResponse(result.error);
  const l = result.value;
  const name = lagebildFileName(l);
  const body = await renderLagebildXlsx(lagebildTables(reference, l), new Date());
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}.xlsx"`,
      "cache-control": "no-store",
    },
  });
});
