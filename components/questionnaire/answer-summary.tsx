import { AppLink } from "@/components/app-link";
import { STEPS } from "@/lib/survey/reference";
import type { TAnswers } from "@/lib/survey/answer-schema";
import { stepPath } from "@/lib/assessment/paths";

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
            <h3 className="kern-heading-small" id={`thema-${step.topic.id}`}>
              {step.index + 1}. {step.topic.title}
            </h3>
            {editable ? (
              <AppLink className="kern-link" href={stepPath(token, step.index + 1)}>
                Ändern<span className="kern-sr-only">: {step.topic.title}</span>
              </AppLink>
            ) : null}
          </div>
          <dl className="answer-list">
            {step.questions.map((q) => {
              const value = answers[q.id];
              const ids = value === undefined ? [] : Array.isArray(value) ? value : [value];
              const labels = q.options.filter((o) => ids.includes(o.id)).map((o) => o.label);
              return (
                <div key={q.id}>
                  <dt className="kern-body">{q.text}</dt>
                  <dd className="kern-body">
                    {labels.length === 0 ? (
                      <span className="kern-badge kern-badge--warning">
                        <span className="kern-label">Noch offen</span>
                      </span>
                    ) : labels.length === 1 ? (
                      labels[0]
                    ) : (
                      <ul className="kern-list kern-list--bullet">
                        {labels.map((l) => (
                          <li key={l}>{l}</li>
                        ))}
                      </ul>
                    )}
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
