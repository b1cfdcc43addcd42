import { Fragment, type ReactNode } from "react";
import type { TEasyBlock, TEasySection } from "@/lib/easy-language/content";
import type { TEasyPicture } from "@/lib/easy-language/pictures";
import { Heading, List, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { BarrierMail } from "@/components/easy-language/barrier-mail";
import { MediationAddress } from "@/components/easy-language/mediation-address";
import { sentencesOf } from "@/lib/easy-language/check";

/**
 * A word joined by hyphens ("Digital-Check", "Städte- und Gemeindebund") stays on one line: Leichte Sprache
 * never breaks a word at the line's end (docs/adr/0012-leichte-sprache.md), and the region has hyphens: manual.
 */
const JOINED = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+|[\p{L}\p{N}]+- (?:und|oder) [\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)/u;

export function Words({ text }: { text: string }) {
  const parts = text.split(JOINED);
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

/** A paragraph in Leichter Sprache, with its picture beside it (above it on a phone) where it has one. */
function Pictured({ picture, children }: { picture?: TEasyPicture; children: ReactNode }) {
  if (!picture) return <>{children}</>;
  return (
    <div className="easy-pictured">
      {/* Our own screenshot, served by the app in twice the resolution shown; next/image would add a loader. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={picture.src} alt={picture.alt} width={picture.width} height={picture.height} loading="lazy" />
      <div>{children}</div>
    </div>
  );
}

/** Buttons of a page that a text names ("action" blocks): the page passes them in. */
export type TEasyActions = Partial<Record<Extract<TEasyBlock, { kind: "action" }>["action"], ReactNode>>;

function Block({ block, level, actions }: { block: TEasyBlock; level: 2 | 3; actions?: TEasyActions }) {
  switch (block.kind) {
    case "p":
      return (
        <Pictured picture={block.picture}>
          <Text size="large">
            <EasyText text={block.text} />
          </Text>
        </Pictured>
      );
    case "list":
      return (
        <List kind={block.numbered ? "number" : "bullet"} className="easy-list">
          {block.items.map((item) => (
            <li key={item.text}>
              <Pictured picture={item.picture}>
                <EasyText text={item.text} />
              </Pictured>
            </li>
          ))}
        </List>
      );
    case "points":
      // Each point's name is a heading of its own, one level below the section's.
      return (
        <List kind={block.numbered ? "number" : "bullet"} className="easy-list easy-points">
          {block.items.map((item) => (
            <li key={item.title}>
              <Heading level={(level + 1) as 3 | 4}>
                <Words text={item.title} />
              </Heading>
              <Text size="large">
                <EasyText text={item.text} />
              </Text>
            </li>
          ))}
        </List>
      );
    case "words":
      return (
        <dl className="easy-words">
          {block.entries.map((e) => (
            <div key={e.term} className="easy-words__entry" id={`wort-${e.term.toLowerCase()}`}>
              <dt>
                <Words text={e.term} />
              </dt>
              <dd>
                <EasyText text={e.explanation} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case "contact":
      return <BarrierMail easy />;
    case "mediation":
      return <MediationAddress />;
    case "action":
      return <>{actions?.[block.action] ?? null}</>;
  }
}

/**
 * Sections of a text in Leichter Sprache (lib/easy-language/content.ts), marked for the checks. Their ids
 * start with "ls-" ("#ls-barriere-melden"), apart from those of a page's standard text.
 */
export function EasySections({
  sections,
  level = 2,
  actions,
}: {
  sections: readonly TEasySection[];
  level?: 2 | 3;
  actions?: TEasyActions;
}) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} className="stack-sm easy-language" aria-labelledby={`ls-${s.id}`} data-leichte-sprache="">
          <Heading level={level} id={`ls-${s.id}`}>
            <Words text={s.heading} />
          </Heading>
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} level={level} actions={actions} />
          ))}
        </section>
      ))}
    </>
  );
}

/** A page's table of contents in Leichter Sprache: its section headings as links. */
export function EasyContents({ sections }: { sections: readonly { id: string; heading: string }[] }) {
  return (
    <nav className="stack-sm easy-language easy-contents" aria-labelledby="ls-inhalt" data-leichte-sprache="">
      <Heading level={2} id="ls-inhalt">
        Das steht auf dieser Seite
      </Heading>
      <List kind="bullet" className="easy-list">
        {sections.map((s) => (
          <li key={s.id}>
            <Link href={`#ls-${s.id}`} plain>
              <Words text={s.heading} />
            </Link>
          </li>
        ))}
      </List>
    </nav>
  );
}

/** The note on the check by readers of the target group (lib/easy-language/content.ts, reviewNote). */
export function EasyReviewNote({ sentences }: { sentences: readonly string[] }) {
  return (
    <div className="easy-language easy-note" role="note" aria-label="Prüfung der Texte" data-leichte-sprache="">
      <Text size="large">
        <EasyText text={sentences.join(" ")} />
      </Text>
    </div>
  );
}
