import { Badge } from "@/components/kern/badge";
import type { TBenchmarkItem } from "@/lib/benchmark/compute-benchmark";
import type { TQuestion, TTopic } from "@/lib/survey/schema";
import { DistributionChart } from "@/components/charts/distribution-chart";
import { isDerivedShare, shareLabel } from "@/lib/survey/share-label";
import { Heading, List, Text } from "@/components/kern/typography";
import { formatNumber } from "@/lib/format/number";

/** One topic of the results page: per question the statements, the position and the national distribution. */
export function TopicResults({
  topic,
  questions,
  items,
}: {
  topic: TTopic;
  questions: TQuestion[];
  items: Map<string, TBenchmarkItem>;
}) {
  return (
    <section aria-labelledby={`ergebnis-${topic.id}`} className="stack">
      <Heading level={3} size="medium" id={`ergebnis-${topic.id}`}>
        {topic.title}
      </Heading>
      {questions.map((q) => {
        const item = items.get(q.id);
        const chosen = new Set(item ? (Array.isArray(item.answer) ? item.answer : [item.answer]) : []);
        return (
          <article key={q.id} className="result-question stack-sm" aria-labelledby={`frage-${q.id}`}>
            <Heading level={4} id={`frage-${q.id}`}>
              {q.text}
            </Heading>
            {item ? (
              <List kind="plain" className="result-statements">
                {item.statements.map((s, i) => (
                  <li key={i} className="kern-body">
                    {s.text}
                    {s.derived ? (
                      <Badge tone="info" small className="derived-badge">
                        abgeleitet
                      </Badge>
                    ) : null}
                  </li>
                ))}
                {item.ahead ? (
                  <li className="kern-body kern-body--bold">
                    Sie liegen vor {item.derived ? "rund " : ""}
                    {formatNumber(item.ahead)}
                    {"\u00a0"}% der Kommunen.
                  </li>
                ) : null}
              </List>
            ) : (
              <Text muted>Noch nicht beantwortet.</Text>
            )}
            <DistributionChart
              question={q.text}
              rows={q.options.map((o) => ({
                label: shareLabel(o),
                share: o.share,
                derived: isDerivedShare(o),
                isOwn: chosen.has(o.id),
              }))}
            />
          </article>
        );
      })}
    </section>
  );
}
