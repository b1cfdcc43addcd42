import { Fragment } from "react";
import type { TEasyBlock, TEasySection } from "@/lib/easy-language/content";
import { Heading, List, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { BarrierMail } from "@/components/easy-language/barrier-mail";
import { sentencesOf } from "@/lib/easy-language/check";

/** Words joined by a hyphen ("Digital-Check") never break at the line's end: Leichte Sprache keeps words whole. */
function Words({ text }: { text: string }) {
  const parts = text.split(/([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+)/u);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="easy-word">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** One sentence with "[Text](/pfad)" links: internal paths through the app's Link, other addresses as plain anchors. */
function Sentence({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]+\]\([^)]+\))/g);
  return (
    <>
      {parts.map((part, i) => {
        const m = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part);
        if (!m) return <Words key={i} text={part} />;
        const [, label, href] = m;
        return (
          <Link key={i} href={href!} plain={!href!.startsWith("/")}>
            <Words text={label!} />
          </Link>
        );
      })}
    </>
  );
}

/** A text in Leichter Sprache: each sentence starts a new line. */
export function EasyText({ text }: { text: string }) {
  return (
    <>
      {sentencesOf(text).map((sentence, i) => (
        <span key={i} className="easy-sentence">
          <Sentence text={sentence} />{" "}
        </span>
      ))}
    </>
  );
}

function Block({ block }: { block: TEasyBlock }) {
  switch (block.kind) {
    case "p":
      return (
        <Text size="large">
          <EasyText text={block.text} />
        </Text>
      );
    case "list":
      return (
        <List kind={block.numbered ? "number" : "bullet"} className="easy-list">
          {block.items.map((item) => (
            <li key={item}>
              <EasyText text={item} />
            </li>
          ))}
        </List>
      );
    case "points":
      return (
        <List kind={block.numbered ? "number" : "bullet"} className="easy-list">
          {block.items.map((item) => (
            <li key={item.title}>
              <strong className="easy-sentence">
                <Words text={item.title} />
              </strong>
              <EasyText text={item.text} />
            </li>
          ))}
        </List>
      );
    case "contact":
      return <BarrierMail easy />;
  }
}

/**
 * Sections of a text in Leichter Sprache (lib/easy-language/content.ts), marked for the checks. Their ids
 * start with "ls-" ("#ls-barriere-melden"), apart from those of a page's standard text.
 */
export function EasySections({ sections, level = 2 }: { sections: readonly TEasySection[]; level?: 2 | 3 }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} className="stack-sm easy-language" aria-labelledby={`ls-${s.id}`} data-leichte-sprache="">
          <Heading level={level} id={`ls-${s.id}`}>
            {s.heading}
          </Heading>
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </>
  );
}
