// The framework's floor for `npm run bench:web` (docs/benchmarks.md): a Next.js app with one page and
// nothing of ours (no stylesheet, no font, no client component), built and served with the same Next.js,
// React and bundler (Turbopack) as the app. Lighthouse's score for it is what Next.js and React alone
// cost on this machine; bench:web prints it next to the app's pages, as bench:load prints its floor.
//
// The app is written to a temporary directory outside the project (a Next.js project inside another one
// would pick up the outer one's proxy.ts) with the project's node_modules hard-linked into it: Turbopack
// does not follow a symlinked node_modules out of its root, and a real copy would take minutes.

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import "./no-telemetry.mjs";

const FILES = {
  "package.json": JSON.stringify({ name: "kdc-bench-floor", private: true }, null, 2),
  "next.config.mjs": "export default { reactStrictMode: true, poweredByHeader: false };\n",
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "dom.iterable", "esnext"],
        jsx: "react-jsx",
        module: "esnext",
        moduleResolution: "bundler",
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        esModuleInterop: true,
        isolatedModules: true,
        resolveJsonModule: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
      exclude: ["node_modules"],
    },
    null,
    2,
  ),
  "app/layout.tsx": `export const metadata = { title: "Untergrenze", description: "Eine Seite nur aus Next.js und React." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  );
}
`,
  // Rendered for every request, as the app's pages are.
  "app/page.tsx": `export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>Kommunaler Digitalcheck</h1>
      <p>Diese Seite enthält nur Next.js und React: kein Stylesheet, keine Schrift, keine eigene Client-Komponente.</p>
    </main>
  );
}
`,
};

/**
 * Writes and builds the floor app in `dir` (which must not exist yet). Throws with a clear message when
 * node_modules cannot be hard-linked (another file system) or the build fails.
 */
export function buildFloorApp({ root, dir }) {
  mkdirSync(path.join(dir, "app"), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
  const link = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (link.status !== 0)
    throw new Error(
      `node_modules lässt sich nicht nach ${dir} verlinken (${(link.stderr || "").trim().split("\n")[0] || link.status}). ` +
        "TMPDIR auf ein Verzeichnis im Dateisystem des Projekts setzen oder --skip-floor angeben.",
    );
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: dir,
    env: floorEnv(),
    encoding: "utf8",
    maxBuffer: 64 << 20,
    timeout: 600_000,
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`.split("\n").slice(-40).join("\n"));
    throw new Error(`next build der Untergrenze fehlgeschlagen (Exit-Code ${build.status ?? build.signal}).`);
  }
}

/** The environment of the floor app's build and server. */
export const floorEnv = () => ({ ...process.env, NODE_ENV: "production" });

/** The command line (after `node`) that serves the floor app in its directory on 127.0.0.1:port. */
export const floorServerArgs = (port) => [
  "node_modules/next/dist/bin/next",
  "start",
  "-H",
  "127.0.0.1",
  "-p",
  String(port),
];
