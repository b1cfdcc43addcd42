// The command line of the Chromium that `npm run bench:web` audits with (docs/benchmarks.md).

/** Headless, no sandbox (root), no GPU, and nothing that would call out of this machine. */
export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const DISABLE_FEATURES = "--disable-features=";

/**
 * chrome-launcher's default flags (Launcher.defaultFlags(), passed with ignoreDefaultFlags) plus ours.
 * Without paint holding, PaintHolding joins chrome-launcher's --disable-features list rather than coming
 * as a second such switch, so that neither list can replace the other.
 */
export function chromeFlags(defaultFlags, { paintHolding }) {
  const flags = defaultFlags.map((f) => (!paintHolding && f.startsWith(DISABLE_FEATURES) ? `${f},PaintHolding` : f));
  if (!paintHolding && !flags.some((f) => f.startsWith(DISABLE_FEATURES)))
    flags.push(`${DISABLE_FEATURES}PaintHolding`);
  return [...flags, "--disable-setuid-sandbox", ...CHROME_FLAGS];
}
