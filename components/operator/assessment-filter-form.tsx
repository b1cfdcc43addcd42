import { SelectField } from "@/components/kern/select-field";
import { TextField } from "@/components/kern/text-field";
import type { TAssessmentListQuery } from "@/lib/operator/list-query";
import { STATES } from "@/lib/profile/states";
import styles from "./operator.module.css";
import { Link } from "@/components/kern/link";
import { Button } from "@/components/kern/button";

/** The operator list's filters: a plain GET form, so it works without JavaScript. */
export function AssessmentFilterForm({ query }: { query: TAssessmentListQuery }) {
  return (
    <form method="get" action="/betrieb" className="peer-filters" aria-label="Liste filtern">
      <TextField id="filter-q" name="q" label="Name der Kommune" defaultValue={query.q ?? ""} autoComplete="off" />
      <SelectField
        id="filter-state"
        name="state"
        label="Bundesland"
        placeholder="Alle Bundesländer"
        defaultValue={query.state ?? ""}
        options={STATES.map((s) => ({ value: s.code, label: s.name }))}
      />
      <SelectField
        id="filter-status"
        name="status"
        label="Status"
        placeholder="Alle"
        defaultValue={query.status ?? ""}
        options={[
          { value: "submitted", label: "Abgeschlossen" },
          { value: "draft", label: "Entwurf" },
        ]}
      />
      <SelectField
        id="filter-demo"
        name="demo"
        label="Demo-Daten"
        placeholder="Mit und ohne Demo-Daten"
        defaultValue={query.demo ?? ""}
        options={[
          { value: "no", label: "Ohne Demo-Daten" },
          { value: "yes", label: "Nur Demo-Daten" },
        ]}
      />
      <div className={styles.filterActions}>
        <Button type="submit">Liste anzeigen</Button>
        <Link href="/betrieb">Filter zurücksetzen</Link>
      </div>
    </form>
  );
}
