// CPU figures of a benchmark run from /proc: the cores this machine's processes used during a scenario,
// and waiting for the other processes to go quiet.

import { readdirSync, readFileSync } from "node:fs";
import { sleep } from "./run.mjs";

/** CPU time (s) of every process, from /proc (USER_HZ = 100 on Linux): Map pid → { comm, cpu }. */
const TICK = 100;
function allProcesses() {
  const out = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const f = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = f.lastIndexOf(")");
      const rest = f.slice(close + 2).split(" ");
      out.set(Number(name), {
        comm: f.slice(f.indexOf("(") + 1, close),
        ppid: Number(rest[1]),
        cpu: (Number(rest[11]) + Number(rest[12])) / TICK,
      }); // utime + stime
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
export function cpuSample(pids) {
  try {
    const [, ...f] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy without iowait; steal (the hypervisor gave the
    // CPU to someone else) apart.
    return {
      at: performance.now(),
      busy: (f[0] + f[1] + f[2] + f[5] + f[6]) / TICK,
      steal: f[7] / TICK,
      pids,
      procs: allProcesses(),
    };
  } catch {
    return null;
  }
}
/**
 * Cores used between two samples: { all, <name>… for the given pids, postgres, other, top } where
 * `top` names the busiest other processes (by command name). Processes that ended in between are
 * missing from the per-process figures, so postgres and top are estimates; `all` is exact.
 */
export function cpuDelta(a, b) {
  if (!a || !b) return null;
  const s = (b.at - a.at) / 1000;
  const out = { all: (b.busy - a.busy) / s, steal: (b.steal - a.steal) / s, postgres: 0 };
  const used = (pid) => Math.max(0, (b.procs.get(pid)?.cpu ?? 0) - (a.procs.get(pid)?.cpu ?? 0)) / s;
  // The server counts with its worker processes (scripts/serve.mjs forks one per core).
  const withWorkers = (pid) => [pid, ...[...b.procs].filter(([, p]) => p.ppid === pid).map(([child]) => child)];
  const mine = new Set();
  let own = 0;
  for (const [k, pid] of Object.entries(a.pids)) {
    const tree = k === "server" ? withWorkers(pid) : [pid];
    out[k] = tree.reduce((sum, p) => sum + used(p), 0);
    own += out[k];
    for (const p of tree) mine.add(p);
  }
  const byComm = new Map();
  for (const [pid, p] of b.procs) {
    if (mine.has(pid)) continue;
    const c = used(pid);
    if (c <= 0) continue;
    if (p.comm === "postgres") out.postgres += c;
    else byComm.set(p.comm, (byComm.get(p.comm) ?? 0) + c);
  }
  out.other = Math.max(0, out.all - own - out.postgres);
  out.top = [...byComm]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .filter(([, c]) => c >= 0.05)
    .map(([comm, c]) => `${comm} ${c.toFixed(2)}`)
    .join(", ");
  return out;
}

/**
 * Waits (at most maxSeconds) until the other processes of this machine use less than `below` cores,
 * measured over 2-second samples; returns the last figure. Benchmarks on a shared machine need this.
 */
export async function waitForQuiet(maxSeconds, below = 0.3, log = console.log) {
  const deadline = Date.now() + maxSeconds * 1000;
  let busy;
  for (;;) {
    const a = cpuSample({});
    await sleep(2000);
    busy = cpuDelta(a, cpuSample({}))?.all ?? 0;
    if (busy < below || Date.now() >= deadline) break;
  }
  log(
    `  other processes before the run: ${busy.toFixed(2)} cores busy${busy >= below ? ` (still ≥ ${below} after waiting ${maxSeconds} s: figures will be low)` : ""}`,
  );
  return busy;
}
