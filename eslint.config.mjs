// ESLint (flat config): TypeScript, React hooks, Next.js, and the layering of the code as rules
// (docs/adr and ../README's architecture): app/ and components/ call lib/; lib/ never imports app/ or
// components/; components/ never import app/; the pure folders (lib/survey, lib/benchmark, lib/peers,
// lib/report) never import the database, HTTP, Next.js or Prisma; no two folders of lib/ import each other
// (a local rule, eslint-rules/lib-folder-cycles.mjs). Formatting is Prettier's (eslint-config-prettier
// switches off the rules that would disagree with it).
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import local from "./eslint-rules/lib-folder-cycles.mjs";

const APP = {
  group: ["@/app/*", "**/app/*"],
  message: "lib/ and components/ must not import from app/ (routes only call lib/ and components/).",
};
const COMPONENTS = { group: ["@/components/*", "**/components/*"], message: "lib/ must not import from components/." };
const IO = {
  group: [
    "**/db/*",
    "@/lib/db/*",
    "**/http/*",
    "@/lib/http/*",
    "**/generated/*",
    "next",
    "next/*",
    "@prisma/*",
    "pg",
    "better-sqlite3",
    "server-only",
  ],
  message:
    "The pure folders (lib/survey, lib/benchmark, lib/peers, lib/report) import no database, HTTP, Next.js or Prisma module.",
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".bench/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "public/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Playwright fixtures take an object pattern even where a test needs none of them.
      "no-empty-pattern": "off",
      // A note for the React Compiler, which this build does not use (react-hook-form's watch()).
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // CommonJS modules shared with plain Node scripts (next.config.js, scripts/serve.mjs).
    files: ["**/*.cjs", "next.config.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "lib/**/*.mjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        URL: "readonly",
        performance: "readonly",
        fetch: "readonly",
        globalThis: "readonly",
      },
    },
  },
  // Playwright's fixtures call their callback `use`; they are no React hooks.
  { files: ["tests/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { files: ["lib/**"], rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS] }] } },
  // No two folders of lib/ import each other, directly or through others (eslint-rules/lib-folder-cycles.mjs).
  {
    files: ["lib/**/*.{ts,tsx,mjs,cjs,js}"],
    plugins: { local },
    rules: { "local/lib-folder-cycles": "error" },
  },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", { patterns: [APP] }] } },
  {
    files: ["lib/survey/**", "lib/benchmark/**", "lib/peers/**", "lib/report/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS, IO] }] },
  },
  prettier,
);
