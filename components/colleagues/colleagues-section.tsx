import type { TInviteState } from "@/components/questionnaire/form-states";
import type { TInvitationView } from "@/lib/colleagues/invitation-view";
import type { TRoundView } from "@/lib/colleagues/lookup";
import { Heading, Text, VisuallyHidden } from "@/components/kern/typography";
import { Button, ButtonLink } from "@/components/kern/button";
import { Badge } from "@/components/kern/badge";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { InviteForm } from "./invite-form";
import { ReinviteForm } from "./reinvite-form";
import type { TRoundHistory } from "@/lib/colleagues/list-rounds";

const date = (iso: string) => new Date(iso).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });

/**
 * "Kolleginnen und Kollegen einbeziehen" on the lead's overview: invite with role and label, the list with revoke
 * buttons, the way to the comparison and closing the round. Plain forms: no JavaScript needed.
 */
export function ColleaguesSection({
  round,
  items,
  limit,
  totalQuestions,
  roles,
  labelMax,
  invite,
  revoke,
  close,
  comparisonHref,
  previousRoles,
  reinvite,
  rounds,
}: {
  round: TRoundView;
  items: TInvitationView[];
  limit: number;
  totalQuestions: number;
  roles: readonly { id: string; label: string }[];
  labelMax: number;
  invite: (prev: TInviteState, form: FormData) => Promise<TInviteState>;
  revoke: (invitationId: string) => Promise<void>;
  close: () => Promise<void>;
  comparisonHref: string;
  /** The roles invited the year before (a follow-up can invite them again while this year has none). */
  previousRoles: string[];
  reinvite: (prev: TInviteState, form: FormData) => Promise<TInviteState>;
  /** Closed rounds of this and earlier years. */
  rounds: TRoundHistory[];
}) {
  const active = items.filter((i) => i.status !== "revoked");
  const closed = round.status === "closed";
  return (
    <section aria-labelledby="kollegium-heading" className="stack-sm">
      <Heading level={2} id="kollegium-heading">
        Kolleginnen und Kollegen einbeziehen
      </Heading>
      <Text>
        Oft wissen mehrere Personen je einen Teil der Antworten – und sehen manches verschieden. Laden Sie Kolleginnen
        und Kollegen ein: Jede und jeder bekommt einen eigenen Link und antwortet für sich. Danach sehen Sie, bei
        welchen Fragen Sie sich uneinig sind, und legen die Antworten Ihrer Verwaltung fest. Nur diese festgelegten
        Antworten zählen für Ergebnis und Vergleich.
      </Text>
      {closed ? (
        <Text>
          Sie haben die Runde am {date(round.closedAt!)} beendet. Die Links lesen nur noch und gelten bis{" "}
          {date(round.expiresAt!)}; dann löschen wir die Antworten der Kolleginnen und Kollegen.
        </Text>
      ) : active.length < limit ? (
        <InviteForm invite={invite} roles={roles} labelMax={labelMax} />
      ) : (
        <Text>
          Sie haben {limit} Kolleginnen und Kollegen eingeladen, mehr sind nicht möglich. Ziehen Sie eine Einladung
          zurück, um eine neue anzulegen.
        </Text>
      )}
      {!closed && items.length === 0 && previousRoles.length > 0 ? (
        <ReinviteForm reinvite={reinvite} roles={previousRoles} />
      ) : null}
      {items.length > 0 ? (
        <TableRegion label="Eingeladene Kolleginnen und Kollegen">
          <Table
            caption="Eingeladene Kolleginnen und Kollegen"
            columns={[
              { label: "Rolle" },
              { label: "Beantwortet", numeric: true },
              { label: "Stand" },
              { label: "Aktion" },
            ]}
          >
            {items.map((i) => (
              <Row key={i.id}>
                <RowHeader>
                  {i.roleLabel}
                  {i.label ? ` (${i.label})` : ""}
                </RowHeader>
                <Cell numeric>
                  {i.answered} von {totalQuestions}
                </Cell>
                <Cell>
                  {i.status === "revoked" ? (
                    <Badge tone="info">zurückgezogen</Badge>
                  ) : i.answeredAt ? (
                    <Badge tone="success">zuletzt {date(i.answeredAt)}</Badge>
                  ) : (
                    <Badge tone="warning">noch nicht geantwortet</Badge>
                  )}
                </Cell>
                <Cell>
                  {i.status === "revoked" ? null : (
                    <form action={revoke.bind(null, i.id)}>
                      <Button type="submit" variant="tertiary" small>
                        Zurückziehen
                        <VisuallyHidden>
                          : {i.roleLabel}
                          {i.label ? ` (${i.label})` : ""}
                        </VisuallyHidden>
                      </Button>
                    </form>
                  )}
                </Cell>
              </Row>
            ))}
          </Table>
        </TableRegion>
      ) : null}
      {active.length > 0 ? (
        <div className="button-row">
          <ButtonLink href={comparisonHref}>Antworten vergleichen</ButtonLink>
          {closed ? null : (
            <form action={close}>
              <Button type="submit" variant="secondary">
                Runde beenden
              </Button>
            </form>
          )}
        </div>
      ) : null}
      {rounds.length > 0 ? (
        <>
          <Heading level={3} id="runden-heading">
            Beendete Runden
          </Heading>
          <ul className="step-list" aria-labelledby="runden-heading">
            {rounds.map((r, i) => (
              <li key={`${r.year}-${i}`}>
                {r.year}: {r.answered === 1 ? "1 Person hat" : `${r.answered} Personen haben`} geantwortet; bei{" "}
                {r.disputed === 1 ? "1 Frage" : `${r.disputed} Fragen`} gingen die Antworten auseinander.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
