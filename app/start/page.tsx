import type { Metadata } from "next";
import { ProfileForm } from "@/components/profile/profile-form";
import { createAssessmentAction } from "./actions";
import { getRegister } from "@/lib/municipalities/register";

export const metadata: Metadata = { title: "Angaben zur Kommune" };

export const dynamic = "force-dynamic";

export default function StartPage() {
  const { gebietsstand, populationDate, source } = getRegister();
  return (
    <div className="stack">
      <hgroup className="kern-hgroup">
        <h1 className="kern-heading-large">Angaben zur Kommune</h1>
        <p className="kern-preline">Bevor es losgeht</p>
      </hgroup>
      <p className="kern-body">
        Mit diesen Angaben ordnen wir Ihre Antworten ein: Bundesland und Größenklasse bestimmen, mit welchen Kommunen
        Sie sich vergleichen. Alle Felder außer dem AGS sind Pflichtfelder.
      </p>
      <ProfileForm action={createAssessmentAction} register={{ gebietsstand, populationDate, source }} />
    </div>
  );
}
