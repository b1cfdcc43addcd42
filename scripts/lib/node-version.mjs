// The Node.js versions the project runs on: 22 LTS and 24 LTS (and later). Node 20 reached its end of life on
// 30 April 2026, and better-sqlite3 13, the first release that runs safely on Node 24 (up to 12 a garbage-collected
// statement can abort a Node 24 process), needs Node 22 or later: on Node 20 it crashes. The project brings
// Node.js 24 as a dependency (package.json `node`), and npm scripts run on it; a script started directly with an
// older node stops at once with one German message instead.
export const MIN_NODE_MAJOR = 22;

/** The command that brings Node.js 24 from the npm registry into a folder outside the clone. */
export const NODE24_INSTALL =
  "npm install --prefix ~/.cache/kommunaler-digitalcheck/node24 node@24 && export PATH=~/.cache/kommunaler-digitalcheck/node24/node_modules/node/bin:$PATH";

/** null when this Node.js is supported, else the German message that says why not and what to do. */
export function unsupportedNode(version = process.versions.node) {
  const major = Number(version.split(".")[0]);
  if (major >= MIN_NODE_MAJOR) return null;
  return [
    `Node.js ${version} wird nicht mehr unterstützt: Der Digitalcheck braucht Node.js 22 oder 24 (LTS).`,
    major === 20
      ? "Node.js 20 hat am 30. April 2026 sein Lebensende erreicht und bekommt keine Sicherheits-Updates mehr."
      : "",
    "Das Projekt bringt Node.js 24 mit: Starten Sie es mit „npm install“ und dann „npm start“ oder „npm test“",
    "(npm nimmt dann das Node.js aus node_modules). Oder Node.js 24 aus der npm-Registry für die ganze Sitzung:",
    `  ${NODE24_INSTALL}`,
  ]
    .filter(Boolean)
    .join("\n");
}
