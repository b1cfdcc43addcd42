import type { Counter, Histogram, Registry } from "prom-client";

export function metrics(): {
  registry: Registry;
  requests: Counter<"route" | "status">;
  durations: Histogram<"route">;
  saves: Counter;
  releases: Counter;
  refusals: Counter<"limit">;
};
export function observeRequest(path: string, status: number, seconds: number): void;
export function routeOf(path: string): string;
