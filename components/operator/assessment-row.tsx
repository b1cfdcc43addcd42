import { Badge } from "@/components/kern/badge";
import { Cell, Row, RowHeader } from "@/components/kern/table";
import type { TOperatorAssessmentRow, TPeerExclusionReason } from "@/lib/operator/list-query";
import { getSizeClass } from "@/lib/profile/size-class";
import { getStateName } from "@/lib/profile/states";
import styles from "./operator.module.css";
import { Button, ButtonLink } from "@/components/kern/button";

const REASONS: Record<TPeerExclusionReason, string> = {
  draft: "Entwurf",
  unverified: "ohne Teilnahmecode",
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
    <Row>
      <RowHeader className={styles.nameCell}>
        {row.municipalityName}
        {row.isDemo ? (
          <>
            {" "}
            <Badge tone="info" small>
              Demo
            </Badge>
          </>
        ) : null}
      </RowHeader>
      <Cell>{getStateName(row.state)}</Cell>
      <Cell>{sizeClass.townType}</Cell>
      <Cell>
        <span className={styles.nowrap}>angelegt {dateTime.format(row.createdAt)}</span>
        {row.submittedAt ? (
          <>
            <br />
            <span className={styles.nowrap}>abgeschlossen {dateTime.format(row.submittedAt)}</span>
          </>
        ) : null}
      </Cell>
      <Cell>{counts ? "zählt" : `zählt nicht: ${row.notCountingBecause.map((r) => REASONS[r]).join(", ")}`}</Cell>
      <Cell>
        <div className={styles.actions}>
          <form action={setPeerExclusionAction}>
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="value" value={row.excludedFromPeers ? "false" : "true"} />
            <input type="hidden" name="back" value={back} />
            <Button variant="secondary" small type="submit" {...named(exclusionLabel)}>
              {exclusionLabel}
            </Button>
          </form>
          {requiresApproval ? (
            <form action={setPeerApprovalAction}>
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="value" value={row.peerApproved ? "false" : "true"} />
              <input type="hidden" name="back" value={back} />
              <Button variant="secondary" small type="submit" {...named(approvalLabel)}>
                {approvalLabel}
              </Button>
            </form>
          ) : null}
          <ButtonLink
            variant="tertiary"
            small
            href={`/betrieb/loeschen/${row.id}${back ? `?${back}` : ""}`}
            {...named("Löschen")}
          >
            Löschen
          </ButtonLink>
        </div>
      </Cell>
    </Row>
  );
}
