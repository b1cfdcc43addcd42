import { describe, expect, test } from "vitest";
import {
  nameMatcher,
  parseAssessmentListQuery,
  peerExclusionReasons,
  toListSearchParams,
} from "@/lib/operator/list-query";
import { describeError } from "@/lib/errors";

describe("parseAssessmentListQuery", () => {
  test.each([
    ["nothing", {}, { page: 1 }],
    [
      "all filters",
      { state: "DE-HE", status: "submitted", q: " Kassel ", demo: "no", page: "3" },
      { state: "DE-HE", status: "submitted", q: "Kassel", demo: "no", page: 3 },
    ],
    ["an unknown state is dropped", { state: "DE-XX" }, { page: 1 }],
    ["an unknown status is dropped", { status: "deleted" }, { page: 1 }],
    ["an empty name is dropped", { q: "   " }, { page: 1 }],
    ["an overlong name is dropped", { q: "x".repeat(101) }, { page: 1 }],
    ["demo other than yes/no is dropped", { demo: "maybe" }, { page: 1 }],
    ["page 0 becomes 1", { page: "0" }, { page: 1 }],
    ["a page that is no number becomes 1", { page: "zwei" }, { page: 1 }],
    ["a fractional page becomes 1", { page: "1.5" }, { page: 1 }],
    ["a repeated parameter counts with its first value", { state: ["DE-BY", "DE-HE"] }, { state: "DE-BY", page: 1 }],
  ])("%s", (_label, params, expected) => {
    expect(parseAssessmentListQuery(params as Record<string, string | string[]>)).toEqual(expected);
  });

  test("URLSearchParams give the same result", () => {
    expect(parseAssessmentListQuery(new URLSearchParams("state=DE-HE&q=Fulda&page=2&notice=deleted"))).toEqual({
      state: "DE-HE",
      q: "Fulda",
      page: 2,
    });
  });
});

describe("toListSearchParams", () => {
  test("round trip, without empty values and page 1", () => {
    const query = parseAssessmentListQuery({
      state: "DE-HE",
      status: "draft",
      q: "Bad Hersfeld",
      demo: "yes",
      page: "2",
    });
    const params = toListSearchParams(query);
    expect(params.toString()).toBe("state=DE-HE&status=draft&q=Bad+Hersfeld&demo=yes&page=2");
    expect(parseAssessmentListQuery(params)).toEqual(query);
    expect(toListSearchParams({ page: 1 }).toString()).toBe("");
  });

  test("what a form's back field carries is reduced to known filters (no open redirect)", () => {
    const back = new URLSearchParams("state=DE-HE&next=https://evil.example&page=-1");
    expect(toListSearchParams(parseAssessmentListQuery(back)).toString()).toBe("state=DE-HE");
  });
});

describe("nameMatcher", () => {
  test.each([
    ["münchen", "München", true],
    ["MÜNCHEN", "München", true],
    ["Muenchen", "München", true],
    ["Munchen", "München", true],
    ["ölsnitz", "Ölsnitz/Vogtl.", true],
    ["Neustadt a.d.", "Neustadt a.d.Donau", true],
    ["groß", "Großenhain, Stadt", true],
    ["stadt", "Großenhain, Stadt", false],
    ["Kassel", "München", false],
  ])("%s in %s → %s", (query, name, expected) => {
    expect(nameMatcher(query)!(name)).toBe(expected);
  });

  test("a query without a letter or digit filters nothing", () => {
    expect(nameMatcher("--- ")).toBeNull();
  });
});

describe("peerExclusionReasons", () => {
  const counting = {
    status: "submitted" as const,
    excludedFromPeers: false,
    peerCurrent: true,
    peerApproved: false,
    verified: true,
  };
  test.each([
    ["the latest submission counts", counting, false, []],
    ["a draft", { ...counting, status: "draft" as const, peerCurrent: false }, false, ["draft"]],
    ["excluded", { ...counting, excludedFromPeers: true }, false, ["excluded"]],
    ["an older submission of the same municipality", { ...counting, peerCurrent: false }, false, ["superseded"]],
    ["not approved while approval is required", counting, true, ["awaiting_approval"]],
    ["approved while approval is required", { ...counting, peerApproved: true }, true, []],
    [
      "several reasons at once",
      { ...counting, status: "draft" as const, peerCurrent: false, excludedFromPeers: true },
      true,
      ["draft", "excluded", "awaiting_approval"],
    ],
  ])("%s", (_label, row, requiresApproval, expected) => {
    expect(peerExclusionReasons(row, requiresApproval)).toEqual(expected);
  });

  test("without a participation code: 'unverified' where codes are required (not 'superseded'), nothing in open mode", () => {
    const unverified = { ...counting, verified: false, peerCurrent: false };
    expect(peerExclusionReasons(unverified, false, true)).toEqual(["unverified"]);
    expect(peerExclusionReasons({ ...unverified, peerCurrent: true }, false, false)).toEqual([]);
  });
});

describe("German messages", () => {
  test("the rate-limit message names the wait", () => {
    expect(describeError({ kind: "rate_limited", retryAfterSeconds: 840, limit: "login" })).toBe(
      "Zu viele Anmeldeversuche. Bitte warten Sie 14 Minuten und versuchen Sie es dann erneut.",
    );
  });
});
