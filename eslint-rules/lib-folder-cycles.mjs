// A local ESLint rule: no two folders of lib/ import each other, directly or through others.
//
// import/no-cycle looks at files; a cycle between folders (lib/a/x.ts → lib/b/y.ts → lib/a/z.ts) passes it
// although a reader can no longer tell which of the two folders is the lower one. This rule builds the graph of
// lib/'s folders (a file directly in lib/, such as lib/env.ts, counts as a folder of its own) from the import
// specifiers of every file, once per ESLint process, and reports each import of a file in lib/ that goes to
// another folder from which its own folder can be reached again, naming the way back.
import fs from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g;
/** Generated code (the Prisma client) is no folder of the project's own. */
const SKIP = new Set(["generated"]);

/** The folder (or top-level file, without its extensions) of lib/ that holds an absolute path; null outside lib/. */
export function unitOf(libDir, file) {
  const rel = path.relative(libDir, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const [first, ...rest] = rel.split(path.sep);
  const unit = rest.length === 0 ? first.replace(/(\.d)?\.[cm]?[jt]sx?$/, "") : first;
  return SKIP.has(unit) ? null : unit;
}

/** The absolute path an import specifier names ("@/…" is the repository root), or null for a package. */
export function targetOf(root, fromFile, specifier) {
  if (specifier.startsWith("@/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../")) return path.resolve(path.dirname(fromFile), specifier);
  return null;
}

/** Folder → folder → the files that make the edge, from every source file below lib/. */
export function folderGraph(root) {
  const libDir = path.join(root, "lib");
  const graph = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === libDir && SKIP.has(entry.name))) walk(full);
      } else if (SOURCE.test(entry.name)) {
        const from = unitOf(libDir, full);
        for (const match of fs.readFileSync(full, "utf8").matchAll(SPECIFIER)) {
          const target = targetOf(root, full, match[2]);
          const to = target && unitOf(libDir, target);
          if (!from || !to || to === from) continue;
          if (!graph.has(from)) graph.set(from, new Map());
          const edges = graph.get(from);
          if (!edges.has(to)) edges.set(to, new Set());
          edges.get(to).add(path.relative(root, full));
        }
      }
    }
  };
  walk(libDir);
  return graph;
}

/** The shortest way from one folder to another ([from, …, to]), or null. */
export function pathBetween(graph, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const here = queue.shift();
    if (here === to) {
      const way = [];
      for (let at = to; at !== null; at = previous.get(at)) way.unshift(at);
      return way;
    }
    for (const next of graph.get(here)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, here);
        queue.push(next);
      }
    }
  }
  return null;
}

const graphs = new Map();

export const libFolderCycles = {
  meta: {
    type: "problem",
    docs: { description: "Forbid imports between folders of lib/ that close a cycle of folders." },
    schema: [],
    messages: {
      cycle:
        "lib/{{from}} imports lib/{{to}}, but lib/{{to}} already leads back to lib/{{from}} ({{way}}). No two folders of lib/ may import each other: move the shared piece into the lower folder.",
    },
  },
  create(context) {
    const root = context.cwd;
    const libDir = path.join(root, "lib");
    const file = context.filename;
    const from = unitOf(libDir, file);
    if (!from) return {};
    if (!graphs.has(root)) graphs.set(root, folderGraph(root));
    const graph = graphs.get(root);
    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const target = targetOf(root, file, source.value);
      const to = target && unitOf(libDir, target);
      if (!to || to === from) return;
      const back = pathBetween(graph, to, from);
      if (back)
        context.report({ node, messageId: "cycle", data: { from, to, way: back.map((u) => `lib/${u}`).join(" → ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require") check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { "lib-folder-cycles": libFolderCycles } };
