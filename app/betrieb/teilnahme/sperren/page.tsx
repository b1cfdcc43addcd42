import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { isOperatorAreaConfigured } from "@/lib/operator/config";
import { previewRevoke } from "@/lib/participation/revoke-preview";
import { Alert } from "@/components/kern/alert";
import { Button } from "@/components/kern/button";
import { Link } from "@/components/kern/link";
import { PageTitle, Text } from "@/components/kern/typography";
import { OperatorNotConfigured } from "../../not-configured";
import { revokeCodesAction } from "../../actions";
import { requireOperatorSession } from "../../operator-session";

export const metadata: Metadata = { title: "Betrieb: Codes sperren", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The confirmation step of "Codes sperren": which unit the key names and what revoking its codes changes. */
export default async function RevokeConfirmationPage({ searchParams }: TProps) {
  if (!isOperatorAreaConfigured(getEnv())) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const key = (first((await searchParams).key) ?? "").trim().slice(0, 20);
  const preview = await previewRevoke(key);
  if (!preview.ok)
    return (
      <div className="stack">
        <PageTitle title="Codes sperren" preline="Betriebsbereich" />
        <Alert tone="danger" role="alert" title={preview.message} />
        <Text>
          <Link href="/betrieb/teilnahme#sperren">Zurück zu den Teilnahmecodes</Link>
        </Text>
      </div>
    );
  const { unit, codes, verified } = preview;
  return (
    <div className="stack">
      <PageTitle title={`Codes von ${unit.name} sperren?`} preline="Betriebsbereich" />
      {codes === 0 ? (
        <Alert tone="info" title={`${unit.name} (${unit.key}) hat keinen gültigen Code.`}>
          <Text>Es gibt nichts zu sperren.</Text>
        </Alert>
      ) : (
        <>
          <Text>
            {unit.name} ({unit.key}, {unit.kreis}, {unit.stateName}) hat{" "}
            {codes === 1 ? "einen Code, der" : `${codes} Codes, die`} noch gilt{codes === 1 ? "" : "en"} oder ersetzt
            wurde{codes === 1 ? "" : "n"}. Nach dem Sperren lässt sich keiner davon mehr eingeben.
          </Text>
          <Text>
            {verified === 0
              ? "Keine Selbsteinschätzung ist damit bestätigt."
              : `${verified === 1 ? "Eine Selbsteinschätzung ist" : `${verified} Selbsteinschätzungen sind`} damit bestätigt: Sie ${verified === 1 ? "ist" : "sind"} danach wieder unbestätigt, zählt ab der nächsten Aktualisierung ihrer Gruppe nicht mehr im Vergleich und nimmt den neuen Code an, den Sie danach ausgeben.`}
          </Text>
          <form action={revokeCodesAction} className="button-row">
            <input type="hidden" name="key" value={unit.key} />
            <input type="hidden" name="confirm" value="1" />
            <Button type="submit">Codes von {unit.name} sperren</Button>
          </form>
        </>
      )}
      <Text>
        <Link href="/betrieb/teilnahme">Abbrechen und zurück zu den Teilnahmecodes</Link>
      </Text>
    </div>
  );
}
