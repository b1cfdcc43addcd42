import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getOperatorSession } from "@/lib/operator/get-session";
import { describeError, type TOperatorError } from "@/lib/errors";
import { Alert } from "@/components/kern/alert";
import { ErrorSummary } from "@/components/kern/error-summary";
import { TextField } from "@/components/kern/text-field";
import { logInAction } from "../actions";
import { OperatorNotConfigured } from "../not-configured";
import { readOperatorCookie } from "../operator-session";
import { PageTitle, Text } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";

export const metadata: Metadata = { title: "Anmeldung Betriebsbereich", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The outcome of the last attempt, as logInAction put it into the URL. */
const ZLoginOutcome = z.object({
  error: z.enum(["password_missing", "wrong_password", "rate_limited"]).optional().catch(undefined),
  wait: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .optional()
    .catch(undefined),
  loggedOut: z.literal("1").optional().catch(undefined),
});

export default async function OperatorLoginPage({ searchParams }: TProps) {
  if (!getEnv().OPERATOR_PASSWORD_HASH) return <OperatorNotConfigured />;
  if (await getOperatorSession(await readOperatorCookie(), new Date())) redirect("/betrieb");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const outcome = ZLoginOutcome.parse({
    error: first(raw.error),
    wait: first(raw.wait),
    loggedOut: first(raw.loggedOut),
  });
  const error: TOperatorError | null =
    outcome.error === "rate_limited"
      ? { kind: "rate_limited", retryAfterSeconds: outcome.wait ?? 900, limit: "login" }
      : outcome.error
        ? { kind: outcome.error }
        : null;
  const message = error ? describeError(error) : undefined;

  return (
    <div className="stack">
      <PageTitle title="Anmeldung" preline="Betriebsbereich" />
      {outcome.loggedOut && !error ? <Alert tone="success" title="Sie sind abgemeldet." role="status" /> : null}
      {message ? (
        <ErrorSummary title="Die Anmeldung hat nicht geklappt" errors={[{ fieldId: "password", message }]} />
      ) : null}
      <Text>
        Dieser Bereich ist für die Betreiberin oder den Betreiber dieser Installation. Hier legen Sie fest, welche
        Selbsteinschätzungen in den Vergleich mit anderen Kommunen einfließen.
      </Text>
      <form action={logInAction} noValidate>
        <TextField
          id="password"
          name="password"
          type="password"
          label="Passwort"
          autoComplete="current-password"
          error={message}
        />
        <div className="button-row">
          <Button type="submit">Anmelden</Button>
        </div>
      </form>
    </div>
  );
}
