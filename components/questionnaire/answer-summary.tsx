import { STEPS } from "@/lib/survey/reference";
import type { TAnswers } from "@/lib/survey/answer-schema";
import { stepPath } from "@/lib/assessment/paths";
import { Link } from "@/components/kern/link";
import { Heading, List, Text, VisuallyHidden } from "@/components/kern/typography";
import { Badge } from "@/components/kern/badge";

/** All answers by topic, read-only; with edit links while the assessment is a draft. */
export function AnswerSummary({
  answers,
  token,
  editable,
}: {
  answers: Partial<TAnswers>;
  token: string;
  editable: boolean;
}) {
  return (
    <div className="stack">
      {STEPS.map((step) => (
        <section key={step.topic.id} aria-labelledby={`thema-${step.topic.id}`}>
          <div className="progress-label">
            <Heading level={3} id={`thema-${step.topic.id}`}>
              {step.index + 1}. {step.topic.title}
            </Heading>
            {editable ? (
              <Link href={stepPath(token, step.index + 1)}>
                Ändern<VisuallyHidden>: {step.topic.title}</VisuallyHidden>
              </Link>
            ) : null}
          </div>
          <dl className="answer-list">
            {step.questions.map((q) => {
              const value = answers[q.id];
              const ids = value === undefined ? [] : Array.isArray(value) ? value : [value];
              const labels = q.options.filter((o) => ids.includes(o.id)).map((o) => o.label);
              return (
                <div key={q.id}>
                  <dt>
                    <Text as="span">{q.text}</Text>
                  </dt>
                  <dd>
                    <Text as="div">
                      {labels.length === 0 ? (
                        <Badge tone="warning">Noch offen</Badge>
                      ) : labels.length === 1 ? (
                        labels[0]
                      ) : (
                        <List>
                          {labels.map((l) => (
                            <li key={l}>{l}</li>
                          ))}
                        </List>
                      )}
                    </Text>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
