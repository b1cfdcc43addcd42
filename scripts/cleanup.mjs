// npm run cleanup: deletes drafts untouched for 12 months, expired operator sessions, old
// rate-limit counters and operator audit entries older than two years. Meant for cron, e.g. daily:  15 3 * * *  cd /srv/digitalcheck && npm run cleanup
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const jiti = createJiti(import.meta.url, {
  alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js"), "@/": `${ROOT}/` },
  fsCache: false,
});
const { cleanUp, DRAFT_RETENTION_MONTHS } = await jiti.import(join(ROOT, "lib/assessment/cleanup.ts"));
const now = process.env.CLEANUP_NOW ? new Date(process.env.CLEANUP_NOW) : new Date();
const result = await cleanUp(now);
console.log(
  JSON.stringify({
    level: "info",
    msg: "cleanup",
    at: now.toISOString(),
    draftsDeleted: result.drafts,
    draftRetentionMonths: DRAFT_RETENTION_MONTHS,
    expiredOperatorSessionsDeleted: result.sessions,
    rateLimitCountersDeleted: result.rateLimits,
    expiredColleagueAnswersDeleted: result.colleagueAnswers,
    auditEntriesDeleted: result.auditEntries,
  }),
);
process.exit(0);
