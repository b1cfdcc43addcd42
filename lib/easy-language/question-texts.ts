/**
 * What each scored question of the questionnaire means in Leichter Sprache: a name for the point, one or two
 * sentences for each answer, and the next step for a gap. Only words: every figure next to them comes from
 * the reference data (lib/easy-language/easy-result.ts). tests/unit/easy-language checks that every scored
 * question, option and recommendation of the reference has its text here.
 */
export type TEasyQuestion = {
  /** The point's name ("Akten am Computer"). */
  name: string;
  /** Single choice: what the own answer means, by option id. */
  answers?: Record<string, string>;
  /** Multi choice: each option as what money goes to ("Technik"), and the sentences around the list. */
  items?: { options: Record<string, string>; some: (list: string) => string; none: string; figure: string };
  /** The next step when the answer is a gap (the reference's recommendation). */
  step: { title: string; text: string };
  /**
   * The figure sentences where the default ones ("war das bei … so", "waren … schon weiter") would say more
   * than the answer: a self-assessment or a plan. "{n}" is "16 von 100".
   */
  figures?: { same: string; better: string };
};

/** For answers that are views or plans rather than facts. */
const ANSWER_FIGURES = {
  same: "Im Jahr 2020 gaben {n} Kommunen diese Antwort.",
  better: "Im Jahr 2020 gaben {n} Kommunen eine Antwort mit mehr Punkten.",
};

const EXPERTS = "Ihre Fach-Leute für Computer-Technik";

/** "Ein Plan für das Bezahlen im Internet fehlt auch noch." ("Weder im Einsatz noch geplant"). */
const noPlan = (what: string) => `Ein Plan für ${what} fehlt auch noch.`;

export const EASY_QUESTIONS: Record<string, TEasyQuestion> = {
  own_position: {
    name: "So sehen Sie Ihre Kommune",
    figures: {
      same: "Im Jahr 2020 sagten das {n} Kommunen.",
      better: "Im Jahr 2020 sahen sich {n} Kommunen weiter vorne.",
    },
    answers: {
      missed: "Sie sagen: Unsere Kommune ist beim Digitalen weit zurück.",
      laggard: "Sie sagen: Unsere Kommune ist beim Digitalen eher hinten.",
      pioneer: "Sie sagen: Unsere Kommune ist beim Digitalen eher vorne.",
      unknown: "Sie sind noch unsicher: Wie weit ist Ihre Kommune beim Digitalen?",
    },
    step: {
      title: "Den Digital-Check jedes Jahr machen",
      text: "Machen Sie den Digital-Check jedes Jahr. Dann sehen Sie: Was hat sich verändert? Erzählen Sie dem Rat von den Veränderungen.",
    },
  },
  pandemic_investments: {
    name: "Geld für das Digitale in der Corona-Zeit",
    items: {
      // "Technologie", "Digitalisierung von Prozessen", "… von Diensten": invested, being spent or planned.
      options: { technology: "Technik", processes: "digitale Arbeit", services: "digitale Angebote" },
      some: (list) => `Ihre Kommune hat Geld ausgegeben oder eingeplant für: ${list}.`,
      none: "Ihre Kommune hat in der Corona-Zeit kein Geld für das Digitale ausgegeben oder eingeplant.",
      figure: "Im Jahr 2020 hatten {n} Kommunen Geld für {item} ausgegeben oder eingeplant.",
    },
    step: {
      title: "Geld für das Digitale planen",
      text: "Überlegen Sie: Wofür braucht Ihre Kommune als Nächstes Geld? Für Technik wie Computer und Programme? Für digitale Arbeit in den Ämtern? Oder für digitale Angebote für die Bürger? Planen Sie für diesen Bereich Geld ein.",
    },
  },
  budget_2021: {
    name: "Geld für das Digitale im nächsten Jahr",
    figures: ANSWER_FIGURES,
    answers: {
      decrease: "Ihre Kommune plant für das nächste Jahr weniger Geld für das Digitale ein.",
      constant: "Ihre Kommune plant für das nächste Jahr gleich viel Geld für das Digitale ein.",
      increase: "Ihre Kommune plant für das nächste Jahr mehr Geld für das Digitale ein.",
      unknown: "Das Geld für das Digitale im nächsten Jahr ist noch offen. Oder Sie sind noch unsicher.",
    },
    step: {
      title: "Geld für das Digitale fest einplanen",
      text: "Planen Sie im Haushalt einen festen Teil für das Digitale ein. Fragen Sie auch die Bundes-Regierung und Ihr Bundes-Land nach Förder-Geld.",
    },
  },
  digital_strategy: {
    name: "Ein Plan für das Digitale",
    answers: {
      none_no_topic:
        "Ein Plan für das Digitale fehlt in Ihrer Kommune. Ihre Kommune spricht gerade auch nicht über so einen Plan.",
      developing_sectoral:
        "Ihre Kommune schreibt gerade einen Plan für das Digitale. Der Plan ist für einzelne Bereiche.",
      developing_central:
        "Ihre Kommune schreibt gerade einen Plan für das Digitale. Der Plan ist für die ganze Verwaltung.",
      sectoral: "Ihre Kommune hat einen Plan für das Digitale. Der Plan ist für einzelne Bereiche.",
      central: "Ihre Kommune hat einen Plan für das Digitale. Der Plan ist für die ganze Verwaltung.",
      unknown: "Sie sind noch unsicher: Hat Ihre Kommune einen Plan für das Digitale?",
    },
    step: {
      title: "Einen Plan für die ganze Verwaltung machen",
      text: "Der Plan für das Digitale soll für die ganze Verwaltung gelten. Der Rat von Ihrer Kommune soll bestimmen: Wer kümmert sich um den Plan? Schreiben Sie wenige Ziele für die nächsten 2 Jahre in den Plan. Dieser Digital-Check ist ein guter Anfang für den Plan. Prüfen Sie später: Haben Sie die Ziele erreicht?",
    },
  },
  staff_digital_skills: {
    name: "Arbeit mit Computer-Programmen",
    answers: {
      almost_none: "In Ihrer Verwaltung können fast keine Mitarbeiter gut mit Computer-Programmen arbeiten.",
      few: "In Ihrer Verwaltung können nur wenige Mitarbeiter gut mit Computer-Programmen arbeiten.",
      about_half:
        "In Ihrer Verwaltung kann ungefähr die Hälfte von den Mitarbeitern gut mit Computer-Programmen arbeiten.",
      most: "In Ihrer Verwaltung können die meisten Mitarbeiter gut mit Computer-Programmen arbeiten.",
      almost_all: "In Ihrer Verwaltung können fast alle Mitarbeiter gut mit Computer-Programmen arbeiten.",
      unknown: "Sie sind noch unsicher: Wie viele Mitarbeiter können gut mit Computer-Programmen arbeiten?",
    },
    step: {
      title: "Die Mitarbeiter schulen",
      text: "Planen Sie feste Zeiten für Schulungen ein. Bestimmen Sie in jedem Amt eine Person für Fragen zu Computer-Programmen.",
    },
  },
  e_invoice: {
    name: "E-Rechnungen",
    answers: {
      in_use: "Ihre Verwaltung bekommt schon E-Rechnungen.",
      planned: "Ihre Verwaltung spricht über E-Rechnungen oder plant sie schon.",
      neither: `E-Rechnungen fehlen bei Ihrer Verwaltung. ${noPlan("E-Rechnungen")}`,
    },
    step: {
      title: "E-Rechnungen annehmen",
      text: `Ihre Verwaltung muss E-Rechnungen annehmen können. Das sagt ein Gesetz. Fragen Sie ${EXPERTS} nach einer Lösung.`,
    },
  },
  e_file: {
    name: "Akten am Computer",
    answers: {
      in_use: "Ihre Verwaltung führt die Akten schon am Computer.",
      planned: "Ihre Verwaltung spricht über Akten am Computer oder plant sie schon.",
      neither: `Ihre Verwaltung führt die Akten auf Papier. ${noPlan("Akten am Computer")}`,
    },
    step: {
      title: "Akten am Computer einführen",
      text: `Akten am Computer helfen bei Anträgen im Internet. Auch die Arbeit von zu Hause geht dann leichter. Fangen Sie mit einem Bereich an. Fragen Sie ${EXPERTS} oder Ihr Bundes-Land nach einem passenden Programm.`,
    },
  },
  e_payment: {
    name: "Bezahlen im Internet",
    answers: {
      in_use: "Menschen können bei Ihrer Verwaltung schon im Internet bezahlen.",
      planned: "Ihre Verwaltung spricht über das Bezahlen im Internet oder plant es schon.",
      neither: `Bezahlen im Internet fehlt bei Ihrer Verwaltung. ${noPlan("das Bezahlen im Internet")}`,
    },
    step: {
      title: "Bezahlen im Internet möglich machen",
      text: `Zu einem Antrag im Internet gehört oft auch das Bezahlen im Internet. Fragen Sie ${EXPERTS} nach einer Lösung zum Bezahlen.`,
    },
  },
  online_applications: {
    name: "Anträge im Internet",
    answers: {
      in_use: "Menschen können bei Ihrer Verwaltung schon Anträge im Internet stellen.",
      planned: "Ihre Verwaltung spricht über Anträge im Internet oder plant sie schon.",
      neither: `Anträge im Internet fehlen bei Ihrer Verwaltung. ${noPlan("Anträge im Internet")}`,
    },
    step: {
      title: "Anträge im Internet anbieten",
      // The Onlinezugangsgesetz obliges the federation and the states, and through the states the municipalities.
      text: "Ein Gesetz sagt: Die Verwaltung muss viele Anträge auch im Internet anbieten. Das gilt auch für Ihre Kommune. Fangen Sie mit den häufigsten Anträgen an. Ihr Bundes-Land hat oft schon fertige Lösungen.",
    },
  },
  online_portal: {
    name: "Ein Verwaltungs-Portal",
    answers: {
      in_use: "Ihre Kommune hat schon ein Verwaltungs-Portal.",
      planned: "Ihre Kommune spricht über ein Verwaltungs-Portal oder plant es schon.",
      neither: `Ein Verwaltungs-Portal fehlt bei Ihrer Kommune. ${noPlan("ein Verwaltungs-Portal")}`,
    },
    step: {
      title: "Das Verwaltungs-Portal von Ihrem Bundes-Land nutzen",
      text: "Viele Bundes-Länder haben schon ein fertiges Verwaltungs-Portal für ihre Kommunen. Fragen Sie Ihr Bundes-Land nach so einem Verwaltungs-Portal. Dann braucht Ihre Kommune meistens kein eigenes Verwaltungs-Portal.",
    },
  },
  citizen_app: {
    name: "Eine Bürger-App",
    answers: {
      in_use: "Ihre Kommune hat schon eine Bürger-App.",
      planned: "Ihre Kommune spricht über eine Bürger-App oder plant sie schon.",
      neither: `Eine Bürger-App fehlt bei Ihrer Kommune. ${noPlan("eine Bürger-App")}`,
    },
    step: {
      title: "Über eine Bürger-App nachdenken",
      text: "Bieten Sie zuerst Anträge im Internet und ein Verwaltungs-Portal an. Eine Bürger-App ist erst der nächste Schritt.",
    },
  },
  home_office_today: {
    name: "Arbeit von zu Hause",
    answers: {
      excluded: "In Ihrer Verwaltung arbeiten alle Mitarbeiter nur im Büro.",
      offered: "Ein Teil von den Mitarbeitern kann in Ihrer Verwaltung auch von zu Hause arbeiten.",
    },
    step: {
      title: "Arbeit von zu Hause möglich machen",
      text: "Manche Arbeit geht auch von zu Hause. Die Mitarbeiter brauchen für die Arbeit von zu Hause Geräte zum Mitnehmen. Und sie brauchen einen sicheren Zugang zu den Computern von der Verwaltung. Schreiben Sie Regeln für die Arbeit von zu Hause auf.",
    },
  },
  home_office_future: {
    name: "Arbeit von zu Hause nach der Corona-Zeit",
    figures: ANSWER_FIGURES,
    // Plans, not facts: "Wie wollen Sie Homeoffice nach der Pandemie handhaben?"
    answers: {
      none: "Sie wollen nach der Corona-Zeit: Alle Mitarbeiter arbeiten nur im Büro.",
      keep: "Sie wollen nach der Corona-Zeit die bisherigen Regeln behalten.",
      more: "Sie wollen nach der Corona-Zeit mehr Arbeit von zu Hause möglich machen. Oder Sie wollen die Regeln lockerer machen.",
      unknown: "Ihre Pläne für die Zeit nach Corona sind noch offen.",
    },
    step: {
      title: "Regeln für die Arbeit nach der Corona-Zeit festlegen",
      text: "Legen Sie fest: Wer darf wie oft von zu Hause arbeiten? Wir glauben: Klare Regeln helfen auch bei der Suche nach neuen Mitarbeitern.",
    },
  },
};
