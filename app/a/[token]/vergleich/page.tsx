import { getEnv } from "@/lib/env";
import { unitTitle } from "@/lib/municipalities/unit-text";
import type { Metadata } from "next";
import { getPeerView } from "@/lib/peer-pool/get-peer-view";
import { computeIndex } from "@/lib/benchmark/scoring";
import { reference } from "@/lib/survey/reference";
import { resultsPath } from "@/lib/assessment/paths";
import { Alert } from "@/components/kern/alert";
import { PeerFilterForm } from "@/components/peers/peer-filter-form";
import { PeerComparison } from "@/components/peers/peer-comparison";
import { PeerExportLinks } from "@/components/peers/peer-export-links";
import { loadAssessmentForPage } from "../load-for-page";
import { Link } from "@/components/kern/link";
import { PageTitle, Text } from "@/components/kern/typography";
import { describeError } from "@/lib/errors";

export const metadata: Metadata = { title: "Vergleich mit anderen Kommunen", robots: { index: false } };

type TProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The peer view from a results page: own state and size class by default, with the own answers. */
export default async function OwnPeersPage({ params, searchParams }: TProps) {
  const { token } = await params;
  const query = await searchParams;
  const found = await loadAssessmentForPage(token);
  if (!found.ok) return found.page;
  const assessment = found.value;
  const { municipality: m } = assessment;
  const chosen =
    "state" in query || "sizeClass" in query
      ? { state: query.state, sizeClass: query.sizeClass }
      : { state: m.state, sizeClass: m.sizeClass };
  const ownIndex = computeIndex(reference, assessment.answers).score;
  const result = await getPeerView(chosen, { ...assessment, indexScore: ownIndex });
  const action = `/a/${token}/vergleich`;
  return (
    <div className="stack">
      <PageTitle title={<>{unitTitle(m)} im Vergleich mit anderen Kommunen</>} preline="Vergleichsgruppe wählen" />
      {result.ok ? (
        <>
          <PeerFilterForm
            action={action}
            state={result.value.filters.state}
            sizeClass={result.value.filters.sizeClass}
          />
          <PeerExportLinks filters={result.value.filters} />
          <PeerComparison
            view={result.value}
            ownAnswers={assessment.answers}
            ownIndex={ownIndex}
            ownStanding={{
              verified: assessment.verified || assessment.isDemo,
              submitted: assessment.status === "submitted",
              verificationRequired: getEnv().PEERS_MODE === "verified",
            }}
          />
        </>
      ) : (
        <>
          <Alert tone="danger" title="Diese Auswahl gibt es nicht" role="alert">
            <Text>{describeError(result.error)}</Text>
          </Alert>
          <PeerFilterForm action={action} state={m.state} sizeClass={m.sizeClass} />
        </>
      )}
      <Text>
        <Link href={resultsPath(token)}>Zurück zum Ergebnis</Link>
      </Text>
    </div>
  );
}
