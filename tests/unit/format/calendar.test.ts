import { describe, expect, it } from "vitest";
import { berlinYear, periodFileLabel, periodLabels } from "@/lib/format/calendar";

describe("berlinYear", () => {
  it("is the year in Germany, not in UTC", () => {
    // 31 Dec 2026, 23:30 UTC is 1 Jan 2027, 00:30 in Berlin (CET, UTC+1).
    expect(berlinYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(berlinYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
    // Summer time (CEST, UTC+2) plays no part at New Year, but a date in July stays in its year.
    expect(berlinYear(new Date("2026-07-01T12:00:00Z"))).toBe(2026);
  });
});

describe("periodLabels (two assessments in one calendar year)", () => {
  it("names each by its year while the years differ", () => {
    expect(periodLabels([new Date("2025-03-10T10:00:00Z"), new Date("2026-12-01T10:00:00Z")])).toEqual([
      "2025",
      "2026",
    ]);
  });
  it("names two of one year by month and year, and leaves a third year alone", () => {
    expect(
      periodLabels([
        new Date("2025-06-01T10:00:00Z"),
        new Date("2026-03-10T10:00:00Z"),
        new Date("2026-12-01T10:00:00Z"),
      ]),
    ).toEqual(["2025", "März 2026", "Dezember 2026"]);
  });
  it("takes the day, then the time, then a number where even those are shared (Berlin time)", () => {
    expect(periodLabels([new Date("2026-03-03T10:00:00Z"), new Date("2026-03-20T10:00:00Z")])).toEqual([
      "3. März 2026",
      "20. März 2026",
    ]);
    expect(periodLabels([new Date("2026-03-03T09:42:00Z"), new Date("2026-03-03T15:05:00Z")])).toEqual([
      "3. März 2026, 10:42\u00a0Uhr",
      "3. März 2026, 16:05\u00a0Uhr",
    ]);
    expect(periodLabels([new Date("2026-03-03T09:42:00Z"), new Date("2026-03-03T09:42:30Z")])).toEqual([
      "3. März 2026, 10:42\u00a0Uhr (1)",
      "3. März 2026, 10:42\u00a0Uhr (2)",
    ]);
    // New Year's Eve 23:30 UTC is already January in Berlin.
    expect(periodLabels([new Date("2026-12-31T23:30:00Z"), new Date("2027-05-01T10:00:00Z")])).toEqual([
      "Januar 2027",
      "Mai 2027",
    ]);
  });
  it("gives file names in ASCII", () => {
    expect(periodFileLabel("März 2026")).toBe("Maerz-2026");
    expect(periodFileLabel("3. März 2026, 10:42\u00a0Uhr")).toBe("3-Maerz-2026-10-42-Uhr");
  });
});
