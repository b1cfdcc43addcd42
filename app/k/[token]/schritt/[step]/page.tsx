import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { colleaguePath, colleagueStepPath } from "@/lib/assessment/paths";
import { STEPS } from "@/lib/survey/reference";
import { StepProgress } from "@/components/kern/progress";
import { StepForm } from "@/components/questionnaire/step-form";
import { FontPreload } from "@/components/font-preload";
import { PageTitle } from "@/components/kern/typography";
import { toFormAnswers, withSkipOption } from "@/lib/colleagues/skip-option";
import { colleagueAutosaveAction, colleagueCurrentAnswersAction, colleagueSaveStepAction } from "../../actions";
import { loadColleagueForPage } from "../../load-colleague";

export const metadata: Metadata = { title: "Fragebogen", robots: { index: false } };

type TProps = { params: Promise<{ token: string; step: string }> };

/** A colleague's step: the lead's step form with one more answer per question and their own save target. */
export default async function ColleagueStepPage({ params }: TProps) {
  const { token, step: raw } = await params;
  const stepNumber = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  const step = STEPS[stepNumber - 1];
  const found = await loadColleagueForPage(token);
  if (!found.ok) return found.page;
  const view = found.value;
  if (!step) notFound();
  if (view.status === "closed") redirect(colleaguePath(token));
  const questions = withSkipOption(step.questions);

  return (
    <div className="stack">
      <FontPreload face="Medium" />
      <StepProgress current={stepNumber} total={STEPS.length} label={`${view.unitName} – ${view.roleLabel}`} />
      <PageTitle title={<>{step.topic.title}</>} subline={<>{step.topic.intro}</>} />
      <StepForm
        key={step.topic.id}
        token={token}
        questions={questions}
        initialAnswers={toFormAnswers(questions, view.answers)}
        initialVersion={view.version}
        backHref={stepNumber > 1 ? colleagueStepPath(token, stepNumber - 1) : colleaguePath(token)}
        nextHref={
          stepNumber < STEPS.length ? colleagueStepPath(token, stepNumber + 1) : `${colleaguePath(token)}?fertig=1`
        }
        overviewHref={colleaguePath(token)}
        isLastStep={stepNumber === STEPS.length}
        lastStepLabel="Fertig"
        autosave={colleagueAutosaveAction}
        loadCurrent={colleagueCurrentAnswersAction}
        saveStep={colleagueSaveStepAction.bind(null, token, stepNumber - 1)}
      />
    </div>
  );
}
