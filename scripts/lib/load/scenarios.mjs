// Load generation with autocannon: the scenarios of scripts/bench-load.mjs (GET pages, static files, the
// floor, the saves with their per-connection bookkeeping) and one bounded run of a scenario.

import { cpuDelta, cpuSample } from "./cpu.mjs";
import { nextClientIp, reference } from "./fixtures.mjs";

const QUESTIONS = reference.questions;

/**
 * The headers of a save and of the floor's request: as a browser's autosave sends them (it always offers
 * compressed answers), each from a new client address.
 */
const autosaveHeaders = () => ({
  "content-type": "application/json",
  "accept-encoding": "gzip, deflate, br, zstd",
  "x-forwarded-for": nextClientIp(),
});

/** One or two questions per save, varying with the connection (slot) and the save's number n. */
function answerPatch(slot, n) {
  const patch = {};
  const count = n % 2 === 0 ? 1 : 2;
  for (let k = 0; k < count; k++) {
    const q = QUESTIONS[(slot * 5 + n * 3 + k * 11) % QUESTIONS.length];
    const i = n + k + slot;
    if (q.type === "single") patch[q.id] = q.options[i % q.options.length].id;
    else {
      const plain = q.options.filter((o) => !o.exclusive);
      patch[q.id] =
        i % 3 === 0 ? [plain[i % plain.length].id] : [plain[i % plain.length].id, plain[(i + 1) % plain.length].id];
    }
  }
  return patch;
}

export function applyPatch(expected, patch) {
  for (const [q, v] of Object.entries(patch)) {
    if (v == null) expected.delete(q);
    else expected.set(q, [...(Array.isArray(v) ? v : [v])].sort());
  }
}

/**
 * Runs autocannon, bounded by duration (s) and a request cap, with a watchdog on top.
 * Returns the summary row.
 */
export async function drive(label, options, { duration, connections, cap, timeout = 10, pids = {} }) {
  const { default: autocannon } = await import("autocannon");
  const cpuBefore = cpuSample({ ...pids, generator: process.pid });
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { connections, pipelining: 1, duration, maxOverallRequests: cap, timeout, ...options },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    const watchdog = setTimeout(() => instance.stop(), (duration + 20) * 1000);
    instance.on("done", () => clearTimeout(watchdog));
  });
  const cpu = cpuDelta(cpuBefore, cpuSample({ ...pids, generator: process.pid }));
  const codes = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, { count }]) => `${code}×${count}`)
    .join(" ");
  return {
    label,
    rps: result.requests.average,
    completed: result.requests.total ?? result.totalCompletedRequests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ok2xx: result["2xx"],
    codes,
    duration: result.duration,
    cpu,
  };
}

/** A GET scenario; every request from a new client address. */
export function getScenario(base, pathName) {
  return {
    url: base,
    requests: [
      {
        method: "GET",
        path: pathName,
        setupRequest: (req) => ({
          ...req,
          method: "GET",
          path: pathName,
          headers: { ...req.headers, "x-forwarded-for": nextClientIp() },
        }),
      },
    ],
  };
}

/** The static files a first visit of the landing page fetches: its scripts and stylesheets and the preloaded fonts. */
export async function firstVisitAssets(base) {
  const res = await fetch(`${base}/`);
  const html = await res.text();
  const paths = [...html.matchAll(/(?:src|href)="(\/(?:_next\/static|fonts)\/[^"?]+\.(?:js|css|woff2))"/g)].map(
    (m) => m[1],
  );
  // Modern browsers skip the nomodule polyfills.
  const nomodule = new Set([...html.matchAll(/<script src="([^"]+)" noModule=""/g)].map((m) => m[1]));
  return [...new Set(paths)].filter((p) => !nomodule.has(p));
}

/** (d): the first visit's static files in turn, each connection cycling through them. */
export function staticScenario(base, paths) {
  return {
    url: base,
    requests: paths.map((p) => ({ method: "GET", path: p, headers: { "accept-encoding": "gzip, deflate, br" } })),
  };
}

/**
 * The floor: same body shape as the saves, POSTed to the no-database route; with `dynamic`, PUT to the
 * floor's dynamic segment (/api/bench/floor/<token>), the route shape of a save.
 */
export function floorScenario(base, { dynamic = false } = {}) {
  let n = 0;
  const method = dynamic ? "PUT" : "POST";
  const pathOf = (i) => (dynamic ? `/api/bench/floor/${String(i % 50).padStart(43, "x")}` : "/api/bench/floor");
  return {
    url: base,
    requests: [
      {
        method,
        path: pathOf(0),
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            method,
            path: pathOf(i),
            headers: autosaveHeaders(),
            body: JSON.stringify({ version: 1 + (i % 40), answers: answerPatch(i % 50, i) }),
          };
        },
      },
    ],
  };
}

/**
 * Saves: connection k works on slots[k] only, sending the version of its previous 200 answer.
 * autocannon resets a request's context on every loop, so the slot is bound per connection in
 * setupClient (documented API: client.setRequests) and the state lives in slots[].
 */
export function saveScenario(base, slots) {
  let nextSlot = 0;
  return {
    url: base,
    setupClient: (client) => {
      const slot = nextSlot++ % slots.length;
      const s = slots[slot];
      client.setRequests([
        {
          method: "PUT",
          path: s.path,
          setupRequest: (req) => {
            // A request still in flight here never got its answer (autocannon timed it out and reconnected):
            // its outcome is settled by the answer to the next request with the same version.
            if (s.inflight) s.orphans.push(s.inflight);
            // The patch depends on the version only: every request that can apply at version v carries the
            // same change, so a save whose answer was lost still leaves a known state.
            s.sent++;
            const patch = answerPatch(slot, s.version);
            s.inflight = { version: s.version, patch };
            return {
              ...req,
              method: "PUT",
              path: s.path,
              headers: autosaveHeaders(),
              body: JSON.stringify({ version: s.version, answers: patch }),
            };
          },
          onResponse: (status, body) => {
            const sent = s.inflight;
            s.inflight = null;
            if (!sent) return;
            // Only one save per version can succeed: a 200 means the orphan of this version did not reach
            // the database; a 409 means it did (nobody else writes this assessment).
            const orphan = s.orphans.find((o) => o.version === sent.version);
            if (orphan) {
              s.orphans = s.orphans.filter((o) => o.version !== sent.version);
              if (status === 409) {
                s.applied++;
                s.orphansApplied++;
                applyPatch(s.expected, orphan.patch);
              }
            }
            if (status === 200) {
              let v = null;
              try {
                v = JSON.parse(body).version;
              } catch {
                // counted below
              }
              if (v !== sent.version + 1) s.badAnswers++;
              s.version = typeof v === "number" ? v : s.version;
              s.acked++;
              applyPatch(s.expected, sent.patch);
            } else {
              s.refused++;
              s.codes[status] = (s.codes[status] ?? 0) + 1;
              try {
                const cur = JSON.parse(body).currentVersion;
                if (typeof cur === "number") s.version = cur;
              } catch {
                // not JSON
              }
            }
          },
        },
      ]);
    },
  };
}

/** Where a save's version and answers are stored: the lead's assessment, or a colleague's invitation. */
export const LEAD_TABLES = { owner: "Assessment", answers: "Answer", key: "assessmentId" };
export const COLLEAGUE_TABLES = { owner: "ColleagueInvitation", answers: "ColleagueAnswer", key: "invitationId" };

export function newSlots(rows, pathOf, tables = LEAD_TABLES) {
  return rows.map((r) => ({
    id: r.id,
    tables,
    path: pathOf(r),
    version: 1,
    sent: 0,
    acked: 0,
    refused: 0,
    applied: 0,
    orphans: [],
    orphansApplied: 0,
    badAnswers: 0,
    codes: {},
    inflight: null,
    expected: new Map(),
  }));
}
