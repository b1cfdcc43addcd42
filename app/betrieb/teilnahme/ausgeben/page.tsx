import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { previewCodes } from "@/lib/participation/preview-codes";
import { isOperatorAreaConfigured } from "@/lib/operator/config";
import { formToCodeSelection, SELECTION_FIELDS } from "@/lib/participation/selection-form";
import { getStateName, type TStateCode } from "@/lib/profile/states";
import { getSizeClass, type TSizeClass } from "@/lib/profile/size-class";
import { Alert } from "@/components/kern/alert";
import { Button } from "@/components/kern/button";
import { ChoiceGroup } from "@/components/kern/choice-group";
import { TextField } from "@/components/kern/text-field";
import { letterSettingsFromEnv } from "@/lib/participation/letter-sender";
import { Link } from "@/components/kern/link";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { OperatorNotConfigured } from "../../not-configured";
import { requireOperatorSession } from "../../operator-session";
import { describeError } from "@/lib/errors";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Betrieb: Codes ausgeben", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The confirmation step of "Codes ausgeben": what the selection names, how many of those hold a valid code
 * already (a posted letter), and whether those codes stay (default) or are replaced.
 */
export default async function IssueConfirmationPage({ searchParams }: TProps) {
  if (!isOperatorAreaConfigured(getEnv())) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const params = await searchParams;
  const form = { get: (name: string) => first(params[name]) };
  const selection = formToCodeSelection(form);
  const preview = await previewCodes(selection);
  if (!preview.ok)
    return (
      <div className="stack">
        <PageTitle title="Codes ausgeben" preline="Betriebsbereich" />
        <Alert tone="danger" role="alert" title={describeError(preview.error).slice(0, 500)} />
        <Text>
          <Link href="/betrieb/teilnahme">Zurück zur Auswahl</Link>
        </Text>
      </div>
    );
  const { units, holding } = preview.value;
  const holdingCount = units.filter((u) => holding.has(u.key)).length;
  const fresh = units.length - holdingCount;
  const perGemeinde = selection.unit === "gemeinde";
  const noun = (n: number) =>
    perGemeinde ? (n === 1 ? "Gemeinde" : "Gemeinden") : n === 1 ? "Verwaltung" : "Verwaltungen";
  const scope = [
    typeof selection.state === "string" ? getStateName(selection.state as TStateCode) : null,
    typeof selection.kreis === "string" ? `Kreis ${selection.kreis}` : null,
    typeof selection.sizeClass === "string" ? getSizeClass(selection.sizeClass as TSizeClass).townTypePlural : null,
  ].filter(Boolean);
  const shown = units.slice(0, 20);
  const error = first(params.fehler)?.slice(0, 3000);
  const settings = letterSettingsFromEnv();
  const noLetters = !settings.ok
    ? settings.missing
    : settings.publicUrl === null
      ? "PUBLIC_URL ist nicht gesetzt: Die Briefe nennen die Adresse der Plattform, und wir nehmen sie nie aus der Anfrage."
      : null;

  return (
    <div className="stack">
      <PageTitle title="Codes ausgeben" preline="Betriebsbereich" />
      {error ? (
        <Alert tone="danger" role="alert" title={error.split("\n")[0]!}>
          {error.includes("\n") ? (
            <ul>
              {error
                .split("\n")
                .slice(1)
                .map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Text>
        Ihre Auswahl{scope.length > 0 ? ` (${scope.join(", ")})` : ""} umfasst{" "}
        <strong>
          {formatNumber(units.length)} {noun(units.length)}
        </strong>
        {shown.length < units.length ? ", zum Beispiel" : ""}: {shown.map((u) => u.name).join(", ")}
        {shown.length < units.length ? " …" : ""}.
      </Text>
      {holdingCount > 0 ? (
        <Alert
          tone="warning"
          title={`${formatNumber(holdingCount)} ${noun(holdingCount)} ${holdingCount === 1 ? "hat" : "haben"} bereits einen gültigen Code.`}
        >
          Haben Sie diesen Code schon verschickt, würde ein neuer Code ihn ungültig machen: Der Brief in der Post ließe
          sich dann nicht mehr verwenden.
        </Alert>
      ) : null}
      <form action="/betrieb/teilnahme/codes" method="post" encType="multipart/form-data" className="stack-sm">
        {SELECTION_FIELDS.map((name) => {
          const value = selection[name];
          if (value === undefined) return null;
          return (
            <input
              key={name}
              type="hidden"
              name={name}
              value={Array.isArray(value) ? value.join(",") : value === true ? "1" : String(value)}
            />
          );
        })}
        <input type="hidden" name="confirm" value="1" />
        {holdingCount > 0 ? (
          <ChoiceGroup
            id="replace"
            name="replace"
            legend="Was geschieht mit den gültigen Codes?"
            type="radio"
            choices={[
              {
                value: "0",
                label: `Behalten (empfohlen): nur ${formatNumber(fresh)} ${noun(fresh)} ohne gültigen Code bekommen einen Code.`,
              },
              {
                value: "1",
                label: `Ersetzen: alle ${formatNumber(units.length)} bekommen einen neuen Code; die ${formatNumber(holdingCount)} bisherigen Codes gelten nicht mehr.`,
              },
            ]}
            inputProps={(c) => ({ defaultChecked: c.value === "0" })}
          />
        ) : null}
        <Heading level={2} id="anschriften">
          Anschriften für die Briefe
        </Heading>
        {noLetters ? (
          <Alert tone="warning" title="Ohne Briefe">
            {noLetters} Die ZIP-Datei enthält dann nur die Tabelle und die Übersicht.
          </Alert>
        ) : (
          <TextField
            id="addresses"
            name="addresses"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            label="Anschriftendatei (CSV)"
            optional
            hint="Eine Zeile je Verwaltung: Schlüssel;Empfänger;…;Straße;PLZ Ort, durch Semikolon getrennt, höchstens sechs Zeilen Anschrift, zum Beispiel 010535318;Amt Büchen;Amtsplatz 1;21514 Büchen. Ohne Datei steht im Anschriftfeld jedes Briefs, dass die Anschrift von Hand einzutragen ist."
          />
        )}
        <Heading level={2} id="download">
          Was Sie erhalten
        </Heading>
        <Text>
          Eine ZIP-Datei mit der Tabelle für den Serienbrief (CSV: key;name;kind;code),{" "}
          {noLetters ? "" : "den Einladungsbriefen als PDF (DIN 5008, für Fensterumschläge) "}und einer Übersicht, was
          ausgegeben, ersetzt und übersprungen wurde{noLetters ? "" : " und welchen Briefen die Anschrift fehlt"}. Die
          Codes zeigen wir nur dieses eine Mal.
        </Text>
        <div className="button-row">
          <Button type="submit">Codes ausgeben und herunterladen</Button>
        </div>
      </form>
      <Text>
        <Link href="/betrieb/teilnahme">Zurück zur Auswahl</Link>
      </Text>
    </div>
  );
}
