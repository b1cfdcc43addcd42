import { EasyLanguageIcon } from "@/components/easy-language/easy-language-icon";
import { AppLink } from "@/components/app-link";

/**
 * The switch between the detailed result and the result in Leichter Sprache: two links, the current one
 * marked (aria-current). Links, not a script: the view is part of the address, works without JavaScript and
 * can be bookmarked or sent on.
 */
export function ResultViewSwitch({ resultPath, easy }: { resultPath: string; easy: boolean }) {
  return (
    <nav aria-label="Ansicht des Ergebnisses" className="view-switch">
      <AppLink href={resultPath} className="view-switch__option" aria-current={easy ? undefined : "page"}>
        Ausführliches Ergebnis
      </AppLink>
      <AppLink
        href={`${resultPath}?leichteSprache=ja`}
        className="view-switch__option"
        aria-current={easy ? "page" : undefined}
      >
        <EasyLanguageIcon size={24} />
        Ergebnis in Leichter Sprache
      </AppLink>
    </nav>
  );
}
