import path from "node:path";
import { describe, expect, test } from "vitest";
import { folderGraph, pathBetween, unitOf } from "../../../eslint-rules/lib-folder-cycles.mjs";

/**
 * The folders of lib/ form layers: no two of them import each other, directly or through others. ESLint
 * reports the import that closes such a cycle (eslint-rules/lib-folder-cycles.mjs); these tests pin what the
 * rule sees.
 */
const ROOT = path.resolve(__dirname, "../../..");
type TGraph = Map<string, Map<string, Set<string>>>;

describe("the folders of lib/", () => {
  test("a folder is the first directory below lib/, a file directly in lib/ a folder of its own", () => {
    const lib = path.join(ROOT, "lib");
    expect(unitOf(lib, path.join(lib, "peer-pool", "refresh-peer-pool.ts"))).toBe("peer-pool");
    expect(unitOf(lib, path.join(lib, "env.ts"))).toBe("env");
    expect(unitOf(lib, path.join(lib, "generated", "client", "index.ts"))).toBeNull();
    expect(unitOf(lib, path.join(ROOT, "app", "page.tsx"))).toBeNull();
  });

  test("the way back of a cycle is found, and none where the folders are layered", () => {
    const graph: TGraph = new Map([
      ["assessment", new Map([["db", new Set(["lib/assessment/a.ts"])]])],
      ["db", new Map([["security", new Set(["lib/db/b.ts"])]])],
    ]);
    expect(pathBetween(graph, "security", "assessment")).toBeNull();
    graph.set("security", new Map([["assessment", new Set(["lib/security/c.ts"])]]));
    expect(pathBetween(graph, "db", "assessment")).toEqual(["db", "security", "assessment"]);
  });

  test("no import of lib/ closes a cycle of folders", () => {
    const graph: TGraph = folderGraph(ROOT);
    expect(graph.get("peer-pool")?.has("db")).toBe(true);
    const cycles = [...graph].flatMap(([from, edges]) =>
      [...edges.keys()].flatMap((to) => {
        const back = pathBetween(graph, to, from);
        return back ? [`${from} → ${back.join(" → ")} (${[...edges.get(to)!].join(", ")})`] : [];
      }),
    );
    expect(cycles).toEqual([]);
  });
});
