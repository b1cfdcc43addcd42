import { STATES, type TStateCode } from "@/lib/profile/states";
import { SIZE_CLASSES, type TSizeClass } from "@/lib/profile/size-class";
import { SelectField } from "@/components/kern/select-field";
import { Button } from "@/components/kern/button";

/** Filters as a plain GET form: works without JavaScript, and the URL can be bookmarked. */
export function PeerFilterForm({
  action,
  state,
  sizeClass,
  submitLabel = "Vergleich anzeigen",
}: {
  action: string;
  state: TStateCode | null;
  sizeClass: TSizeClass | null;
  submitLabel?: string;
}) {
  return (
    <form method="get" action={action} className="peer-filters" aria-label="Vergleichsgruppe wählen">
      <SelectField
        id="filter-state"
        name="state"
        label="Bundesland"
        placeholder="Alle Bundesländer"
        defaultValue={state ?? ""}
        options={STATES.map((s) => ({ value: s.code, label: s.name }))}
      />
      <SelectField
        id="filter-size"
        name="sizeClass"
        label="Größenklasse"
        placeholder="Alle Größenklassen"
        defaultValue={sizeClass ?? ""}
        options={SIZE_CLASSES.map((c) => ({ value: c.id, label: `${c.townTypePlural} (${c.label})` }))}
      />
      <div className="peer-filters__submit">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </form>
  );
}
