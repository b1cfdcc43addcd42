// The bare writer: a minimal node:http server, started by scripts/bench-load.mjs as a child process
// (servers.mjs: startBareWriter). It parses the body of a save as the app does and does the same write
// directly on its own copy of the schema (better-sqlite3, or pg with a pool of 10): UPDATE of the
// version, DELETE + INSERT of the answer rows, one transaction. Its rate is the machine's limit.
//
//   BARE_DATABASE_URL=file:… | postgresql://…  BARE_PORT=…  [BARE_JOURNAL=wal]  node scripts/lib/load/bare-writer.mjs
//
// Prints {"listening":<port>} once it accepts requests; ends on SIGTERM or SIGINT.

import http from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const MAX_BODY = 64 * 1024;

function answerRowsOf(id, answers) {
  const entries = Object.entries(answers).filter(([, v]) => v !== undefined);
  const rows = entries.flatMap(([q, v]) => (v == null ? [] : (Array.isArray(v) ? v : [v]).map((o) => [id, q, o])));
  return { questionIds: entries.map(([q]) => q), rows };
}

async function main() {
  const url = process.env.BARE_DATABASE_URL;
  const port = Number(process.env.BARE_PORT);
  let write; // (id, version, answers) => Promise<number|null> (new version, or null when stale)
  let close;
  if (url.startsWith("file:")) {
    const Database = require("better-sqlite3");
    const db = new Database(url.slice("file:".length)); // the driver's defaults, as PrismaBetterSQLite3 opens it
    if (process.env.BARE_JOURNAL === "wal") {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    const update = db.prepare(
      `UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ? AND "status" = 'draft'`,
    );
    const deletes = new Map();
    const insert = db.prepare(`INSERT INTO "Answer" ("assessmentId", "questionId", "optionId") VALUES (?, ?, ?)`);
    const tx = db.transaction((id, version, questionIds, rows) => {
      if (update.run(new Date().toISOString(), id, version).changes !== 1) return null;
      if (!deletes.has(questionIds.length))
        deletes.set(
          questionIds.length,
          db.prepare(
            `DELETE FROM "Answer" WHERE "assessmentId" = ? AND "questionId" IN (${questionIds.map(() => "?").join(", ")})`,
          ),
        );
      deletes.get(questionIds.length).run(id, ...questionIds);
      for (const r of rows) insert.run(...r);
      return version + 1;
    });
    write = async (id, version, answers) => {
      const { questionIds, rows } = answerRowsOf(id, answers);
      return tx(id, version, questionIds, rows);
    };
    close = async () => db.close();
  } else {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 10 }); // the app's pool size (lib/db/client.ts)
    write = async (id, version, answers) => {
      const { questionIds, rows } = answerRowsOf(id, answers);
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const u = await c.query(
          `UPDATE "Assessment" SET "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1 AND "version" = $2 AND "status" = 'draft'`,
          [id, version],
        );
        if (u.rowCount !== 1) {
          await c.query("ROLLBACK");
          return null;
        }
        await c.query(`DELETE FROM "Answer" WHERE "assessmentId" = $1 AND "questionId" = ANY($2::text[])`, [
          id,
          questionIds,
        ]);
        if (rows.length > 0)
          await c.query(
            `INSERT INTO "Answer" ("assessmentId", "questionId", "optionId") VALUES ${rows.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ")}`,
            rows.flat(),
          );
        await c.query("COMMIT");
        return version + 1;
      } catch (e) {
        await c.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    };
    close = () => pool.end();
  }
  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const m = /^\/bare\/([^/]+)\/answers$/.exec(req.url ?? "");
      if (!m || req.method !== "PUT") return send(res, 404, { error: "not found" });
      if (Number(req.headers["content-length"] ?? 0) > MAX_BODY) return send(res, 413, { error: "too large" });
      const type = req.headers["content-type"] ?? "";
      if (type && !/^application\/(.+\+)?json\b/i.test(type)) return send(res, 415, { error: "json only" });
      const chunks = [];
      let size = 0;
      for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY) return send(res, 413, { error: "too large" });
        chunks.push(chunk);
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 422, { error: "invalid json" });
      }
      if (!body || !Number.isInteger(body.version) || typeof body.answers !== "object" || body.answers === null)
        return send(res, 422, { error: "invalid" });
      const next = await write(decodeURIComponent(m[1]), body.version, body.answers);
      return next === null ? send(res, 409, { error: "stale" }) : send(res, 200, { version: next });
    } catch (e) {
      return send(res, 500, { error: e instanceof Error ? e.message : "error" });
    }
  });
  server.keepAliveTimeout = 5_000;
  server.listen(port, "127.0.0.1", () => console.log(JSON.stringify({ listening: port })));
  const shutdown = () => {
    server.close(() => close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

await main();
