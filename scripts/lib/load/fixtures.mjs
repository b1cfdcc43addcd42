// What a benchmark needs in the app's database: assessments created through the JSON API (each request
// from its own client address), the demo municipalities (scripts/seed-demo.mjs), and migrations.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./run.mjs";

export const reference = JSON.parse(readFileSync(path.join(ROOT, "lib/survey/national-2020.json"), "utf8"));

/** X-Forwarded-For values 127.x.y.z (loopback, never contacted) from a counter: a new client for the rate limiter on every request. */
let ipCounter = 1 + Math.floor(Math.random() * 1_000_000);
export function nextClientIp() {
  const n = ipCounter++ % 16_777_216;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function api(base, method, pathName, body) {
  const res = await fetch(base + pathName, {
    method,
    headers: { "content-type": "application/json", "x-forwarded-for": nextClientIp() },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

/** Creates a draft through the API (its own client address, so the create limit of 20/h never bites). */
export async function createDraft(
  base,
  municipality = { name: "Lasttest-Gemeinde", state: "DE-BY", population: 3200 },
) {
  const r = await api(base, "POST", "/api/assessments", { municipality, respondentRole: "digital_officer" });
  if (r.status !== 201) throw new Error(`POST /api/assessments: ${r.status} ${r.text.slice(0, 300)}`);
  return { id: r.json.id, token: r.json.token };
}

/**
 * n colleagues' links (role "other"), as many leads' drafts as the limit of 20 invitations per assessment
 * needs: [{ id, token }] of the invitations.
 */
export async function createColleagues(base, n) {
  const out = [];
  for (let lead = 0; out.length < n; lead++) {
    const a = await createDraft(base, {
      name: `Lasttest-Kollegium ${lead + 1}`,
      state: "DE-BY",
      population: 5000 + lead,
    });
    for (let i = 0; i < 20 && out.length < n; i++) {
      const r = await api(base, "POST", `/api/assessments/${a.token}/colleagues`, {
        role: "other",
        label: `Last ${i + 1}`,
      });
      if (r.status !== 201) throw new Error(`POST colleagues: ${r.status} ${r.text.slice(0, 300)}`);
      out.push({ id: r.json.id, token: r.json.token });
    }
  }
  return out;
}

/** A complete answer set: for every question its first option (multi: the first non-exclusive one), varied by seed. */
export function completeAnswers(seed = 0) {
  const answers = {};
  reference.questions.forEach((q, i) => {
    const options = q.type === "multi" ? q.options.filter((o) => !o.exclusive) : q.options;
    const o = options[(seed + i) % options.length].id;
    answers[q.id] = q.type === "multi" ? [o] : o;
  });
  return answers;
}

/** A draft with every question answered; submitted when asked. */
export async function createAnswered(base, { submit, municipality, seed = 0 } = {}) {
  const a = await createDraft(base, municipality);
  const put = await api(base, "PUT", `/api/assessments/${a.token}/answers`, {
    version: 1,
    answers: completeAnswers(seed),
  });
  if (put.status !== 200) throw new Error(`PUT answers: ${put.status} ${put.text.slice(0, 300)}`);
  if (submit) {
    const s = await api(base, "POST", `/api/assessments/${a.token}/submit`);
    if (s.status !== 200) throw new Error(`POST submit: ${s.status} ${s.text.slice(0, 300)}`);
  }
  return a;
}

/**
 * Runs scripts/seed-demo.mjs (it migrates first) of the checkout at root (default: this one) against
 * databaseUrl; returns its summary line.
 */
export function seedDemo(databaseUrl, root = ROOT) {
  const r = spawnSync(process.execPath, ["scripts/seed-demo.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`seed:demo fehlgeschlagen (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  return r.stdout.split("\n").find((l) => l.startsWith("Demo-Daten angelegt")) ?? r.stdout.trim().split("\n")[0];
}

export function migrateDb(databaseUrl) {
  const r = spawnSync(process.execPath, ["scripts/migrate.mjs"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`Migration fehlgeschlagen:\n${r.stderr}${r.stdout}`);
}
