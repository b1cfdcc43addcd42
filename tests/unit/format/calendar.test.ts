import { describe, expect, it } from "vitest";
import { berlinYear } from "@/lib/format/calendar";

describe("berlinYear", () => {
  it("is the year in Germany, not in UTC", () => {
    // 31 Dec 2026, 23:30 UTC is 1 Jan 2027, 00:30 in Berlin (CET, UTC+1).
    expect(berlinYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(berlinYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
    // Summer time (CEST, UTC+2) plays no part at New Year, but a date in July stays in its year.
    expect(berlinYear(new Date("2026-07-01T12:00:00Z"))).toBe(2026);
  });
});
