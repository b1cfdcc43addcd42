// npm run peers:refresh: brings the whole peer pool up to date at once (refreshWholePeerPool), with the same
// result as refreshing every unit one by one and releasing every cell with k changed units (ADR 0005). For the
// operator after an upgrade that changes who counts (ADR 0013: a member Gemeinde whose Verband runs its
// administration no longer counts itself), and safe while the app serves: one transaction, under the pool's lock.
import { pathToFileURL } from "node:url";
import { loadLib, migrate, ROOT } from "./lib/fixtures.mjs";

async function main() {
  process.chdir(ROOT);
  migrate();
  const lib = await loadLib(["lib/participation/take-back-revoked-verifications.ts"]);
  try {
    const before = await lib.readPeerPoolVersion();
    // Codes revoked before revocation took verifications back: those assessments become
    // unverified here, so that their units can enter their new codes on them.
    const unverified = await lib.db.$transaction(
      async (tx) => {
        const n = await lib.takeBackRevokedVerifications(tx, null, new Date());
        await lib.refreshWholePeerPool(tx);
        return n;
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
    if (unverified > 0)
      console.log(
        `${unverified.toLocaleString("de-DE")} Selbsteinschätzungen waren mit gesperrten Codes bestätigt; sie sind jetzt unbestätigt und nehmen den neuen Code an.`,
      );
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
