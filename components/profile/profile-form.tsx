"use client";

import { useActionState, useRef, startTransition, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  ZCreateAssessmentRequest,
  RESPONDENT_ROLES,
  type TCreateAssessmentRequest,
} from "@/lib/profile/profile-schema";
import { PROFILE_FIELDS, parsePopulationInput } from "@/lib/profile/profile-form";
import { STATES } from "@/lib/profile/states";
import { deriveSizeClass, getSizeClass } from "@/lib/profile/size-class";
import { TextField } from "@/components/kern/text-field";
import { SelectField } from "@/components/kern/select-field";
import { ChoiceGroup } from "@/components/kern/choice-group";
import { ErrorSummary } from "@/components/kern/error-summary";
import type { TProfileActionState, TUnitChoice } from "./form-state";
import { MunicipalityCombobox, type TMunicipalityOption } from "./municipality-combobox";
import { ExistingAssessment } from "./existing-assessment";
import { withArticle } from "@/lib/municipalities/units";
import { Text } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";
import { formatNumber } from "@/lib/format/number";

type TRegisterInfo = { gebietsstand: string; populationDate: string; source: string };

type TProps = {
  action: (prev: TProfileActionState, form: FormData) => Promise<TProfileActionState>;
  openExisting: (prev: TProfileActionState, form: FormData) => Promise<TProfileActionState>;
  register: TRegisterInfo;
};

const formatIsoDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });

const FIELD_IDS: Record<string, string> = {
  [PROFILE_FIELDS.code]: "code",
  [PROFILE_FIELDS.name]: "name",
  [PROFILE_FIELDS.unitChoice]: "unit-choice",
  [PROFILE_FIELDS.state]: "state",
  [PROFILE_FIELDS.population]: "population",
  [PROFILE_FIELDS.key]: "key",
  [PROFILE_FIELDS.role]: "role",
};

/** The member Gemeinde picked and its administration, as the choice between the two offers them. */
function choiceOf(option: TMunicipalityOption): TUnitChoice | null {
  if (!option.administration || option.kind !== "gemeinde") return null;
  return {
    gemeinde: { key: option.key, name: option.nameShort ?? option.name, population: option.population },
    verwaltung: {
      key: option.administration.key,
      name: option.administration.name,
      members: option.administration.members,
      population: option.administration.population,
    },
  };
}

/**
 * The unit profile. Posts to a server action (works without JavaScript); with JavaScript, react-hook-form
 * validates with the same zod schema first. A Gemeinde whose Verband runs its administration (an Amt, a
 * Verbandsgemeinde …) asks whom the respondent answers for and recommends the administration
 * (docs/adr/0013-administrations-as-units.md); without JavaScript the server asks the same after posting.
 */
export function ProfileForm({ action, openExisting, register: registerInfo }: TProps) {
  const [picked, setPicked] = useState<TMunicipalityOption | null>(null);
  const [state, formAction, pending] = useActionState(action, { errors: {} });
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? {};
  const choice = (picked ? choiceOf(picked) : null) ?? state.choice ?? null;
  const [answerFor, setAnswerFor] = useState<"verwaltung" | "gemeinde">("verwaltung");
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors: clientErrors, submitCount },
  } = useForm<TCreateAssessmentRequest>({
    shouldFocusError: false,
    resolver: zodResolver(ZCreateAssessmentRequest as never) as never,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const client: Record<string, string | undefined> = {
    [PROFILE_FIELDS.name]: clientErrors.municipality?.name?.message,
    [PROFILE_FIELDS.state]: clientErrors.municipality?.state?.message,
    [PROFILE_FIELDS.population]: clientErrors.municipality?.population?.message,
    [PROFILE_FIELDS.key]: clientErrors.municipality?.key?.message,
    [PROFILE_FIELDS.role]: clientErrors.respondentRole?.message,
    [PROFILE_FIELDS.code]: clientErrors.participationCode?.message,
  };
  const errorOf = (field: string) => client[field] ?? state.errors[field];
  const summary = Object.keys(FIELD_IDS)
    .map((field) => ({ fieldId: FIELD_IDS[field]!, message: errorOf(field) }))
    .filter((e): e is { fieldId: string; message: string } => Boolean(e.message));

  const population = parsePopulationInput(watch("municipality.population") as unknown);
  const sizeClass =
    typeof population === "number" && Number.isInteger(population) && population >= 1
      ? getSizeClass(deriveSizeClass(population))
      : null;

  /** Name, state, population and key of the unit the respondent answers for, from the register. */
  const fill = (unit: { key: string; name: string; population: number }, stateCode: string) => {
    const opts = { shouldValidate: submitCount > 0, shouldDirty: true };
    setValue("municipality.state", stateCode as never, opts);
    setValue("municipality.population", unit.population, opts);
    setValue("municipality.key", unit.key, opts);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void handleSubmit(() => {
      startTransition(() => formAction(new FormData(formRef.current!)));
    })(event);
  };

  return (
    <div className="stack">
      {state.existing ? (
        <ExistingAssessment unitName={state.existing.unitName} message={state.message} action={openExisting} />
      ) : null}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="stack">
        {(submitCount > 0 || Object.keys(state.errors).length > 0) && summary.length > 0 ? (
          <ErrorSummary errors={summary} />
        ) : null}
        {state.message && Object.keys(state.errors).length === 0 && !state.existing ? (
          <Text role="alert">{state.message}</Text>
        ) : null}
        <TextField
          id="code"
          label="Teilnahmecode"
          optional
          hint="Steht in Ihrem Einladungsbrief, zum Beispiel K7QF-2M9P-XW4D-HT6R. Mit dem Code genügt das: Name, Bundesland und Einwohnerzahl übernehmen wir aus dem amtlichen Gemeindeverzeichnis, und Ihre Selbsteinschätzung zählt im Vergleich mit anderen Kommunen. Die Felder darunter können Sie dann leer lassen."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          defaultValue={values[PROFILE_FIELDS.code]}
          error={errorOf(PROFILE_FIELDS.code)}
          {...register("participationCode", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
        />
        {state.existing ? <input type="hidden" name={PROFILE_FIELDS.confirmNewChain} value="1" /> : null}
        <MunicipalityCombobox
          id="name"
          name={PROFILE_FIELDS.name}
          label="Name der Kommune oder Verwaltung"
          defaultValue={values[PROFILE_FIELDS.name]}
          hint="Tippen Sie die ersten Buchstaben und wählen Sie aus dem amtlichen Gemeindeverzeichnis: Ihre Gemeinde oder Stadt, oder Ihr Amt, Ihre Verbandsgemeinde, Samtgemeinde oder Verwaltungsgemeinschaft. Ist sie dort nicht zu finden (etwa nach einer Fusion), tragen Sie den Namen einfach selbst ein."
          error={errorOf(PROFILE_FIELDS.name)}
          onInput={(text) => {
            setValue("municipality.name", text, { shouldValidate: submitCount > 0 });
            if (picked && text !== picked.nameShort && text !== picked.name) {
              setPicked(null);
              setValue("municipality.key", undefined);
            }
          }}
          onPick={(hit) => {
            setPicked(hit);
            setValue("municipality.name", hit.nameShort ?? hit.name, { shouldValidate: submitCount > 0 });
            const offered = choiceOf(hit);
            if (offered && answerFor === "verwaltung") fill(offered.verwaltung, hit.state);
            else fill(hit, hit.state);
          }}
        />
        {choice ? (
          <ChoiceGroup
            id="unit-choice"
            name={PROFILE_FIELDS.unitChoice}
            legend="Für wen antworten Sie?"
            hint={`Die Verwaltung von ${choice.gemeinde.name} führt ${withArticle(choice.verwaltung.name)}: Dort liegen die Akten, arbeiten die Beschäftigten und laufen die Online-Dienste. Fragen wie „E-Akte im Einsatz?“ beantwortet deshalb meist die Verwaltung. Im Vergleich mit anderen Kommunen zählt nur ihre Selbsteinschätzung, damit keine Gemeinde doppelt gezählt wird.`}
            type="radio"
            error={errorOf(PROFILE_FIELDS.unitChoice)}
            choices={[
              {
                value: "verwaltung",
                label: `Für die Verwaltung: ${choice.verwaltung.name} – ${formatNumber(choice.verwaltung.members)} Gemeinden, ${formatNumber(choice.verwaltung.population)} Einwohnerinnen und Einwohner (empfohlen)`,
              },
              {
                value: "gemeinde",
                label: `Nur für die Gemeinde ${choice.gemeinde.name} – ${formatNumber(choice.gemeinde.population)} Einwohnerinnen und Einwohner`,
              },
            ]}
            inputProps={(c) => ({
              checked: picked ? answerFor === c.value : undefined,
              defaultChecked: picked ? undefined : c.value === values[PROFILE_FIELDS.unitChoice],
              onChange: () => {
                const next = c.value as "verwaltung" | "gemeinde";
                setAnswerFor(next);
                if (picked) fill(next === "verwaltung" ? choice.verwaltung : choice.gemeinde, picked.state);
              },
            })}
          />
        ) : null}
        <SelectField
          id="state"
          label="Bundesland"
          placeholder="Bitte wählen"
          options={STATES.map((s) => ({ value: s.code, label: s.name }))}
          error={errorOf(PROFILE_FIELDS.state)}
          defaultValue={values[PROFILE_FIELDS.state] ?? ""}
          {...register("municipality.state", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
        />
        <TextField
          id="population"
          label="Einwohnerzahl"
          hint="Eine ganze Zahl, zum Beispiel 12850; für ein Amt oder eine Verbandsgemeinde die aller ihrer Gemeinden. Daraus ergibt sich die Größenklasse für den Vergleich."
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values[PROFILE_FIELDS.population]}
          error={errorOf(PROFILE_FIELDS.population)}
          {...register("municipality.population", { setValueAs: parsePopulationInput as (v: string) => number })}
        />
        <Text as="div" size="small" aria-live="polite" id="size-class">
          {sizeClass ? (
            <p>
              Größenklasse: {sizeClass.townType} ({sizeClass.label})
            </p>
          ) : null}
          {picked ? (
            <p>
              Laut Gemeindeverzeichnis:{" "}
              {formatNumber(choice && answerFor === "verwaltung" ? choice.verwaltung.population : picked.population)}{" "}
              Einwohnerinnen und Einwohner (Stand {formatIsoDate(registerInfo.populationDate)}).
              {picked.kind === "gemeinde" && !(choice && answerFor === "verwaltung")
                ? " Haben Sie eine neuere eigene Zahl, tragen Sie diese ein."
                : ""}
            </p>
          ) : null}
        </Text>
        <TextField
          id="key"
          label="Amtlicher Schlüssel"
          optional
          hint="Wird beim Auswählen aus der Liste eingetragen. Von Hand: der Amtliche Gemeindeschlüssel einer Gemeinde (8 Ziffern, zum Beispiel 09162000 für München) oder der Schlüssel eines Amts, einer Verbandsgemeinde oder Verwaltungsgemeinschaft (9 Ziffern, zum Beispiel 010535318 für das Amt Büchen)."
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          defaultValue={values[PROFILE_FIELDS.key]}
          error={errorOf(PROFILE_FIELDS.key)}
          {...register("municipality.key", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v.trim()) })}
        />
        <ChoiceGroup
          id="role"
          name={PROFILE_FIELDS.role}
          legend="Ihre Funktion"
          type="radio"
          choices={RESPONDENT_ROLES.map((r) => ({ value: r.id, label: r.label }))}
          error={errorOf(PROFILE_FIELDS.role)}
          inputProps={(c) => ({
            ...register("respondentRole"),
            defaultChecked: values[PROFILE_FIELDS.role] === c.value,
          })}
        />
        <Text size="small" muted>
          {registerInfo.source}
        </Text>
        <div className="button-row">
          <Button type="submit" disabled={pending}>
            {pending ? "Wird angelegt …" : state.existing ? "Trotzdem neu beginnen" : "Selbsteinschätzung anlegen"}
          </Button>
        </div>
      </form>
    </div>
  );
}
