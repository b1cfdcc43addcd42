import type { TBenchmarkItem } from "@/lib/benchmark/compute-benchmark";
import type { TQuestion, TTopic } from "@/lib/survey/schema";
import { DistributionChart } from "@/components/charts/distribution-chart";
import { isDerivedShare, shareLabel } from "@/lib/survey/share-label";

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
      <h3 className="kern-heading-medium" id={`ergebnis-${topic.id}`}>
        {topic.title}
      </h3>
      {questions.map((q) => {
        const item = items.get(q.id);
        const chosen = new Set(item ? (Array.isArray(item.answer) ? item.answer : [item.answer]) : []);
        return (
          <article key={q.id} className="result-question stack-sm" aria-labelledby={`frage-${q.id}`}>
            <h4 className="kern-heading-small" id={`frage-${q.id}`}>
              {q.text}
            </h4>
            {item ? (
              <ul className="kern-list result-statements">
                {item.statements.map((s, i) => (
                  <li key={i} className="kern-body">
                    {s.text}
                    {s.derived ? (
                      <span className="kern-badge kern-badge--info kern-badge--small derived-badge">
                        <span className="kern-label">abgeleitet</span>
                      </span>
                    ) : null}
                  </li>
                ))}
                {item.ahead ? (
                  <li className="kern-body kern-body--bold">
                    Sie liegen vor {item.derived ? "rund " : ""}
                    {item.ahead.toLocaleString("de-DE")} % der Kommunen.
                  </li>
                ) : null}
              </ul>
            ) : (
              <p className="kern-body kern-body--muted">Noch nicht beantwortet.</p>
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
