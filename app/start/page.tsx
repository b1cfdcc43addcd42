import type { Metadata } from "next";
import { ProfileForm } from "@/components/profile/profile-form";
import { createAssessmentAction, openExistingAction } from "./actions";
import { getRegister } from "@/lib/municipalities/register";
import { PageTitle, Text } from "@/components/kern/typography";

export const metadata: Metadata = { title: "Angaben zur Kommune" };

export const dynamic = "force-dynamic";

export default function StartPage() {
  const { gebietsstand, populationDate, source } = getRegister();
  return (
    <div className="stack">
      <PageTitle title="Angaben zur Kommune" preline="Bevor es losgeht" />
      <Text>
        Mit diesen Angaben ordnen wir Ihre Antworten ein: Bundesland und Größenklasse bestimmen, mit welchen Kommunen
        Sie sich vergleichen. Haben Sie einen Teilnahmecode aus Ihrem Einladungsbrief, genügen der Code und Ihre
        Funktion. Sonst wählen Sie Ihre Kommune oder Verwaltung aus der Liste oder tragen Name, Bundesland und
        Einwohnerzahl selbst ein; der Amtliche Schlüssel ist freiwillig.
      </Text>
      <ProfileForm
        action={createAssessmentAction}
        openExisting={openExistingAction}
        register={{ gebietsstand, populationDate, source }}
      />
    </div>
  );
}
