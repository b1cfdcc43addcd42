import type { Metadata } from "next";
import { resultsPath } from "@/lib/assessment/paths";
import { getTargets } from "@/lib/assessment/get-targets";
import { isTargetMet, targetOptions, targetQuestions } from "@/lib/benchmark/targets";
import { TARGET_YEARS_AHEAD } from "@/lib/benchmark/target-limits";
import { answerLabel, shortName } from "@/lib/benchmark/year-over-year";
import { reference } from "@/lib/survey/reference";
import { TargetsForm, type TTargetQuestion } from "@/components/results/targets-form";
import { PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { loadAssessmentForPage } from "../load-for-page";
import { saveTargetsAction } from "../actions";
import { berlinYear } from "@/lib/format/calendar";

export const metadata: Metadata = { title: "Ziele und Maßnahmenplan", robots: { index: false } };

type TProps = { params: Promise<{ token: string }> };

export default async function TargetsPage({ params }: TProps) {
  const { token } = await params;
  const found = await loadAssessmentForPage(token);
  if (!found.ok) return found.page;
  const assessment = found.value;
  const targets = await getTargets(assessment.id);
  const thisYear = berlinYear();
  const questions: TTargetQuestion[] = targetQuestions(reference).map((q) => {
    const answer = assessment.answers[q.id];
    const t = targets[q.id];
    return {
      id: q.id,
      name: shortName(q),
      text: q.text,
      today: answerLabel(q, answer),
      options: targetOptions(q, answer).map((o) => ({ value: o.id, label: o.label })),
      current: t
        ? {
            option: t.option,
            optionLabel: q.options.find((o) => o.id === t.option)?.label ?? t.option,
            year: t.year,
            responsible: t.responsible,
            met: isTargetMet(q, answer, t),
          }
        : null,
    };
  });
  return (
    <div className="stack">
      <PageTitle title={<>Ziele und Maßnahmenplan</>} preline={<>Digitalcheck {assessment.municipality.name}</>} />
      <Text>
        Legen Sie für die Fragen, bei denen Sie vorankommen möchten, ein Ziel fest: welche Antwort Sie geben möchten,
        bis wann und wer dafür verantwortlich ist. Fragen ohne Ziel lassen Sie auf „kein Ziel“. Aus den Zielen entsteht
        Ihr Maßnahmenplan im Ergebnis und im PDF-Bericht; bei der nächsten Selbsteinschätzung sehen Sie, welche Ziele
        Sie erreicht haben.
      </Text>
      <TargetsForm
        questions={questions}
        version={assessment.version}
        years={Array.from({ length: TARGET_YEARS_AHEAD + 1 }, (_, i) => thisYear + i)}
        save={saveTargetsAction.bind(null, token)}
      />
      <Text>
        <Link href={resultsPath(token)}>Zurück zum Ergebnis</Link>
      </Text>
    </div>
  );
}
