import { getPeerView } from "@/lib/peer-pool/get-peer-view";
import { renderPeerCsv } from "@/lib/peers/peer-csv";
import { reference } from "@/lib/survey/reference";
import { getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { readQuery, respond, withErrorHandling } from "@/lib/http/handle-route";
import { downloadHeaders } from "@/lib/http/download-headers";

/** The peer aggregates of a filter as CSV for German Excel (semicolons, UTF-8 with BOM). */
export const GET = withErrorHandling(async (request: Request) => {
  const query = readQuery(request);
  return respond(await getPeerView(query), (view) => {
    const state = view.filters.state ? getStateName(view.filters.state) : "alle";
    const sizeClass = view.filters.sizeClass ? getSizeClass(view.filters.sizeClass).label : "alle";
    const name = ["Digitalcheck-Vergleich", view.filters.state ?? "DE", view.filters.sizeClass ?? "alle"].join("-");
    return new Response(renderPeerCsv(reference, view, { state, sizeClass }), {
      headers: downloadHeaders(`${name}.csv`, "text/csv; charset=utf-8"),
    });
  });
});
