import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Pages are built from the KERN layer (components/kern/): headings, text, links, buttons, badges, cards,
 * description lists, tables, alerts and fields. A page that writes KERN's classes or a button by hand
 * again would drift from the others (focus styles, icons, accessible names) and is caught here.
 */
const ROOT = path.resolve(__dirname, "../../..");

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(rel);
    return e.name.endsWith(".tsx") ? [rel] : [];
  });
}

// JSX and line comments may name a KERN class (to explain a style); attribute values may not.
const withoutComments = (source: string) => source.replace(/\{\/\*[\s\S]*?\*\/\}/g, "").replace(/^\s*\/\/.*$/gm, "");

describe("the KERN component layer", () => {
  test("no page under app/ writes a kern-… class itself", () => {
    const offenders = tsxFiles("app").flatMap((file) =>
      [...withoutComments(readFileSync(path.join(ROOT, file), "utf8")).matchAll(/kern-[a-z0-9_-]+/g)].map(
        (m) => `${file}: ${m[0]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  test("every button of app/ and components/ is the KERN Button (components/kern/button.tsx)", () => {
    const offenders = [...tsxFiles("app"), ...tsxFiles("components")]
      .filter((file) => !file.startsWith(`components${path.sep}kern${path.sep}`))
      .filter((file) => /<button\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  test("the check sees a hand-written class (it is not vacuous)", () => {
    expect([...withoutComments('<p className="kern-body">x</p>').matchAll(/kern-[a-z0-9_-]+/g)]).toHaveLength(1);
    expect([...withoutComments("{/* kern-subline */}\n// kern-body").matchAll(/kern-[a-z0-9_-]+/g)]).toHaveLength(0);
  });
});
