import type { Metadata } from "next";
import { getPeerView } from "@/lib/peer-pool/get-peer-view";
import { Alert } from "@/components/kern/alert";
import { PeerFilterForm } from "@/components/peers/peer-filter-form";
import { PeerComparison } from "@/components/peers/peer-comparison";
import { PeerExportLinks } from "@/components/peers/peer-export-links";
import { PageTitle, Text } from "@/components/kern/typography";
import { describeError } from "@/lib/errors";

export const metadata: Metadata = { title: "Vergleich mit anderen Kommunen" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeersPage({ searchParams }: TProps) {
  const query = await searchParams;
  const result = await getPeerView({ state: query.state, sizeClass: query.sizeClass });
  return (
    <div className="stack">
      <PageTitle title="Vergleich mit anderen Kommunen" preline="Für Digitalisierungsverantwortliche" />
      <Text>
        Wie antworten Kommunen wie Ihre heute? Hier sehen Sie die zusammengefassten Antworten aller Kommunen, die auf
        dieser Plattform eine Selbsteinschätzung abgeschlossen haben, neben den bundesweiten Ergebnissen von 2020.
        Einzelne Antworten einer Kommune zeigen wir nie.
      </Text>
      {result.ok ? (
        <>
          <PeerFilterForm
            action="/vergleich"
            state={result.value.filters.state}
            sizeClass={result.value.filters.sizeClass}
          />
          <PeerExportLinks filters={result.value.filters} />
          <PeerComparison view={result.value} />
        </>
      ) : (
        <>
          <Alert tone="danger" title="Diese Auswahl gibt es nicht" role="alert">
            <Text>{describeError(result.error)}</Text>
          </Alert>
          <PeerFilterForm action="/vergleich" state={null} sizeClass={null} />
        </>
      )}
    </div>
  );
}
