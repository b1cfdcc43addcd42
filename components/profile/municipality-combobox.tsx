"use client";

import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import type { TSizeClass } from "@/lib/profile/size-class";
import { getStateName, type TStateCode } from "@/lib/profile/states";
import { FieldShell } from "@/components/kern/field-shell";
import styles from "./municipality-combobox.module.css";
import { municipalitySearchPath } from "@/lib/assessment/api-paths";
import { VisuallyHidden } from "@/components/kern/typography";
import { formatNumber } from "@/lib/format/number";

/** One suggestion as GET /api/municipalities returns it: a Gemeinde or an administration (Amt, Verbandsgemeinde …). */
export type TMunicipalityOption = {
  key: string;
  kind: "gemeinde" | "verwaltung";
  ags: string | null;
  /** As Destatis writes a Gemeinde ("Großenhain, Stadt"); an administration with its type ("Amt Büchen"). */
  name: string;
  /** Text before the first comma; derived from name when the API leaves it out. */
  nameShort?: string;
  kreis: string;
  state: TStateCode;
  /** The population the unit serves (an administration: all its Gemeinden). */
  population: number;
  sizeClass: TSizeClass;
  members: { count: number };
  /** For a Gemeinde whose administration its Verband runs: that Verband. */
  administration: { key: string; name: string; members: number; population: number } | null;
};

type TSearchResponse = { items: TMunicipalityOption[]; gebietsstand: string; source: string };

export type TMunicipalityComboboxProps = {
  id: string;
  label: string;
  defaultValue?: string;
  /** A suggestion was chosen; called after onInput with the name written into the field. */
  onPick(hit: TMunicipalityOption): void;
  /** Every change of the text, typed or picked; the text may be a name that is not in the register. */
  onInput?(text: string): void;
  hint?: string;
  /** Error message shown above the field and tied to it. */
  error?: string;
  /** Form field name of the free text. */
  name?: string;
};

// Long enough to skip the requests of fast typing, short enough to feel immediate.
const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;
const LIMIT = 10;

const shortName = (option: TMunicipalityOption) => option.nameShort ?? option.name.split(",")[0]!.trim();

function isSearchResponse(value: unknown): value is TSearchResponse {
  return typeof value === "object" && value !== null && Array.isArray((value as { items?: unknown }).items);
}

function resultsMessage(count: number): string {
  if (count === 0) return "Keine Treffer im Gemeindeverzeichnis. Sie können den Namen trotzdem so eintragen.";
  return `${count} Treffer. Mit Pfeiltasten auswählen.`;
}

/**
 * Text field with suggestions from the official municipality register, following the
 * ARIA 1.2 combobox pattern with list autocomplete (APG "Editable Combobox With List
 * Autocomplete"): focus stays in the input, the active option is conveyed by
 * aria-activedescendant, and nothing is chosen until Enter or a click.
 */
export function MunicipalityCombobox({
  id,
  label,
  defaultValue = "",
  onPick,
  onInput,
  hint,
  error,
  name,
}: TMunicipalityComboboxProps) {
  const invalid = Boolean(error);
  const [text, setText] = useState(defaultValue);
  const [options, setOptions] = useState<TMunicipalityOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);
  // The options shown belong to an earlier text; set while a new answer is pending.
  const stale = useRef(false);
  // Open the list on the first option when the pending answer arrives (ArrowDown pressed before it did).
  const openOnArrival = useRef(false);

  const listboxId = `${id}-listbox`;
  const statusId = `${id}-status`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, id]);

  function cancelPending() {
    clearTimeout(timer.current);
    request.current?.abort();
    request.current = undefined;
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  async function load(query: string) {
    cancelPending();
    const controller = new AbortController();
    request.current = controller;
    try {
      const response = await fetch(municipalitySearchPath(query, LIMIT), {
        signal: controller.signal,
        headers: { accept: "application/json" },
      });
      if (controller.signal.aborted) return;
      if (response.status === 422) {
        // The server refused the text (length, characters): no suggestions, the text stays.
        stale.current = false;
        setOptions([]);
        close();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body: unknown = await response.json();
      if (controller.signal.aborted) return;
      const items = isSearchResponse(body) ? body.items : [];
      stale.current = false;
      setOptions(items);
      setActive(openOnArrival.current && items.length > 0 ? 0 : -1);
      setOpen(items.length > 0);
      setAnnouncement(resultsMessage(items.length));
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === "AbortError")) return;
      stale.current = false;
      setOptions([]);
      close();
      setAnnouncement("Vorschläge konnten nicht geladen werden. Sie können den Namen trotzdem eintragen.");
    } finally {
      if (request.current === controller) {
        request.current = undefined;
        openOnArrival.current = false;
      }
    }
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const value = event.target.value;
    setText(value);
    onInput?.(value);
    setActive(-1);
    cancelPending();
    openOnArrival.current = false;
    if (value.trim().length < MIN_CHARS) {
      stale.current = false;
      setOptions([]);
      setOpen(false);
      setAnnouncement("");
      return;
    }
    stale.current = true;
    timer.current = setTimeout(() => void load(value.trim()), DEBOUNCE_MS);
  }

  function pick(option: TMunicipalityOption) {
    cancelPending();
    const value = shortName(option);
    setText(value);
    onInput?.(value);
    onPick(option);
    // The list belonged to the text before the pick; ArrowDown asks again for the new one.
    setOptions([]);
    close();
    setAnnouncement(`${value}, ${option.kreis}, ${getStateName(option.state)} ausgewählt.`);
  }

  function move(to: number) {
    setOpen(true);
    setActive(to);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    const count = options.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (stale.current || count === 0) {
          // The options are not those of this text yet: ask now instead of waiting for the
          // debounce, and go to the first option when the answer is there.
          if (text.trim().length >= MIN_CHARS) {
            openOnArrival.current = true;
            if (!request.current) void load(text.trim());
          }
        } else if (event.altKey) setOpen(true);
        else move(!open || active >= count - 1 ? 0 : active + 1);
        break;
      case "ArrowUp":
        if (count === 0) break;
        event.preventDefault();
        if (stale.current) break;
        if (event.altKey) close();
        else move(!open || active <= 0 ? count - 1 : active - 1);
        break;
      case "Home":
      case "End":
        // Only while an option is active; otherwise the keys move the caret in the text.
        if (!open || active < 0) break;
        event.preventDefault();
        setActive(event.key === "Home" ? 0 : count - 1);
        break;
      case "Enter": {
        const option = open && active >= 0 ? options[active] : undefined;
        if (option) {
          // Choosing must not submit the form.
          event.preventDefault();
          pick(option);
        }
        break;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        close();
        break;
    }
  }

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={styles.root}>
      {(described) => (
        <>
          <div className={styles.field}>
            <input
              id={id}
              name={name}
              type="text"
              className={`kern-form-input__input${invalid ? " kern-form-input__input--error" : ""}`}
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listboxId}
              aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
              {...described}
              autoComplete="off"
              autoCapitalize="words"
              spellCheck={false}
              value={text}
              onChange={handleChange}
              onKeyDown={handleKeyDown}
              onBlur={close}
            />
            <ul
              id={listboxId}
              role="listbox"
              aria-label={`Vorschläge: ${label}`}
              className={styles.listbox}
              hidden={!open}
            >
              {options.map((option, index) => (
                <li
                  key={option.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`${styles.option}${index === active ? ` ${styles.active}` : ""}`}
                  // Keeps the focus in the input, so the blur does not close the list before the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                >
                  <span className={styles.name}>
                    {option.name}
                    {option.kind === "verwaltung" ? ` – ${option.members.count} Gemeinden` : ""}
                    {option.administration ? ` (${option.administration.name})` : ""}
                  </span>
                  <VisuallyHidden>, </VisuallyHidden>
                  <span className={styles.meta}>
                    {option.kreis}, <span className={styles.nowrap}>{getStateName(option.state)}</span>
                    <span className={styles.nowrap}>
                      {" "}
                      · {formatNumber(option.population)} Einwohnerinnen und Einwohner
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div id={statusId} className="kern-sr-only" role="status" aria-live="polite" aria-atomic="true">
            {announcement}
          </div>
        </>
      )}
    </FieldShell>
  );
}
