import { getStateName, STATES, type TStateCode } from "@/lib/profile/states";
import { sharePct } from "@/lib/lagebild/build-lagebild";
import { formatNumber } from "@/lib/format/number";

/** A tile map of the 16 states (no geodata): each state one tile at its rough position. */
const TILES: Record<TStateCode, [row: number, col: number, abbr: string]> = {
  "DE-SH": [1, 3, "SH"],
  "DE-HB": [2, 2, "HB"],
  "DE-HH": [2, 3, "HH"],
  "DE-MV": [2, 4, "MV"],
  "DE-NW": [3, 1, "NW"],
  "DE-NI": [3, 2, "NI"],
  "DE-ST": [3, 3, "ST"],
  "DE-BE": [3, 4, "BE"],
  "DE-BB": [3, 5, "BB"],
  "DE-RP": [4, 1, "RP"],
  "DE-HE": [4, 2, "HE"],
  "DE-TH": [4, 3, "TH"],
  "DE-SN": [4, 4, "SN"],
  "DE-SL": [5, 1, "SL"],
  "DE-BW": [5, 2, "BW"],
  "DE-BY": [5, 3, "BY"],
};

const pct = (n: number, of: number) => sharePct(n, of) ?? 0;

/**
 * Participation per state as tiles; the table beside it (on the page) carries the same figures for screen
 * readers, so the map itself is one image with a text alternative.
 */
export function StateTiles({ rows }: { rows: { state: TStateCode; participants: number; total: number }[] }) {
  const byState = new Map(rows.map((r) => [r.state, r]));
  const max = Math.max(1, ...rows.map((r) => pct(r.participants, r.total)));
  const alt = `Kachelkarte der Länder, Anteil der teilnehmenden Verwaltungen: ${rows
    .map((r) => `${getStateName(r.state)} ${formatNumber(pct(r.participants, r.total))}\u00a0%`)
    .join("; ")}.`;
  return (
    <div className="state-tiles" role="img" aria-label={alt}>
      {STATES.map((s) => {
        const [row, col, abbr] = TILES[s.code];
        const r = byState.get(s.code);
        const share = r ? pct(r.participants, r.total) : 0;
        return (
          <div
            key={s.code}
            className={`state-tiles__tile${r ? "" : " state-tiles__tile--out"}`}
            style={{ gridRow: row, gridColumn: col, ["--share" as string]: r ? String(share / max) : "0" }}
            aria-hidden="true"
          >
            <span className="state-tiles__abbr">{abbr}</span>
            <span className="state-tiles__value">{r ? `${formatNumber(share)}\u00a0%` : "–"}</span>
          </div>
        );
      })}
    </div>
  );
}
