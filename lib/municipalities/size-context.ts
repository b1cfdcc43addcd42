import "server-only";
import { STATES, type TStateCode } from "../profile/states";
import type { TSizeClass } from "../profile/size-class";
import { countByStateAndSizeClass, getRegister } from "./register";

export type TSizeContext = {
  /** Municipalities of this size class in Germany, from the official register. */
  national: number;
  /** … of them in the own federal state. */
  inState: number;
  gebietsstand: string;
  source: string;
};

/** How many municipalities share the own size class, nationally and in the own state (issue: "peers" made concrete). */
export function getSizeContext(state: TStateCode, sizeClass: TSizeClass): TSizeContext {
  const { gebietsstand, source } = getRegister();
  return {
    national: STATES.reduce((n, s) => n + countByStateAndSizeClass(s.code, sizeClass), 0),
    inState: countByStateAndSizeClass(state, sizeClass),
    gebietsstand,
    source,
  };
}
