import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { computeProgress } from "@/lib/assessment/progress";
import { editPath, questionPath, stepPath } from "@/lib/assessment/paths";
import { getQuestion, getStepOfQuestion, STEPS, TOTAL_STEPS } from "@/lib/survey/reference";
import { StepProgress } from "@/components/kern/progress";
import { Alert } from "@/components/kern/alert";
import { AnswerSummary } from "@/components/questionnaire/answer-summary";
import { SubmitForm } from "@/components/questionnaire/submit-form";
import { submitAction } from "../actions";
import { loadAssessmentForPage } from "../load-for-page";
import { Heading, List, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";

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
    open.map((id) => [id, { text: getQuestion(id)!.text, href: questionPath(token, getStepOfQuestion(id) + 1, id) }]),
  );

  return (
    <div className="stack">
      <StepProgress current={TOTAL_STEPS} total={TOTAL_STEPS} label={assessment.municipality.name} />
      <Heading level={1}>Prüfen und absenden</Heading>
      {open.length > 0 ? (
        <Alert tone="warning" title={`Noch ${open.length} ${open.length === 1 ? "Frage" : "Fragen"} offen`}>
          <Text>Bitte beantworten Sie diese Fragen, bevor Sie absenden:</Text>
          <List kind="plain">
            {open.map((id) => (
              <li key={id} id={`offen-${id}`}>
                <Link href={questionTexts[id]!.href}>{questionTexts[id]!.text}</Link>
              </li>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert tone="success" title="Alle Fragen sind beantwortet">
          <Text>Prüfen Sie Ihre Antworten und senden Sie die Selbsteinschätzung dann ab.</Text>
        </Alert>
      )}
      <AnswerSummary answers={assessment.answers} token={token} editable />
      <SubmitForm action={submitAction.bind(null, token)} questionTexts={questionTexts} />
      <Text>
        <Link href={stepPath(token, STEPS.length)}>Zurück zum letzten Schritt</Link>
      </Text>
    </div>
  );
}
