import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { isOperatorAreaConfigured } from "@/lib/operator/config";
import { getAssessmentSummary } from "@/lib/operator/get-assessment-summary";
import { parseAssessmentListQuery, toListSearchParams } from "@/lib/operator/list-query";
import { ZAssessmentId } from "@/lib/operator/schemas";
import { getStateName } from "@/lib/profile/states";
import { Alert } from "@/components/kern/alert";
import { deleteAssessmentAction } from "../../actions";
import { OperatorNotConfigured } from "../../not-configured";
import { requireOperatorSession } from "../../operator-session";
import { DescriptionList } from "@/components/kern/description-list";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { Button, ButtonLink } from "@/components/kern/button";

export const metadata: Metadata = { title: "Selbsteinschätzung löschen", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" });

/** The confirmation step before deleting: who and when, and that it cannot be undone. */
export default async function ConfirmDeletePage({ params, searchParams }: TProps) {
  if (!isOperatorAreaConfigured(getEnv())) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const id = ZAssessmentId.safeParse((await params).id);
  if (!id.success) notFound();
  const back = toListSearchParams(parseAssessmentListQuery(await searchParams)).toString();
  const listHref = back ? `/betrieb?${back}` : "/betrieb";
  const found = await getAssessmentSummary(id.data);

  if (!found.ok) {
    return (
      <div className="stack">
        <Heading level={1}>Selbsteinschätzung löschen</Heading>
        <Alert tone="warning" title="Nicht gefunden">
          <Text>Diese Selbsteinschätzung gibt es nicht mehr. Vielleicht wurde sie inzwischen gelöscht.</Text>
        </Alert>
        <p>
          <Link href={listHref}>Zurück zur Liste</Link>
        </p>
      </div>
    );
  }

  const a = found.value;
  return (
    <div className="stack">
      <PageTitle title="Wirklich löschen?" preline="Betriebsbereich" />
      <DescriptionList
        items={[
          { key: "Kommune", value: <>{a.municipalityName}</> },
          { key: "Bundesland", value: <>{getStateName(a.state)}</> },
          { key: "Angelegt", value: <>{dateTime.format(a.createdAt)}</> },
          {
            key: "Abgeschlossen",
            value: <>{a.submittedAt ? dateTime.format(a.submittedAt) : "noch nicht (Entwurf)"}</>,
          },
        ]}
      />
      <Alert tone="warning" title="Das lässt sich nicht rückgängig machen">
        <Text>
          Die Selbsteinschätzung wird mit allen Antworten endgültig gelöscht. Der Link der Kommune funktioniert danach
          nicht mehr. Im Vergleich mit anderen Kommunen zählt sie nicht mehr; hat dieselbe Kommune eine ältere
          abgeschlossene Selbsteinschätzung, zählt dann diese.
        </Text>
      </Alert>
      <form action={deleteAssessmentAction} className="button-row">
        <input type="hidden" name="id" value={a.id} />
        <input type="hidden" name="back" value={back} />
        <Button type="submit">Ja, endgültig löschen</Button>
        <ButtonLink variant="secondary" href={listHref}>
          Abbrechen
        </ButtonLink>
      </form>
    </div>
  );
}
