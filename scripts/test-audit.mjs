// `npm run test:audit [-- --histories 20000 --seed 1 --scale 3]`: the auditor of the peer figures
// (tests/unit/peers/release-audit.test.ts, docs/adr/0005-peer-privacy.md) over N random histories per k and
// profile instead of the 1,000 of `npm test`; --scale s makes each history s times as large (municipalities
// and steps). Prints what it covered (histories, releases, views, unknowns,
// rank, time) and any counterexample; replay one with the printed seed.
import { spawnSync } from "node:child_process";
import { integerFrom1, parseArgsOrExit } from "./lib/args.mjs";

const { values } = parseArgsOrExit(
  process.argv.slice(2),
  {
    histories: { type: "number", default: 20_000, parse: integerFrom1 },
    seed: { type: "number", default: 20261207, parse: integerFrom1 },
    scale: { type: "number", default: 1, parse: integerFrom1 },
  },
  { unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --histories N, --seed N, --scale N.` },
);

const started = Date.now();
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "tests/unit/peers/release-audit.test.ts"],
  {
    env: {
      ...process.env,
      AUDIT_HISTORIES: String(values.histories),
      AUDIT_SEED: String(values.seed),
      AUDIT_SCALE: String(values.scale),
      TZ: "Europe/Berlin",
    },
    stdio: "inherit",
  },
);
console.log(
  `\nAuditor: ${values.histories} histories per k and profile, scale ${values.scale}, seed ${values.seed}, ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(run.status ?? 1);
