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
import type { TProfileActionState } from "./form-state";
import { MunicipalityCombobox, type TMunicipalityOption } from "./municipality-combobox";
import { Text } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";

type TRegisterInfo = { gebietsstand: string; populationDate: string; source: string };

type TProps = {
  action: (prev: TProfileActionState, form: FormData) => Promise<TProfileActionState>;
  register: TRegisterInfo;
};

const formatIsoDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });

const FIELD_IDS: Record<string, string> = {
  [PROFILE_FIELDS.code]: "code",
  [PROFILE_FIELDS.name]: "name",
  [PROFILE_FIELDS.state]: "state",
  [PROFILE_FIELDS.population]: "population",
  [PROFILE_FIELDS.ags]: "ags",
  [PROFILE_FIELDS.role]: "role",
};

/**
 * The municipality profile. Posts to a server action (works without JavaScript); with
 * JavaScript, react-hook-form validates with the same zod schema first.
 */
export function ProfileForm({ action, register: registerInfo }: TProps) {
  const [picked, setPicked] = useState<TMunicipalityOption | null>(null);
  const [state, formAction, pending] = useActionState(action, { errors: {} });
  const formRef = useRef<HTMLFormElement>(null);
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
    [PROFILE_FIELDS.ags]: clientErrors.municipality?.ags?.message,
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

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void handleSubmit(() => {
      startTransition(() => formAction(new FormData(formRef.current!)));
    })(event);
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="stack">
      {(submitCount > 0 || Object.keys(state.errors).length > 0) && summary.length > 0 ? (
        <ErrorSummary errors={summary} />
      ) : null}
      <TextField
        id="code"
        label="Teilnahmecode"
        optional
        hint="Steht in Ihrem Einladungsbrief, zum Beispiel K7QF-2M9P-XW4D-HT6R. Mit dem Code übernehmen wir Name, Bundesland und Einwohnerzahl aus dem amtlichen Gemeindeverzeichnis, und Ihre Selbsteinschätzung zählt im Vergleich mit anderen Kommunen. Dann können Sie die Angaben zur Kommune unten leer lassen."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        error={errorOf(PROFILE_FIELDS.code)}
        {...register("participationCode", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
      />
      <MunicipalityCombobox
        id="name"
        name={PROFILE_FIELDS.name}
        label="Name der Kommune"
        hint="Tippen Sie die ersten Buchstaben und wählen Sie Ihre Kommune aus dem amtlichen Gemeindeverzeichnis. Ist sie dort nicht zu finden (etwa nach einer Fusion), tragen Sie den Namen einfach selbst ein."
        error={errorOf(PROFILE_FIELDS.name)}
        onInput={(text) => {
          setValue("municipality.name", text, { shouldValidate: submitCount > 0 });
          if (picked && text !== picked.nameShort && text !== picked.name) setPicked(null);
        }}
        onPick={(hit) => {
          setPicked(hit);
          const opts = { shouldValidate: submitCount > 0, shouldDirty: true };
          setValue("municipality.name", hit.nameShort ?? hit.name, opts);
          setValue("municipality.state", hit.state, opts);
          setValue("municipality.population", hit.population, opts);
          setValue("municipality.ags", hit.ags, opts);
        }}
      />
      <SelectField
        id="state"
        label="Bundesland"
        placeholder="Bitte wählen"
        options={STATES.map((s) => ({ value: s.code, label: s.name }))}
        error={errorOf(PROFILE_FIELDS.state)}
        defaultValue=""
        {...register("municipality.state", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
      />
      <TextField
        id="population"
        label="Einwohnerzahl"
        hint="Eine ganze Zahl, zum Beispiel 12850. Daraus ergibt sich die Größenklasse für den Vergleich."
        inputMode="numeric"
        autoComplete="off"
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
            Laut Gemeindeverzeichnis: {picked.population.toLocaleString("de-DE")} Einwohnerinnen und Einwohner (Stand{" "}
            {formatIsoDate(registerInfo.populationDate)}). Haben Sie eine neuere eigene Zahl, tragen Sie diese ein.
          </p>
        ) : null}
      </Text>
      <TextField
        id="ags"
        label="Amtlicher Gemeindeschlüssel (AGS)"
        optional
        hint="8 Ziffern; die ersten beiden stehen für das Bundesland, zum Beispiel 09162000 für München."
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        error={errorOf(PROFILE_FIELDS.ags)}
        {...register("municipality.ags", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v.trim()) })}
      />
      <ChoiceGroup
        id="role"
        name={PROFILE_FIELDS.role}
        legend="Ihre Funktion"
        type="radio"
        choices={RESPONDENT_ROLES.map((r) => ({ value: r.id, label: r.label }))}
        error={errorOf(PROFILE_FIELDS.role)}
        inputProps={() => register("respondentRole")}
      />
      <Text size="small" muted>
        {registerInfo.source}
      </Text>
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          {pending ? "Wird angelegt …" : "Selbsteinschätzung anlegen"}
        </Button>
      </div>
    </form>
  );
}
