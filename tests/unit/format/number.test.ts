import { describe, expect, it } from "vitest";
import {
  formatCsvDecimal,
  formatDecimal,
  formatDecimalOrDash,
  formatFixedDecimal,
  formatNumber,
} from "@/lib/format/number";

describe("German numbers", () => {
  it("group thousands with a dot and write the decimal comma", () => {
    expect(formatNumber(10_747)).toBe("10.747");
    expect(formatNumber(16.5)).toBe("16,5");
    expect(formatDecimal(28.75)).toBe("28,8");
    expect(formatDecimal(17)).toBe("17");
    expect(formatFixedDecimal(17)).toBe("17,0");
    expect(formatCsvDecimal(10_747.25)).toBe("10747,3");
  });

  it("show a dash where there is no value", () => {
    expect(formatDecimalOrDash(null)).toBe("–");
    expect(formatDecimalOrDash(0)).toBe("0");
  });
});
