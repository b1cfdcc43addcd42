import type { Metadata } from "next";
import { STEPS } from "@/lib/survey/reference";
import { colleagueStepPath } from "@/lib/assessment/paths";
import { SKIP, SKIP_LABEL } from "@/lib/colleagues/api-schemas";
import { Alert } from "@/components/kern/alert";
import { Badge } from "@/components/kern/badge";
import { ButtonLink } from "@/components/kern/button";
import { Link } from "@/components/kern/link";
import { ProgressBar } from "@/components/kern/progress";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { loadColleagueForPage } from "./load-colleague";

export const metadata: Metadata = { title: "Ihre Antworten für Ihre Verwaltung", robots: { index: false } };

type TProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A colleague's overview: who invited them for what, their progress, and (once the round is closed) read only. */
export default async function ColleaguePage({ params, searchParams }: TProps) {
  const { token } = await params;
  const query = await searchParams;
  const found = await loadColleagueForPage(token);
  if (!found.ok) return found.page;
  const view = found.value;
  const closed = view.status === "closed";
  const steps = STEPS.map((s) => {
    const answered = s.questions.filter((q) => view.answers[q.id] !== undefined).length;
    return { step: s, answered, total: s.questions.length };
  });
  const answered = steps.reduce((n, s) => n + s.answered, 0);
  const total = steps.reduce((n, s) => n + s.total, 0);
  const firstOpen = steps.find((s) => s.answered < s.total);

  return (
    <div className="stack">
      <PageTitle
        title={<>Digitalcheck {view.unitName}</>}
        preline={
          <>
            Ihre Antworten als {view.roleLabel}
            {view.label ? ` (${view.label})` : ""}
          </>
        }
      />
      {query.fertig && !closed ? (
        <Alert tone="success" title="Vielen Dank! Ihre Antworten sind gespeichert." role="status">
          <Text>Sie können sie bis zum Ende der Runde über Ihren Link jederzeit ändern.</Text>
        </Alert>
      ) : null}
      {closed ? (
        <Alert tone="info" title="Die Runde ist beendet">
          <Text>
            Sie können Ihre Antworten noch lesen, aber nicht mehr ändern. Am{" "}
            {new Date(view.expiresAt!).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" })} werden sie gelöscht.
          </Text>
        </Alert>
      ) : null}
      <section aria-labelledby="worum-heading" className="stack-sm">
        <Heading level={2} id="worum-heading">
          Worum es geht
        </Heading>
        <Text>
          Ihre Verwaltung schätzt ihren Stand der Digitalisierung ein. Damit nicht eine Person allein antwortet, sind
          mehrere Kolleginnen und Kollegen eingeladen. Bitte beantworten Sie die Fragen aus Ihrer Sicht. Niemand sonst
          sieht Ihre Antworten, bis die federführende Person sie mit den anderen vergleicht; sie legt danach die
          Antworten der Verwaltung fest. Wenn Sie eine Frage nicht beantworten können, wählen Sie „{SKIP_LABEL}“.
        </Text>
        <Text size="small" muted>
          Wir speichern zu Ihnen nur die Rolle, die Bezeichnung, die die federführende Person eingegeben hat, und Ihre
          Antworten – keinen Namen und keine E-Mail-Adresse.
        </Text>
      </section>
      <section aria-labelledby="fortschritt-heading" className="stack-sm">
        <Heading level={2} id="fortschritt-heading">
          Ihr Fortschritt
        </Heading>
        <Text>
          {answered} von {total} Fragen beantwortet
          {countSkipped(view.answers) > 0 ? `, davon ${countSkipped(view.answers)} anderen überlassen` : ""}.
        </Text>
        <ProgressBar max={total} value={answered} labelledBy="fortschritt-heading" />
        <ol className="step-list">
          {steps.map(({ step, answered: a, total: t }) => (
            <li key={step.topic.id}>
              {closed ? (
                <>
                  {step.index + 1}. {step.topic.title}
                </>
              ) : (
                <Link href={colleagueStepPath(token, step.index + 1)}>
                  {step.index + 1}. {step.topic.title}
                </Link>
              )}
              <Badge tone={a === t ? "success" : a === 0 ? "info" : "warning"}>
                {a === t ? "Erledigt" : `${a} von ${t} beantwortet`}
              </Badge>
            </li>
          ))}
        </ol>
        {closed ? null : (
          <div className="button-row">
            <ButtonLink href={colleagueStepPath(token, (firstOpen?.step.index ?? 0) + 1)}>
              {answered === 0 ? "Mit der ersten Frage beginnen" : firstOpen ? "Weiter ausfüllen" : "Antworten ansehen"}
            </ButtonLink>
          </div>
        )}
      </section>
    </div>
  );
}

function countSkipped(answers: Record<string, string | string[]>): number {
  return Object.values(answers).filter((v) => v === SKIP).length;
}
