import { EXPLAINED_BY, sentencesOf, usesWord } from "./check";
import type { TEasyBlock, TEasySection } from "./content";

/**
 * A generated text explains each hard word of the word list where it first uses it: the explanation goes
 * right before that sentence, once per text (an explanation that needs another word gets that one first).
 * A text's own explanations count where they stand. Headings (a point's title) name a word without using it
 * in a sentence and are left as they are, as the checker reads them (lib/easy-language/check.ts).
 */
export function explainWords(sections: readonly TEasySection[]): TEasySection[] {
  const explained = new Set<string>();
  const explainIn = (text: string): string =>
    sentencesOf(text)
      .flatMap((sentence) => {
        for (const [e, first] of EXPLAINED_BY) if (sentence === first) explained.add(e.term);
        const missing = EXPLAINED_BY.filter(([e]) => !explained.has(e.term) && usesWord(e, sentence));
        const before = missing.map(([e]) => {
          explained.add(e.term);
          return explainIn(e.explanation);
        });
        return [...before, sentence];
      })
      .join(" ");
  const block = (b: TEasyBlock): TEasyBlock => {
    switch (b.kind) {
      case "p":
        return { ...b, text: explainIn(b.text) };
      case "list":
        return { ...b, items: b.items.map((i) => ({ ...i, text: explainIn(i.text) })) };
      case "points":
        return { ...b, items: b.items.map((i) => ({ ...i, text: explainIn(i.text) })) };
      default:
        return b;
    }
  };
  return sections.map((s) => ({ ...s, blocks: s.blocks.map(block) }));
}
