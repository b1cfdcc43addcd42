import { getMembers, getRegister, searchMunicipalities } from "@/lib/municipalities/register";
import { ZMunicipalitySearchQuery, ZMunicipalitySearchResponse } from "@/lib/municipalities/search-query";
import { toRegisterItemResponse } from "@/lib/municipalities/register-item";
import { errorResponse, jsonOf, readQuery, withErrorHandling } from "@/lib/http/handle-route";
import { toFieldIssues } from "@/lib/validation/zod-de";

export const GET = withErrorHandling(async (request: Request) => {
  const parsed = ZMunicipalitySearchQuery.safeParse(readQuery(request));
  if (!parsed.success) return errorResponse({ kind: "invalid_query", issues: toFieldIssues(parsed.error) });
  const { q, state, limit = 10, members = false } = parsed.data;
  const register = getRegister();
  const items = searchMunicipalities({ q, state, limit }).map((hit) =>
    toRegisterItemResponse(hit, members ? getMembers(hit.key) : undefined),
  );
  return jsonOf(ZMunicipalitySearchResponse, { items, gebietsstand: register.gebietsstand, source: register.source });
});
