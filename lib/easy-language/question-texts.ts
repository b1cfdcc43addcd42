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
};

const NO_PLAN = "Ein Plan dafür fehlt auch noch.";

export const EASY_QUESTIONS: Record<string, TEasyQuestion> = {
  own_position: {
    name: "Ihre eigene Einschätzung",
    answers: {
      missed: "Sie sagen: Unsere Kommune ist beim Digitalen weit zurück.",
      laggard: "Sie sagen: Unsere Kommune ist beim Digitalen eher langsam.",
      pioneer: "Sie sagen: Unsere Kommune ist beim Digitalen eher schnell.",
      unknown: "Sie sind noch unsicher: Wie weit ist Ihre Kommune beim Digitalen?",
    },
    step: {
      title: "Den Digital-Check jedes Jahr machen",
      text: "Machen Sie den Digital-Check jedes Jahr. Dann sehen Sie: Was ist besser geworden? Erzählen Sie dem Rat von Ihrer Kommune davon.",
    },
  },
  pandemic_investments: {
    name: "Geld für das Digitale in der Corona-Zeit",
    items: {
      options: { technology: "Technik", processes: "digitale Arbeits-Abläufe", services: "digitale Angebote" },
      some: (list) => `Ihre Kommune gibt Geld aus für: ${list}.`,
      none: "Ihre Kommune hat in der Corona-Zeit wenig Geld für das Digitale ausgegeben.",
      figure: "Im Jahr 2020 gaben {n} von 100 Kommunen Geld für {item} aus.",
    },
    step: {
      title: "Geld für das Digitale planen",
      text: "Überlegen Sie: Wofür braucht Ihre Kommune als Nächstes Geld? Für Technik, für digitale Arbeits-Abläufe oder für digitale Angebote? Planen Sie dafür Geld ein.",
    },
  },
  budget_2021: {
    name: "Geld für das Digitale im nächsten Jahr",
    answers: {
      decrease: "Ihre Kommune gibt im nächsten Jahr weniger Geld für das Digitale aus.",
      constant: "Ihre Kommune gibt im nächsten Jahr gleich viel Geld für das Digitale aus.",
      increase: "Ihre Kommune gibt im nächsten Jahr mehr Geld für das Digitale aus.",
      unknown: "Sie sind noch unsicher: Wie viel Geld gibt es im nächsten Jahr für das Digitale?",
    },
    step: {
      title: "Geld für das Digitale fest einplanen",
      text: "Planen Sie im Haushalt eigenes Geld für das Digitale ein. Der Haushalt ist der Plan für das Geld von Ihrer Kommune. Fragen Sie auch beim Bund und beim Land nach Förder-Geld.",
    },
  },
  digital_strategy: {
    name: "Ein Plan für das Digitale",
    answers: {
      none_no_topic: "Ein Plan für das Digitale fehlt in Ihrer Kommune. Und er ist bei Ihnen gerade kein Thema.",
      developing_sectoral:
        "Ihre Kommune schreibt gerade einen Plan für das Digitale. Der Plan ist für einzelne Bereiche.",
      developing_central:
        "Ihre Kommune schreibt gerade einen Plan für das Digitale. Der Plan ist für die ganze Verwaltung.",
      sectoral: "Ihre Kommune hat einen Plan für das Digitale. Der Plan ist für einzelne Bereiche.",
      central: "Ihre Kommune hat einen Plan für das Digitale. Der Plan ist für die ganze Verwaltung.",
      unknown: "Sie sind noch unsicher: Hat Ihre Kommune einen Plan für das Digitale?",
    },
    step: {
      title: "Einen Plan für das Digitale machen",
      text: "Der Rat von Ihrer Kommune soll bestimmen: Wer kümmert sich um den Plan? Schreiben Sie wenige Ziele für die nächsten 2 Jahre in den Plan. Prüfen Sie später: Haben Sie die Ziele erreicht?",
    },
  },
  staff_digital_skills: {
    name: "Arbeit mit Computer-Programmen",
    answers: {
      almost_none: "In Ihrer Verwaltung können sehr wenige Mitarbeiter gut mit Computer-Programmen arbeiten.",
      few: "In Ihrer Verwaltung können nur wenige Mitarbeiter gut mit Computer-Programmen arbeiten.",
      about_half: "In Ihrer Verwaltung kann ungefähr die Hälfte der Mitarbeiter gut mit Computer-Programmen arbeiten.",
      most: "In Ihrer Verwaltung können die meisten Mitarbeiter gut mit Computer-Programmen arbeiten.",
      almost_all: "In Ihrer Verwaltung können fast alle Mitarbeiter gut mit Computer-Programmen arbeiten.",
      unknown: "Sie sind noch unsicher: Wie gut können Ihre Mitarbeiter mit Computer-Programmen arbeiten?",
    },
    step: {
      title: "Die Mitarbeiter schulen",
      text: "Planen Sie feste Zeiten für Schulungen ein. Eine Schulung ist ein Kurs zum Lernen. Bestimmen Sie in jedem Amt eine Person für Fragen zu Computer-Programmen.",
    },
  },
  e_invoice: {
    name: "Rechnungen als Datei",
    answers: {
      in_use: "Ihre Verwaltung bekommt Rechnungen schon als Datei am Computer.",
      planned: "Ihre Verwaltung plant: Rechnungen kommen als Datei am Computer.",
      neither: "Ihre Verwaltung bekommt Rechnungen auf Papier. Ein Plan für Rechnungen als Datei fehlt noch.",
    },
    step: {
      title: "Rechnungen als Datei annehmen",
      text: "Ihre Verwaltung muss Rechnungen als Datei annehmen können. Das sagt ein Gesetz. Fragen Sie Ihre Firma für die Computer-Technik nach einer Lösung.",
    },
  },
  e_file: {
    name: "Akten am Computer",
    answers: {
      in_use: "Ihre Verwaltung führt die Akten schon am Computer.",
      planned: "Ihre Verwaltung plant Akten am Computer.",
      neither: "Ihre Verwaltung führt die Akten auf Papier. Ein Plan für Akten am Computer fehlt noch.",
    },
    step: {
      title: "Akten am Computer einführen",
      text: "Mit Akten am Computer geht vieles schneller. Auch die Arbeit von zu Hause geht dann leichter. Fangen Sie mit einem Bereich an. Fragen Sie Ihr Land nach einem passenden Programm.",
    },
  },
  e_payment: {
    name: "Bezahlen im Internet",
    answers: {
      in_use: "Menschen können bei Ihrer Verwaltung schon im Internet bezahlen.",
      planned: "Ihre Verwaltung plant das Bezahlen im Internet.",
      neither: `Bezahlen im Internet fehlt bei Ihrer Verwaltung. ${NO_PLAN}`,
    },
    step: {
      title: "Bezahlen im Internet möglich machen",
      text: "Zu einem Antrag im Internet gehört oft auch das Bezahlen im Internet. Fragen Sie Ihre Firma für die Computer-Technik nach einer Lösung zum Bezahlen.",
    },
  },
  online_applications: {
    name: "Anträge im Internet",
    answers: {
      in_use: "Menschen können bei Ihrer Verwaltung schon Anträge im Internet stellen.",
      planned: "Ihre Verwaltung plant Anträge im Internet.",
      neither: `Anträge im Internet fehlen bei Ihrer Verwaltung. ${NO_PLAN}`,
    },
    step: {
      title: "Anträge im Internet anbieten",
      text: "Ein Gesetz sagt: Viele Anträge sollen auch im Internet gehen. Fangen Sie mit den Anträgen an, die viele Menschen stellen. Ihr Land hat dafür oft schon fertige Lösungen.",
    },
  },
  online_portal: {
    name: "Ein Verwaltungs-Portal",
    answers: {
      in_use: "Ihre Kommune hat schon ein Verwaltungs-Portal im Internet.",
      planned: "Ihre Kommune plant ein Verwaltungs-Portal im Internet.",
      neither: `Ein Verwaltungs-Portal fehlt bei Ihrer Kommune. ${NO_PLAN}`,
    },
    step: {
      title: "Ein Verwaltungs-Portal anbinden",
      text: "Ein Verwaltungs-Portal ist eine Internet-Seite mit vielen Angeboten von der Verwaltung. Viele Länder haben schon ein fertiges Portal für ihre Kommunen. Fragen Sie Ihr Land danach.",
    },
  },
  citizen_app: {
    name: "Eine Bürger-App",
    answers: {
      in_use: "Ihre Kommune hat schon eine Bürger-App. Das ist ein Programm für das Handy.",
      planned: "Ihre Kommune plant eine Bürger-App. Das ist ein Programm für das Handy.",
      neither: `Eine Bürger-App fehlt bei Ihrer Kommune. ${NO_PLAN}`,
    },
    step: {
      title: "Über eine Bürger-App nachdenken",
      text: "Eine Bürger-App ist ein Programm für das Handy. Eine Bürger-App ist vor allem dann sinnvoll: Anträge und Portal im Internet laufen schon.",
    },
  },
  home_office_today: {
    name: "Arbeit von zu Hause",
    answers: {
      excluded: "In Ihrer Verwaltung arbeiten alle Mitarbeiter nur im Büro.",
      offered: "Ein Teil der Mitarbeiter kann in Ihrer Verwaltung auch von zu Hause arbeiten.",
    },
    step: {
      title: "Arbeit von zu Hause möglich machen",
      text: "Manche Arbeit geht auch von zu Hause. Dafür brauchen die Mitarbeiter Geräte zum Mitnehmen. Und sie brauchen einen sicheren Zugang zu den Computern der Verwaltung. Schreiben Sie Regeln für die Arbeit von zu Hause auf.",
    },
  },
  home_office_future: {
    name: "Arbeit von zu Hause nach der Corona-Zeit",
    answers: {
      none: "Nach der Corona-Zeit sollen bei Ihnen alle Mitarbeiter im Büro arbeiten.",
      keep: "Nach der Corona-Zeit bleiben bei Ihnen die alten Regeln für die Arbeit von zu Hause.",
      more: "Nach der Corona-Zeit soll es bei Ihnen mehr Arbeit von zu Hause geben.",
      unknown: "Ihre Regeln für die Arbeit von zu Hause nach der Corona-Zeit sind noch offen.",
    },
    step: {
      title: "Regeln für die Arbeit nach der Corona-Zeit festlegen",
      text: "Legen Sie fest: Wer darf wie oft von zu Hause arbeiten? Klare Regeln helfen auch bei der Suche nach neuen Mitarbeitern.",
    },
  },
};
