import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildKernCss, KERN_USED, purgeKernCss } from "../../../scripts/kern-css.mjs";

describe("app/kern.used.css (npm run css:kern)", () => {
  it("is what the generator makes of KERN and the current sources: run npm run css:kern after using a new KERN class", () => {
    expect(readFileSync(KERN_USED, "utf8") === buildKernCss()).toBe(true);
  });

  it("keeps rules without KERN classes and those of used classes, drops the others, keeps used selectors of a list", () => {
    const css =
      ":root{--a:1}body{margin:0}.kern-btn{color:red}.kern-dialog{color:blue}.kern-btn,.kern-tabs{x:1}@media (min-width:1px){.kern-tabs{y:1}}.kern-alert--info{z:1}.site .kern-btn:hover{w:1}";
    const out = purgeKernCss(css, { exact: new Set(["kern-btn"]), prefixes: ["kern-alert--"] });
    expect(out).toBe(
      ":root{--a:1}body{margin:0}.kern-btn{color:red}.kern-btn{x:1}.kern-alert--info{z:1}.site .kern-btn:hover{w:1}",
    );
  });
});
