import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { isOperatorAreaConfigured } from "@/lib/operator/config";
import { listAuditEntries } from "@/lib/audit/list";
import { AUDIT_PAGE_SIZE, formatAuditTime, parseAuditQuery, toAuditSearchParams } from "@/lib/audit/query";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_RETENTION_YEARS, auditActionLabel } from "@/lib/audit/actions";
import { TableRegion } from "@/components/kern/table-region";
import { Cell, Row, Table } from "@/components/kern/table";
import { SelectField } from "@/components/kern/select-field";
import { TextField } from "@/components/kern/text-field";
import { Button, ButtonLink } from "@/components/kern/button";
import { Link } from "@/components/kern/link";
import { PageTitle, Text } from "@/components/kern/typography";
import styles from "@/components/operator/operator.module.css";
import { OperatorNotConfigured } from "../not-configured";
import { requireOperatorSession } from "../operator-session";

export const metadata: Metadata = { title: "Betrieb: Protokoll", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail (docs/operations.md): who did what in the operator area and on the command line, newest first. */
export default async function AuditTrailPage({ searchParams }: TProps) {
  if (!isOperatorAreaConfigured(getEnv())) return <OperatorNotConfigured />;
  const session = await requireOperatorSession();
  const query = parseAuditQuery(await searchParams);
  const { entries, total } = await listAuditEntries(query);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageHref = (seite: number) => {
    const p = toAuditSearchParams({ ...query, seite }).toString();
    return p ? `/betrieb/protokoll?${p}` : "/betrieb/protokoll";
  };
  const exportQuery = toAuditSearchParams({ ...query, seite: 1 }).toString();

  return (
    <div className="stack">
      <div className={styles.header}>
        <PageTitle title="Protokoll" preline="Betriebsbereich" />
        <Link href="/betrieb">Selbsteinschätzungen</Link>
        <Link href="/betrieb/teilnahme">Teilnahmecodes</Link>
      </div>
      <Text>
        Hier steht, wer im Betriebsbereich und mit <code>npm run codes</code> was getan hat: Anmeldungen, auch
        fehlgeschlagene, ausgegebene und gesperrte Codes, Löschungen und Änderungen am Vergleich. Antworten, Codes und
        Adressen von Rechnern stehen nicht darin. Einträge werden nach {AUDIT_RETENTION_YEARS} Jahren gelöscht. Sie sind
        angemeldet {session.named ? `als ${session.actor.label}` : "mit dem gemeinsamen Passwort"}.
      </Text>

      <form method="get" action="/betrieb/protokoll" className="peer-filters" aria-label="Protokoll filtern">
        <SelectField
          id="filter-aktion"
          name="aktion"
          label="Aktion"
          placeholder="Alle Aktionen"
          defaultValue={query.aktion ?? ""}
          options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
        />
        <TextField id="filter-von" name="von" type="date" label="Von (Tag)" defaultValue={query.von ?? ""} />
        <TextField id="filter-bis" name="bis" type="date" label="Bis (Tag)" defaultValue={query.bis ?? ""} />
        <div className={styles.filterActions}>
          <Button type="submit">Protokoll anzeigen</Button>
          <Link href="/betrieb/protokoll">Filter zurücksetzen</Link>
        </div>
      </form>

      <Text id="treffer">
        {total === 1 ? "1 Eintrag" : `${total.toLocaleString("de-DE")} Einträge`}
        {pageCount > 1 ? ` – Seite ${Math.min(query.seite, pageCount)} von ${pageCount}` : null}.
      </Text>
      {total > 0 ? (
        <div className="button-row">
          <ButtonLink
            href={`/betrieb/protokoll/export.csv${exportQuery ? `?${exportQuery}` : ""}`}
            download
            variant="secondary"
            icon="download"
          >
            Als CSV herunterladen
          </ButtonLink>
        </div>
      ) : null}

      {entries.length > 0 ? (
        <TableRegion label="Einträge des Protokolls">
          <Table
            caption={`Protokoll, neueste zuerst${pageCount > 1 ? `, Seite ${query.seite} von ${pageCount}` : ""}`}
            captionHidden
            stacked
            columns={[
              { label: "Zeitpunkt" },
              { label: "Wer" },
              { label: "Aktion" },
              { label: "Ergebnis" },
              { label: "Anzahl", numeric: true },
              { label: "Betrifft" },
            ]}
          >
            {entries.map((e) => (
              <Row key={e.id}>
                <Cell label="Zeitpunkt">
                  <time dateTime={e.at.toISOString()}>{formatAuditTime(e.at)}</time>
                </Cell>
                <Cell label="Wer">{e.actor}</Cell>
                <Cell label="Aktion">{auditActionLabel(e.action)}</Cell>
                <Cell label="Ergebnis">{AUDIT_OUTCOMES[e.outcome as keyof typeof AUDIT_OUTCOMES] ?? e.outcome}</Cell>
                <Cell label="Anzahl" numeric>
                  {e.count === null ? "" : e.count.toLocaleString("de-DE")}
                </Cell>
                <Cell label="Betrifft">{[e.target, e.detail].filter(Boolean).join(" – ")}</Cell>
              </Row>
            ))}
          </Table>
        </TableRegion>
      ) : (
        <Text>
          {total > 0 ? (
            <>
              Auf dieser Seite gibt es keine Einträge mehr. <Link href={pageHref(1)}>Zur ersten Seite</Link>
            </>
          ) : (
            "Kein Eintrag passt zu diesen Filtern."
          )}
        </Text>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Seiten des Protokolls" className={styles.pager}>
          {query.seite > 1 ? (
            <Link href={pageHref(Math.min(query.seite, pageCount) - 1)} rel="prev">
              Neuere Einträge
            </Link>
          ) : null}
          <Text as="span">
            Seite {Math.min(query.seite, pageCount)} von {pageCount}
          </Text>
          {query.seite < pageCount ? (
            <Link href={pageHref(query.seite + 1)} rel="next">
              Ältere Einträge
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
