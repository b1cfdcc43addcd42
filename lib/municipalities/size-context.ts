import "server-only";
import { STATES, type TStateCode } from "../profile/states";
import type { TSizeClass } from "../profile/size-class";
import { countUnits, findItem, getMembers, getRegister } from "./register";
import type { TUnitDescription } from "./unit-text";
import type { TUnitKind } from "./units";

export type TSizeContext = {
  /** Units (administrations) of this size class in Germany, from the official register (ADR 0013). */
  national: number;
  /** … of them in the own federal state. */
  inState: number;
  gebietsstand: string;
  source: string;
};

/** How many units share the own size class, nationally and in the own state ("peers" made concrete). */
export function getSizeContext(state: TStateCode, sizeClass: TSizeClass): TSizeContext {
  const { gebietsstand, source } = getRegister();
  return {
    national: STATES.reduce((n, s) => n + countUnits(s.code, sizeClass), 0),
    inState: countUnits(state, sizeClass),
    gebietsstand,
    source,
  };
}

/** An assessment's unit as the pages and the PDF name it: its members and, for a member Gemeinde, its administration. */
export function describeUnit(m: {
  kind: TUnitKind;
  key: string | null;
  name: string;
  state: TStateCode;
  sizeClass: TSizeClass;
  population: number;
  memberCount: number;
}): TUnitDescription {
  const item = m.key ? findItem(m.key) : undefined;
  return {
    kind: m.kind,
    name: m.name,
    state: m.state,
    sizeClass: m.sizeClass,
    population: m.population,
    memberCount: m.memberCount,
    members: m.kind === "verwaltung" && m.key ? getMembers(m.key).map((g) => g.nameShort) : [],
    administeredBy: m.kind === "gemeinde" ? (item?.administration?.name ?? null) : null,
  };
}
