import type { Metadata } from "next";
import { easyPage } from "@/lib/easy-language/content";
import { getEnv } from "@/lib/env";
import { EasySections, EasyText } from "@/components/easy-language/easy-sections";
import { EasyLanguageIcon } from "@/components/easy-language/easy-language-icon";
import { Heading, Text } from "@/components/kern/typography";

export const metadata: Metadata = {
  title: "Leichte Sprache",
  description:
    "Der Kommunale Digitalcheck in Leichter Sprache: was er ist, wie Sie ihn benutzen, Ihre Daten, Barrieren melden.",
};

/** BITV 2.0 § 4: the main content, the navigation and the accessibility statement in Leichter Sprache. */
export default function EasyLanguagePage() {
  const page = easyPage({ verifiedPeers: getEnv().PEERS_MODE === "verified" });
  return (
    <div className="stack easy-page">
      <div className="easy-page__title" data-leichte-sprache="">
        <span className="easy-page__icon">
          <EasyLanguageIcon size={48} />
        </span>
        <Heading level={1}>{page.title}</Heading>
      </div>
      <div data-leichte-sprache="">
        {page.intro.map((t) => (
          <Text key={t} size="large">
            <EasyText text={t} />
          </Text>
        ))}
      </div>
      <EasySections sections={page.sections} />
    </div>
  );
}
