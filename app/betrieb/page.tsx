import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { getEnv } from "@/lib/env";
import { listAssessments } from "@/lib/operator/list-assessments";
import { parseAssessmentListQuery, toListSearchParams } from "@/lib/operator/list-query";
import { describeOperatorError } from "@/lib/operator/errors";
import { Alert } from "@/components/kern/alert";
import { TableRegion } from "@/components/kern/table-region";
import { logOutAction, setPeerApprovalAction, setPeerExclusionAction, type TListNotice } from "./actions";
import { OperatorNotConfigured } from "./not-configured";
import { requireOperatorSession } from "./operator-session";
import styles from "@/components/operator/operator.module.css";
import { AssessmentFilterForm } from "@/components/operator/assessment-filter-form";
import { AssessmentRow } from "@/components/operator/assessment-row";

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
        Hier sehen Sie, welche Kommunen wann eine Selbsteinschätzung angelegt oder abgeschlossen haben, aber nie ihre
        Antworten. Sie können einzelne Selbsteinschätzungen aus dem Vergleich mit anderen Kommunen herausnehmen oder
        löschen.
        {list.requiresApproval
          ? " Neue Selbsteinschätzungen zählen im Vergleich erst, wenn Sie sie freigegeben haben."
          : null}
      </p>

      <AssessmentFilterForm query={query} />

      <p className="kern-body" id="treffer">
        {list.total === 1
          ? "1 Selbsteinschätzung gefunden"
          : `${list.total.toLocaleString("de-DE")} Selbsteinschätzungen gefunden`}
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
                <th scope="col" className="kern-table__header">
                  Kommune
                </th>
                <th scope="col" className="kern-table__header">
                  Bundesland
                </th>
                <th scope="col" className="kern-table__header">
                  Größenklasse
                </th>
                <th scope="col" className="kern-table__header">
                  Datum
                </th>
                <th scope="col" className="kern-table__header">
                  Im Vergleich
                </th>
                <th scope="col" className="kern-table__header">
                  Aktionen
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <AssessmentRow
                  key={row.id}
                  row={row}
                  back={back}
                  requiresApproval={list.requiresApproval}
                  setPeerExclusionAction={setPeerExclusionAction}
                  setPeerApprovalAction={setPeerApprovalAction}
                />
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
              Die Selbsteinschätzung bleibt erhalten und die Kommune sieht weiter ihr Ergebnis. In den Zahlen zum
              Vergleich mit anderen Kommunen zählt sie nicht mehr, auch keine ältere Fassung derselben Kommune. „Wieder
              einbeziehen“ macht das rückgängig.
            </dd>
          </div>
          {list.requiresApproval ? (
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Freigeben</dt>
              <dd className="kern-description-list-item__value">
                Abgeschlossene Selbsteinschätzungen zählen im Vergleich erst nach Ihrer Freigabe. „Freigabe
                zurücknehmen“ nimmt sie wieder heraus.
              </dd>
            </div>
          ) : null}
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Löschen</dt>
            <dd className="kern-description-list-item__value">
              Entfernt die Selbsteinschätzung mit allen Antworten endgültig; ihr Link funktioniert danach nicht mehr.
              Hat dieselbe Kommune eine ältere abgeschlossene Selbsteinschätzung, zählt dann diese im Vergleich.
            </dd>
          </div>
        </dl>
        <p className="kern-body kern-body--small">
          Im Vergleich zählt je Kommune nur die zuletzt abgeschlossene Selbsteinschätzung. Zahlen einer Gruppe werden
          erst gezeigt, wenn mindestens {getEnv().PEER_K} Kommunen darin zählen. Jede Änderung wirkt sofort auf die
          angezeigten Vergleichszahlen.
        </p>
      </section>
    </div>
  );
}
