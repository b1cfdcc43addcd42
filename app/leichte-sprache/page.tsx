import type { Metadata } from "next";
import { contentsOf, easyPage, reviewNote } from "@/lib/easy-language/content";
import { getEnv } from "@/lib/env";
import { getOperatorInfo } from "@/lib/operator-info";
import { EasyContents, EasyReviewNote, EasySections, EasyText } from "@/components/easy-language/easy-sections";
import { EasyLanguageIcon } from "@/components/easy-language/easy-language-icon";
import { Heading, Text } from "@/components/kern/typography";

export const metadata: Metadata = {
  title: "Leichte Sprache",
  description:
    "Der Kommunale Digitalcheck in Leichter Sprache: was er ist, wie Sie ihn benutzen, Ihr Ergebnis, Ihre Daten, Barrieren melden, eine Wörter-Liste.",
};

/** BITV 2.0 § 4: the main content, the navigation and the accessibility statement in Leichter Sprache. */
export default function EasyLanguagePage() {
  const env = getEnv();
  const operator = getOperatorInfo();
  const page = easyPage({
    verifiedPeers: env.PEERS_MODE === "verified",
    peerK: env.PEER_K,
    operatorName: operator.name,
  });
  return (
    <div className="stack easy-page">
      <div className="easy-page__title easy-language" data-leichte-sprache="">
        <span className="easy-page__icon">
          <EasyLanguageIcon size={48} />
        </span>
        <Heading level={1}>{page.title}</Heading>
      </div>
      <div className="easy-language" data-leichte-sprache="">
        {page.intro.map((t) => (
          <Text key={t} size="large">
            <EasyText text={t} />
          </Text>
        ))}
      </div>
      <EasyReviewNote sentences={reviewNote(operator.easyLanguageReview)} />
      <EasyContents sections={contentsOf(page.sections)} />
      <EasySections sections={page.sections} />
    </div>
  );
}
