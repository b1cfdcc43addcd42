import { describe, expect, test } from "vitest";
import { routeOf } from "@/lib/metrics/registry.cjs";

describe("the route label of a request's path", () => {
  test("an earlier year's page names neither the token nor the year's id", () => {
    const token = "2pxXV6tKS9Z2mZXMhr_A44m2uqNSBGk1EiiuuepeUk0";
    expect(routeOf(`/a/${token}/jahr/0cc2fe88-3b78-4fe1-ac47-ceb3a4ca8543`)).toBe("/a/[token]/jahr/[id]");
    expect(routeOf(`/a/${token}/jahr/irgendwas`)).toBe("/a/[token]/jahr/[id]");
    expect(routeOf(`/a/${token}/schritt/3`)).toBe("/a/[token]/schritt/[step]");
  });
});
