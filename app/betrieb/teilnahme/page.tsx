import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { isOperatorAreaConfigured } from "@/lib/operator/config";
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
import { requireOperatorSession } from "../operator-session";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Betrieb: Teilnahmecodes", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The operator invites municipalities with participation codes and sees who takes part, per state. */
export default async function ParticipationPage({ searchParams }: TProps) {
  if (!isOperatorAreaConfigured(getEnv())) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const params = await searchParams;
  const error = first(params.fehler);
  const revoked = first(params.gesperrt);
  const revokedUnit = first(params.einheit)?.slice(0, 140) ?? "";
  const unverified = Math.max(0, Number.parseInt(first(params.unbestaetigt) ?? "0", 10) || 0);
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
            revoked === "0" && unverified === 0
              ? `Für ${revokedUnit || "diesen Schlüssel"} gab es keinen gültigen Code; nichts geändert.`
              : `Die Codes von ${revokedUnit || "dieser Einheit"} sind gesperrt. ${
                  unverified === 0
                    ? "Keine Selbsteinschätzung war damit bestätigt."
                    : `${unverified === 1 ? "Eine damit bestätigte Selbsteinschätzung ist" : `${formatNumber(unverified)} damit bestätigte Selbsteinschätzungen sind`} wieder unbestätigt, zählt ab der nächsten Aktualisierung nicht mehr im Vergleich und nimmt einen neuen Code an.`
                } Geben Sie jetzt einen neuen Code aus.`
          }
        />
      ) : null}
      <Text>
        Im Vergleich mit anderen Kommunen zählen nur Selbsteinschätzungen, die eine Kommune mit ihrem Teilnahmecode
        bestätigt hat
        {getEnv().PEERS_MODE === "open"
          ? " – auf dieser Plattform ist das abgeschaltet (PEERS_MODE=open): hier zählt jede abgeschlossene Selbsteinschätzung"
          : ""}
        . Jeder Code gehört zu genau einer Verwaltung des amtlichen Gemeindeverzeichnisses: einer Gemeinde, die ihre
        Verwaltung selbst führt, oder einem Amt, einer Verbandsgemeinde, Samtgemeinde oder Verwaltungsgemeinschaft, die
        für ihre Gemeinden antwortet. Wir speichern nur eine Prüfsumme, aus der sich der Code nicht zurückrechnen lässt,
        und zeigen ihn nur einmal, beim Ausgeben.
      </Text>

      <section aria-labelledby="stand" className="stack-sm">
        <Heading level={2} id="stand">
          Teilnahme nach Bundesland
        </Heading>
        <TableRegion label="Teilnahme nach Bundesland">
          <Table
            caption="Verwaltungen je Bundesland: im Gemeindeverzeichnis, eingeladen, bestätigt und im Vergleich"
            captionHidden
            columns={[
              { label: "Bundesland" },
              { label: "Verwaltungen", numeric: true },
              { label: "eingeladen", numeric: true },
              { label: "bestätigt", numeric: true },
              { label: "im Vergleich", numeric: true },
            ]}
          >
            {rows.map((r) => (
              <Row key={r.state}>
                <RowHeader>{getStateName(r.state)}</RowHeader>
                <Cell numeric>{formatNumber(r.total)}</Cell>
                <Cell numeric>{formatNumber(r.invited)}</Cell>
                <Cell numeric>{formatNumber(r.verified)}</Cell>
                <Cell numeric>{formatNumber(r.submitted)}</Cell>
              </Row>
            ))}
            <Row>
              <RowHeader>Deutschland</RowHeader>
              <Cell numeric>{formatNumber(sum("total"))}</Cell>
              <Cell numeric>{formatNumber(sum("invited"))}</Cell>
              <Cell numeric>{formatNumber(sum("verified"))}</Cell>
              <Cell numeric>{formatNumber(sum("submitted"))}</Cell>
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
          Wählen Sie aus, wer einen Code bekommt. Im nächsten Schritt sehen Sie, wie viele davon schon einen gültigen
          Code haben, und entscheiden, ob deren Codes bleiben (empfohlen) oder ersetzt werden. Sie erhalten eine
          ZIP-Datei mit der Tabelle für den Serienbrief, den Einladungsbriefen und einer Übersicht.
        </Text>
        <form action="/betrieb/teilnahme/ausgeben" method="get" className="stack-sm">
          <ChoiceGroup
            id="code-unit"
            name="unit"
            legend="Ein Code je"
            type="radio"
            choices={[
              {
                value: "verwaltung",
                label:
                  "Verwaltung (empfohlen): Amt, Verbandsgemeinde, Samtgemeinde, Verwaltungsgemeinschaft oder Gemeinde mit eigener Verwaltung",
              },
              {
                value: "gemeinde",
                label: "Gemeinde, auch wenn ihre Verwaltung von einem Gemeindeverband geführt wird",
              },
            ]}
            inputProps={(c) => ({ defaultChecked: c.value === "verwaltung" })}
          />
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
            hint="Die ersten fünf Ziffern des Schlüssels, zum Beispiel 14627 für den Landkreis Meißen."
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
            id="code-keys"
            name="keys"
            label="Oder einzelne Verwaltungen und Gemeinden (Schlüssel)"
            optional
            hint="Amtliche Gemeindeschlüssel (8 Ziffern) oder Schlüssel eines Gemeindeverbands (9 Ziffern), durch Kommas oder Leerzeichen getrennt, zum Beispiel 010535318, 14627060."
            autoComplete="off"
          />
          <ChoiceGroup
            id="code-all"
            name="all"
            legend="Ohne Auswahl"
            type="checkbox"
            choices={[{ value: "1", label: "Codes für alle Verwaltungen ausgeben, wenn oben nichts gewählt ist" }]}
          />
          <div className="button-row">
            <Button type="submit">Weiter zur Bestätigung</Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="sperren" className="stack-sm">
        <Heading level={2} id="sperren">
          Code sperren
        </Heading>
        <Text>
          Ist ein Code in falsche Hände geraten, sperren Sie alle Codes der Verwaltung oder Gemeinde. Ihre damit
          bestätigten Selbsteinschätzungen sind danach wieder unbestätigt und zählen ab der nächsten Aktualisierung
          ihrer Gruppe nicht mehr im Vergleich. Geben Sie danach einen neuen Code aus: Die Verwaltung gibt ihn auf ihrer
          bisherigen Selbsteinschätzung ein. Im nächsten Schritt sehen Sie, welche Verwaltung der Schlüssel nennt.
        </Text>
        <form action="/betrieb/teilnahme/sperren" method="get" className="stack-sm">
          <TextField
            id="revoke-key"
            name="key"
            label="Schlüssel (AGS mit 8 Ziffern oder Gemeindeverband mit 9 Ziffern)"
            inputMode="numeric"
            maxLength={9}
          />
          <div className="button-row">
            <Button type="submit" variant="secondary">
              Weiter zum Sperren
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
