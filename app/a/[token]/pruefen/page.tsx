import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { redirect } from "next/navigation";
import { computeProgress } from "@/lib/assessment/progress";
import { editPath, stepPath } from "@/lib/assessment/paths";
import { getQuestion, getStepOfQuestion, STEPS, TOTAL_STEPS } from "@/lib/survey/reference";
import { StepProgress } from "@/components/kern/progress";
import { Alert } from "@/components/kern/alert";
import { AnswerSummary } from "@/components/questionnaire/answer-summary";
import { SubmitForm } from "@/components/questionnaire/submit-form";
import { submitAction } from "../actions";
import { loadAssessmentForPage } from "../load-for-page";

export const metadata: Metadata = { title: "Prüfen und absenden", robots: { index: false } };

type TProps = { params: Promise<{ token: string }> };

export default async function ReviewPage({ params }: TProps) {
  const { token } = await params;
  const found = await loadAssessmentForPage(token);
  if (!found.ok) return found.page;
  const assessment = found.value;
  if (assessment.status === "submitted") redirect(editPath(token));
  const progress = computeProgress(assessment.answers);
  const open = progress.steps.flatMap((s) => s.open);
  const questionTexts = Object.fromEntries(
    open.map((id) => [id, { text: getQuestion(id)!.text, href: stepPath(token, getStepOfQuestion(id) + 1) }]),
  );

  return (
    <div className="stack">
      <StepProgress current={TOTAL_STEPS} total={TOTAL_STEPS} label={assessment.municipality.name} />
      <h1 className="kern-heading-large">Prüfen und absenden</h1>
      {open.length > 0 ? (
        <Alert tone="warning" title={`Noch ${open.length} ${open.length === 1 ? "Frage" : "Fragen"} offen`}>
          <p className="kern-body">Bitte beantworten Sie diese Fragen, bevor Sie absenden:</p>
          <ul className="kern-list">
            {open.map((id) => (
              <li key={id} id={`offen-${id}`}>
                <AppLink className="kern-link" href={questionTexts[id]!.href}>
                  {questionTexts[id]!.text}
                </AppLink>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success" title="Alle Fragen sind beantwortet">
          <p className="kern-body">Prüfen Sie Ihre Antworten und senden Sie die Selbsteinschätzung dann ab.</p>
        </Alert>
      )}
      <AnswerSummary answers={assessment.answers} token={token} editable />
      <SubmitForm action={submitAction.bind(null, token)} questionTexts={questionTexts} />
      <p className="kern-body">
        <AppLink className="kern-link" href={stepPath(token, STEPS.length)}>
          Zurück zum letzten Schritt
        </AppLink>
      </p>
    </div>
  );
}
