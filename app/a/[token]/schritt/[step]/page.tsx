import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { editPath, reviewPath, stepPath } from "@/lib/assessment/paths";
import { STEPS, TOTAL_STEPS } from "@/lib/survey/reference";
import { StepProgress } from "@/components/kern/progress";
import { StepForm } from "@/components/questionnaire/step-form";
import { autosaveAnswersAction, currentAnswersAction, saveStepAction } from "../../actions";
import { FontPreload } from "@/components/font-preload";
import { loadAssessmentForPage } from "../../load-for-page";
import { PageTitle } from "@/components/kern/typography";
import { carriedOverFor } from "@/lib/assessment/carried-over-for";

export const metadata: Metadata = { title: "Fragebogen", robots: { index: false } };

type TProps = { params: Promise<{ token: string; step: string }> };

export default async function StepPage({ params }: TProps) {
  const { token, step: raw } = await params;
  const stepNumber = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  const step = STEPS[stepNumber - 1];
  const found = await loadAssessmentForPage(token);
  if (!found.ok) return found.page;
  const assessment = found.value;
  if (!step) notFound();
  if (assessment.status === "submitted") redirect(editPath(token));
  const carriedOver = await carriedOverFor(assessment);

  return (
    <div className="stack">
      {/* The topic's introduction (kern-subline) is set in Medium. */}
      <FontPreload face="Medium" />
      <StepProgress current={stepNumber} total={TOTAL_STEPS} label={assessment.municipality.name} />
      <PageTitle title={<>{step.topic.title}</>} subline={<>{step.topic.intro}</>} />
      <StepForm
        // A new key per step resets the form state when navigating between steps.
        key={step.topic.id}
        token={token}
        questions={step.questions}
        initialAnswers={assessment.answers}
        initialVersion={assessment.version}
        backHref={stepNumber > 1 ? stepPath(token, stepNumber - 1) : editPath(token)}
        nextHref={stepNumber < STEPS.length ? stepPath(token, stepNumber + 1) : reviewPath(token)}
        overviewHref={editPath(token)}
        isLastStep={stepNumber === STEPS.length}
        autosave={autosaveAnswersAction}
        loadCurrent={currentAnswersAction}
        saveStep={saveStepAction.bind(null, token, stepNumber - 1)}
        carriedOver={carriedOver ?? undefined}
      />
    </div>
  );
}
