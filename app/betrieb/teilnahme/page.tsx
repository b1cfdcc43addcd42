import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { getParticipationOverview } from "@/lib/participation/participation-overview";
import { getStateName, STATES } from "@/lib/profile/states";
import { SIZE_CLASSES } from "@/lib/profile/size-class";
import { Alert } from "@/components/kern/alert";
import { Button } from "@/components/kern/button";
import { ChoiceGroup } from "@/components/kern/choice-group";
import { Link } from "@/components/kern/link";
import { SelectField } from "@/components/kern/select-field";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { TextField } from "@/components/kern/text-field";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { OperatorNotConfigured } from "../not-configured";
import { revokeCodesAction } from "../actions";
import { requireOperatorSession } from "../operator-session";

export const metadata: Metadata = { title: "Betrieb: Teilnahmecodes", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const de = (n: number) => n.toLocaleString("de-DE");

/** The operator invites municipalities with participation codes and sees who takes part, per state. */
export default async function ParticipationPage({ searchParams }: TProps) {
  if (!getEnv().OPERATOR_PASSWORD_HASH) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const params = await searchParams;
  const error = first(params.fehler);
  const revoked = first(params.gesperrt);
  const rows = await getParticipationOverview();
  const sum = (key: "total" | "invited" | "verified" | "submitted") => rows.reduce((n, r) => n + r[key], 0);

  return (
    <div className="stack">
      <PageTitle title="Teilnahmecodes" preline="Betriebsbereich" />
      <Text>
        <Link href="/betrieb">Zurück zur Liste der Selbsteinschätzungen</Link>
      </Text>
      {error ? <Alert tone="danger" title={error.slice(0, 500)} role="alert" /> : null}
      {revoked !== undefined ? (
        <Alert
          tone="success"
          role="status"
          title={
            revoked === "0"
              ? "Für diesen AGS gab es keinen gültigen Code; nichts geändert."
              : "Der Code ist gesperrt. Die damit bestätigten Selbsteinschätzungen zählen ab der nächsten Aktualisierung nicht mehr im Vergleich."
          }
        />
      ) : null}
      <Text>
        Im Vergleich mit anderen Kommunen zählen nur Selbsteinschätzungen, die eine Kommune mit ihrem Teilnahmecode
        bestätigt hat
        {getEnv().PEERS_MODE === "open"
          ? " – auf dieser Plattform ist das abgeschaltet (PEERS_MODE=open): hier zählt jede abgeschlossene Selbsteinschätzung"
          : ""}
        . Jeder Code gehört zu genau einer Kommune des amtlichen Gemeindeverzeichnisses; wir speichern nur eine
        Prüfsumme, aus der sich der Code nicht zurückrechnen lässt, und zeigen ihn nur einmal, beim Ausgeben.
      </Text>

      <section aria-labelledby="stand" className="stack-sm">
        <Heading level={2} id="stand">
          Teilnahme nach Bundesland
        </Heading>
        <TableRegion label="Teilnahme nach Bundesland">
          <Table
            caption="Kommunen je Bundesland: im Gemeindeverzeichnis, eingeladen, bestätigt und im Vergleich"
            captionHidden
            columns={[
              { label: "Bundesland" },
              { label: "Kommunen", numeric: true },
              { label: "eingeladen", numeric: true },
              { label: "bestätigt", numeric: true },
              { label: "im Vergleich", numeric: true },
            ]}
          >
            {rows.map((r) => (
              <Row key={r.state}>
                <RowHeader>{getStateName(r.state)}</RowHeader>
                <Cell numeric>{de(r.total)}</Cell>
                <Cell numeric>{de(r.invited)}</Cell>
                <Cell numeric>{de(r.verified)}</Cell>
                <Cell numeric>{de(r.submitted)}</Cell>
              </Row>
            ))}
            <Row>
              <RowHeader>Deutschland</RowHeader>
              <Cell numeric>{de(sum("total"))}</Cell>
              <Cell numeric>{de(sum("invited"))}</Cell>
              <Cell numeric>{de(sum("verified"))}</Cell>
              <Cell numeric>{de(sum("submitted"))}</Cell>
            </Row>
          </Table>
        </TableRegion>
        <Text size="small" muted>
          Eingeladen: mit einem gültigen Code. Bestätigt: mindestens eine Selbsteinschätzung mit Code. Im Vergleich: die
          neueste abgeschlossene, bestätigte Selbsteinschätzung zählt (bis zur nächsten Aktualisierung ihrer Gruppe kann
          die veröffentlichte Zahl davon abweichen).
        </Text>
      </section>

      <section aria-labelledby="ausgeben" className="stack-sm">
        <Heading level={2} id="ausgeben">
          Codes ausgeben
        </Heading>
        <Text>
          Wählen Sie die Kommunen aus. Jede bekommt einen neuen Code; ein früherer Code der Kommune lässt sich danach
          nicht mehr eingeben (schon damit bestätigte Selbsteinschätzungen bleiben bestätigt). Für alle Kommunen auf
          einmal gibt es den Befehl <code>npm run codes -- issue</code>.
        </Text>
        <form action="/betrieb/teilnahme/codes" method="post" className="stack-sm">
          <SelectField
            id="code-state"
            name="state"
            label="Bundesland"
            placeholder="alle"
            defaultValue=""
            options={STATES.map((s) => ({ value: s.code, label: s.name }))}
          />
          <TextField
            id="code-kreis"
            name="kreis"
            label="Kreis"
            optional
            hint="Die ersten fünf Ziffern des AGS, zum Beispiel 14627 für den Landkreis Meißen."
            inputMode="numeric"
            maxLength={5}
          />
          <SelectField
            id="code-size"
            name="sizeClass"
            label="Größenklasse"
            placeholder="alle"
            defaultValue=""
            options={SIZE_CLASSES.map((c) => ({ value: c.id, label: `${c.townType} (${c.label})` }))}
          />
          <TextField
            id="code-ags"
            name="ags"
            label="Oder einzelne Kommunen (AGS)"
            optional
            hint="Amtliche Gemeindeschlüssel, durch Kommas oder Leerzeichen getrennt, zum Beispiel 14627060, 14627130."
            autoComplete="off"
          />
          <ChoiceGroup
            id="code-format"
            name="format"
            legend="Ausgabe"
            type="radio"
            choices={[
              { value: "csv", label: "Tabelle für den Serienbrief (CSV: ags;name;code)" },
              { value: "letters", label: "Einladungsbriefe als PDF (DIN 5008, für Fensterumschläge)" },
            ]}
            inputProps={(c) => ({ defaultChecked: c.value === "csv" })}
          />
          <div className="button-row">
            <Button type="submit">Codes ausgeben und herunterladen</Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="sperren" className="stack-sm">
        <Heading level={2} id="sperren">
          Code sperren
        </Heading>
        <Text>
          Ist ein Code in falsche Hände geraten, sperren Sie alle Codes der Kommune. Ihre damit bestätigten
          Selbsteinschätzungen zählen ab der nächsten Aktualisierung ihrer Gruppe nicht mehr im Vergleich. Geben Sie
          danach einen neuen Code aus.
        </Text>
        <form action={revokeCodesAction} className="stack-sm">
          <TextField id="revoke-ags" name="ags" label="AGS der Kommune" inputMode="numeric" maxLength={8} />
          <div className="button-row">
            <Button type="submit" variant="secondary">
              Codes sperren
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
