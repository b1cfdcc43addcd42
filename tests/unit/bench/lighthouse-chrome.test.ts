import { describe, expect, it } from "vitest";
import { CHROME_FLAGS, chromeFlags } from "../../../scripts/lib/lighthouse-chrome.mjs";

const LAUNCHER_DEFAULTS = ["--disable-features=Translate,RenderDocument", "--disable-extensions", "--no-first-run"];

describe("bench:web's Chromium flags", () => {
  it("keeps chrome-launcher's defaults as they are when paint holding stays on, and adds ours", () => {
    const flags = chromeFlags(LAUNCHER_DEFAULTS, { paintHolding: true });
    expect(flags.slice(0, 3)).toEqual(LAUNCHER_DEFAULTS);
    expect(flags).toEqual(expect.arrayContaining(CHROME_FLAGS));
    expect(flags.join(" ")).not.toContain("PaintHolding");
  });

  it("turns PaintHolding off inside the one --disable-features switch, keeping the features chrome-launcher disables", () => {
    const flags = chromeFlags(LAUNCHER_DEFAULTS, { paintHolding: false });
    const disable = flags.filter((f) => f.startsWith("--disable-features="));
    expect(disable).toEqual(["--disable-features=Translate,RenderDocument,PaintHolding"]);
  });

  it("adds a --disable-features switch when chrome-launcher has none", () => {
    expect(chromeFlags(["--no-first-run"], { paintHolding: false })).toContain("--disable-features=PaintHolding");
  });
});
