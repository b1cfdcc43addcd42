import type { TRegisterEntry, TRegisterItem } from "./search";
import type { TRegisterItemResponse } from "./search-query";

/** A register item as the API gives it (GET /api/municipalities); `members` lists the Verband's Gemeinden when given. */
export function toRegisterItemResponse(
  item: TRegisterItem,
  members?: readonly TRegisterEntry[],
): TRegisterItemResponse {
  return {
    key: item.key,
    kind: item.kind,
    ags: item.ags,
    name: item.name,
    nameShort: item.nameShort,
    kreis: item.kreis,
    state: item.state,
    population: item.population,
    populationDate: item.populationDate,
    sizeClass: item.sizeClass,
    type: item.typeLabel,
    seat: item.seat,
    members: {
      count: item.memberCount,
      ...(members && item.kind === "verwaltung"
        ? { items: members.map((m) => ({ ags: m.ags, name: m.name, population: m.population })) }
        : {}),
    },
    isUnit: item.isUnit,
    administration: item.administration
      ? {
          key: item.administration.key,
          name: item.administration.name,
          members: item.administration.memberCount,
          population: item.administration.population,
        }
      : null,
  };
}
