// npm run peers:refresh: brings the whole peer pool up to date at once (refreshWholePeerPool), with the same
// result as refreshing every unit one by one and releasing every cell with k changed units (ADR 0005). For the
// operator after an upgrade that changes who counts (ADR 0013: a member Gemeinde whose Verband runs its
// administration no longer counts itself), and safe while the app serves: one transaction, under the pool's lock.
import { pathToFileURL } from "node:url";
import { loadLib, migrate, ROOT } from "./seed-demo.mjs";

async function main() {
  process.chdir(ROOT);
  migrate();
  const lib = await loadLib();
  try {
    const before = await lib.readPeerPoolVersion();
    await lib.db.$transaction((tx) => lib.refreshWholePeerPool(tx), { timeout: 600_000, maxWait: 10_000 });
    const after = await lib.readPeerPoolVersion();
    const members = await lib.db.peerMember.count();
    const pending = await lib.db.peerPendingChange.count();
    console.log(
      `Peer-Pool aktualisiert: ${members.toLocaleString("de-DE")} Verwaltungen zählen, ${pending.toLocaleString("de-DE")} Änderungen warten auf die nächste Veröffentlichung ihrer Gruppe. Peer-Pool-Version ${before} → ${after}.`,
    );
  } finally {
    await lib.db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`npm run peers:refresh: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
