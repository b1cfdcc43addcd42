import { AppLink } from "@/components/app-link";
import type { TOperatorAssessmentRow, TPeerExclusionReason } from "@/lib/operator/list-query";
import { getSizeClass } from "@/lib/profile/size-class";
import { getStateName } from "@/lib/profile/states";
import styles from "./operator.module.css";

const REASONS: Record<TPeerExclusionReason, string> = {
  draft: "Entwurf",
  excluded: "ausgeschlossen",
  superseded: "neuere Fassung vorhanden",
  awaiting_approval: "wartet auf Freigabe",
};

const dateTime = new Intl.DateTimeFormat("de-DE", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Berlin",
});

type TFormAction = (form: FormData) => void | Promise<void>;

/**
 * One assessment in the operator list, with its actions as plain forms (they work without JavaScript).
 * The server actions come from the page (app/betrieb/actions.ts), so that components import nothing from app/.
 */
export function AssessmentRow({
  row,
  back,
  requiresApproval,
  setPeerExclusionAction,
  setPeerApprovalAction,
}: {
  row: TOperatorAssessmentRow;
  back: string;
  requiresApproval: boolean;
  setPeerExclusionAction: TFormAction;
  setPeerApprovalAction: TFormAction;
}) {
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
      <td className="kern-table__cell">
        {counts ? "zählt" : `zählt nicht: ${row.notCountingBecause.map((r) => REASONS[r]).join(", ")}`}
      </td>
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
              <button
                type="submit"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                {...named(approvalLabel)}
              >
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
