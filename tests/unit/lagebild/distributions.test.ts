import { describe, expect, test } from "vitest";
import { betaCdf, betaQuantile, t975 } from "../../../lib/lagebild/distributions";

// Reference values from SciPy 1.17 (scipy.stats.beta.ppf / beta.cdf / t.ppf), an independent implementation.
describe("distribution functions of the Lagebild's intervals", () => {
  test("quantiles of Student's t", () => {
    expect(t975(1)).toBeCloseTo(12.706204736174698, 8);
    expect(t975(2)).toBeCloseTo(4.302652729749464, 9);
    expect(t975(28)).toBeCloseTo(2.048407141795244, 9);
    expect(t975(29)).toBeCloseTo(2.045229642132703, 9);
    expect(t975(1000)).toBeCloseTo(1.9623390808264083, 9);
  });

  test("the beta distribution", () => {
    expect(betaCdf(0.3, 2.5, 7.25)).toBeCloseTo(0.6604822735819071, 10);
    expect(betaQuantile(0.025, 3, 28)).toBeCloseTo(0.02111713702972257, 9);
    expect(betaQuantile(0.975, 4, 27)).toBeCloseTo(0.2652884504742081, 9);
    expect(betaQuantile(0.975, 1, 30)).toBeCloseTo(1 - 0.025 ** (1 / 30), 9);
  });
});
