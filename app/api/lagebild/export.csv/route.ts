import { getLagebild } from "@/lib/lagebild/get-lagebild";
import { lagebildFileName } from "@/lib/lagebild/build-lagebild";
import { lagebildTables, renderLagebildCsv } from "@/lib/lagebild/lagebild-tables";
import { searchParamsToObject } from "@/lib/peers/peer-query";
import { reference } from "@/lib/survey/reference";
import { respond, withErrorHandling } from "@/lib/http/handle-route";

/** GET /api/lagebild/export.csv?state=…&sizeClass=…: the Lagebild for German Excel. */
export const GET = withErrorHandling(async (request: Request) => {
  const query = searchParamsToObject(new URL(request.url).searchParams);
  return respond(await getLagebild(query), (l) => {
    const name = lagebildFileName(l);
    return new Response(renderLagebildCsv(lagebildTables(reference, l)), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
});
