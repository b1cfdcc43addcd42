import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { getEnv } from "@/lib/env";
import { listAssessments } from "@/lib/operator/list-assessments";
import {
  parseAssessmentListQuery,
  toListSearchParams,
  type TAssessmentListQuery,
  type TOperatorAssessmentRow,
  type TPeerExclusionReason,
} from "@/lib/operator/list-query";
import { describeOperatorError } from "@/lib/operator/errors";
import { STATES, getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { Alert } from "@/components/kern/alert";
import { SelectField } from "@/components/kern/select-field";
import { TableRegion } from "@/components/kern/table-region";
import { TextField } from "@/components/kern/text-field";
import { logOutAction, setPeerApprovalAction, setPeerExclusionAction, type TListNotice } from "./actions";
import { OperatorNotConfigured } from "./not-configured";
import { requireOperatorSession } from "./operator-session";
import styles from "./betrieb.module.css";

export const metadata: Metadata = { title: "Betrieb: Selbsteinschätzungen", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<Exclude<TListNotice, "not_found">, string> = {
  excluded: "Die Selbsteinschätzung ist aus dem Vergleich ausgeschlossen.",
  included: "Die Selbsteinschätzung ist wieder in den Vergleich einbezogen.",
  approved: "Die Selbsteinschätzung ist für den Vergleich freigegeben.",
  revoked: "Die Freigabe ist zurückgenommen.",
  deleted: "Die Selbsteinschätzung ist gelöscht.",
};

const REASONS: Record<TPeerExclusionReason, string> = {
  draft: "Entwurf",
  excluded: "ausgeschlossen",
  superseded: "neuere Fassung vorhanden",
  awaiting_approval: "wartet auf Freigabe",
};

const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" });

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function OperatorPage({ searchParams }: TProps) {
  if (!getEnv().OPERATOR_PASSWORD_HASH) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const params = await searchParams;
  const query = parseAssessmentListQuery(params);
  const list = await listAssessments(query);
  const notice = firstValue(params.notice);
  const back = toListSearchParams(query).toString();
  const pageHref = (page: number) => {
    const p = toListSearchParams({ ...query, page }).toString();
    return p ? `/betrieb?${p}` : "/betrieb";
  };

  return (
    <div className="stack">
      <div className={styles.header}>
        <hgroup className="kern-hgroup">
          <h1 className="kern-heading-large">Selbsteinschätzungen</h1>
          <p className="kern-preline">Betriebsbereich</p>
        </hgroup>
        <form action={logOutAction}>
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">Abmelden</span>
          </button>
        </form>
      </div>

      {notice === "not_found" ? (
        <Alert tone="danger" title="Nicht möglich" role="alert">
          <p className="kern-body">{describeOperatorError({ kind: "assessment_not_found" })}</p>
        </Alert>
      ) : notice && Object.hasOwn(NOTICES, notice) ? (
        <Alert tone="success" title={NOTICES[notice as keyof typeof NOTICES]} role="status" />
      ) : null}

      <p className="kern-body">
        Hier sehen Sie, welche Kommunen wann eine Selbsteinschätzung angelegt oder abgeschlossen haben, aber nie ihre Antworten. Sie
        können einzelne Selbsteinschätzungen aus dem Vergleich mit anderen Kommunen herausnehmen oder löschen.
        {list.requiresApproval ? " Neue Selbsteinschätzungen zählen im Vergleich erst, wenn Sie sie freigegeben haben." : null}
      </p>

      <FilterForm query={query} />

      <p className="kern-body" id="treffer">
        {list.total === 1 ? "1 Selbsteinschätzung gefunden" : `${list.total.toLocaleString("de-DE")} Selbsteinschätzungen gefunden`}
        {list.pageCount > 1 ? ` – Seite ${list.page} von ${list.pageCount}` : null}.
      </p>

      {list.rows.length > 0 ? (
        <TableRegion label="Liste der Selbsteinschätzungen">
          <table className="kern-table kern-table--small">
            <caption className="kern-sr-only">
              Selbsteinschätzungen{list.pageCount > 1 ? `, Seite ${list.page} von ${list.pageCount}` : ""}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Kommune</th>
                <th scope="col" className="kern-table__header">Bundesland</th>
                <th scope="col" className="kern-table__header">Größenklasse</th>
                <th scope="col" className="kern-table__header">Datum</th>
                <th scope="col" className="kern-table__header">Im Vergleich</th>
                <th scope="col" className="kern-table__header">Aktionen</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <AssessmentRow key={row.id} row={row} back={back} requiresApproval={list.requiresApproval} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="kern-body">
          {list.total > 0 ? (
            <>
              Auf dieser Seite gibt es keine Einträge mehr.{" "}
              <AppLink className="kern-link" href={pageHref(1)}>
                Zur ersten Seite
              </AppLink>
            </>
          ) : (
            "Keine Selbsteinschätzung passt zu diesen Filtern."
          )}
        </p>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="Seiten der Liste" className={styles.pager}>
          {list.page > 1 ? (
            <AppLink className="kern-link" href={pageHref(list.page - 1)} rel="prev">
              Vorherige Seite
            </AppLink>
          ) : null}
          <span className="kern-body">
            Seite {Math.min(list.page, list.pageCount)} von {list.pageCount}
          </span>
          {list.page < list.pageCount ? (
            <AppLink className="kern-link" href={pageHref(list.page + 1)} rel="next">
              Nächste Seite
            </AppLink>
          ) : null}
        </nav>
      ) : null}

      <section className="stack-sm" aria-labelledby="wirkung">
        <h2 className="kern-heading-medium" id="wirkung">
          Was die Aktionen bewirken
        </h2>
        <dl className="kern-description-list">
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Aus Vergleich ausschließen</dt>
            <dd className="kern-description-list-item__value">
              Die Selbsteinschätzung bleibt erhalten und die Kommune sieht weiter ihr Ergebnis. In den Zahlen zum Vergleich mit anderen
              Kommunen zählt sie nicht mehr, auch keine ältere Fassung derselben Kommune. „Wieder einbeziehen“ macht das rückgängig.
            </dd>
          </div>
          {list.requiresApproval ? (
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Freigeben</dt>
              <dd className="kern-description-list-item__value">
                Abgeschlossene Selbsteinschätzungen zählen im Vergleich erst nach Ihrer Freigabe. „Freigabe zurücknehmen“ nimmt sie wieder
                heraus.
              </dd>
            </div>
          ) : null}
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Löschen</dt>
            <dd className="kern-description-list-item__value">
              Entfernt die Selbsteinschätzung mit allen Antworten endgültig; ihr Link funktioniert danach nicht mehr. Hat dieselbe Kommune
              eine ältere abgeschlossene Selbsteinschätzung, zählt dann diese im Vergleich.
            </dd>
          </div>
        </dl>
        <p className="kern-body kern-body--small">
          Im Vergleich zählt je Kommune nur die zuletzt abgeschlossene Selbsteinschätzung. Zahlen einer Gruppe werden erst gezeigt, wenn
          mindestens {getEnv().PEER_K} Kommunen darin zählen. Jede Änderung wirkt sofort auf die angezeigten Vergleichszahlen.
        </p>
      </section>
    </div>
  );
}

function FilterForm({ query }: { query: TAssessmentListQuery }) {
  return (
    <form method="get" action="/betrieb" className="peer-filters" aria-label="Liste filtern">
      <TextField id="filter-q" name="q" label="Name der Kommune" defaultValue={query.q ?? ""} autoComplete="off" />
      <SelectField
        id="filter-state"
        name="state"
        label="Bundesland"
        placeholder="Alle Bundesländer"
        defaultValue={query.state ?? ""}
        options={STATES.map((s) => ({ value: s.code, label: s.name }))}
      />
      <SelectField
        id="filter-status"
        name="status"
        label="Status"
        placeholder="Alle"
        defaultValue={query.status ?? ""}
        options={[
          { value: "submitted", label: "Abgeschlossen" },
          { value: "draft", label: "Entwurf" },
        ]}
      />
      <SelectField
        id="filter-demo"
        name="demo"
        label="Demo-Daten"
        placeholder="Mit und ohne Demo-Daten"
        defaultValue={query.demo ?? ""}
        options={[
          { value: "no", label: "Ohne Demo-Daten" },
          { value: "yes", label: "Nur Demo-Daten" },
        ]}
      />
      <div className={styles.filterActions}>
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">Liste anzeigen</span>
        </button>
        <AppLink className="kern-link" href="/betrieb">
          Filter zurücksetzen
        </AppLink>
      </div>
    </form>
  );
}

function AssessmentRow({ row, back, requiresApproval }: { row: TOperatorAssessmentRow; back: string; requiresApproval: boolean }) {
  const sizeClass = getSizeClass(row.sizeClass);
  const counts = row.notCountingBecause.length === 0;
  // The accessible name starts with the visible label (WCAG 2.5.3) and names the row's municipality.
  const named = (label: string) => ({ "aria-label": `${label}: ${row.municipalityName}` });
  const exclusionLabel = row.excludedFromPeers ? "Wieder einbeziehen" : "Aus Vergleich ausschließen";
  const approvalLabel = row.peerApproved ? "Freigabe zurücknehmen" : "Freigeben";
  return (
    <tr className="kern-table__row">
      <th scope="row" className={`kern-table__cell ${styles.nameCell}`}>
        {row.municipalityName}
        {row.isDemo ? (
          <>
            {" "}
            <span className="kern-badge kern-badge--info kern-badge--small">
              <span className="kern-label kern-label--small">Demo</span>
            </span>
          </>
        ) : null}
      </th>
      <td className="kern-table__cell">{getStateName(row.state)}</td>
      <td className="kern-table__cell">{sizeClass.townType}</td>
      <td className="kern-table__cell">
        <span className={styles.nowrap}>angelegt {dateTime.format(row.createdAt)}</span>
        {row.submittedAt ? (
          <>
            <br />
            <span className={styles.nowrap}>abgeschlossen {dateTime.format(row.submittedAt)}</span>
          </>
        ) : null}
      </td>
      <td className="kern-table__cell">{counts ? "zählt" : `zählt nicht: ${row.notCountingBecause.map((r) => REASONS[r]).join(", ")}`}</td>
      <td className="kern-table__cell">
        <div className={styles.actions}>
          <form action={setPeerExclusionAction}>
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="value" value={row.excludedFromPeers ? "false" : "true"} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" className="kern-btn kern-btn--secondary kern-btn--x-small" {...named(exclusionLabel)}>
              <span className="kern-label">{exclusionLabel}</span>
            </button>
          </form>
          {requiresApproval ? (
            <form action={setPeerApprovalAction}>
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="value" value={row.peerApproved ? "false" : "true"} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" className="kern-btn kern-btn--secondary kern-btn--x-small" {...named(approvalLabel)}>
                <span className="kern-label">{approvalLabel}</span>
              </button>
            </form>
          ) : null}
          <AppLink
            href={`/betrieb/loeschen/${row.id}${back ? `?${back}` : ""}`}
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            {...named("Löschen")}
          >
            <span className="kern-label">Löschen</span>
          </AppLink>
        </div>
      </td>
    </tr>
  );
}
