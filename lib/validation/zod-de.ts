import { z } from "zod";
// Only the German locale: `z.locales` would pull every zod locale into the browser bundle.
import de from "zod/v4/locales/de.js";

// German fallback messages for any zod issue without a message of our own.
z.config(de());

export type TFieldIssue = { path: string; message: string };

/** zod issues as the API's `issues` array (docs/api.md): dotted path + German message. */
export function toFieldIssues(error: z.ZodError, prefix?: string): TFieldIssue[] {
  return error.issues
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== "").join(".");
      return { path, message: i.message, keys: i.code === "unrecognized_keys" ? i.keys : undefined };
    })
    .flatMap(({ path, message, keys }) =>
      // One issue per unknown key, each with its own path ("answers.foo", "answers.bar").
      keys
        ? keys.map((k) => ({ path: [path, k].filter(Boolean).join("."), message: message.replace(/:.*$/s, `: ${k}`) }))
        : [{ path, message }],
    );
}

/**
 * Issues as a form shows them: the first message per field, by the field's name. `prefix` is removed
 * from the paths (the step form's fields are the question ids, the API's paths "answers.<id>").
 */
export function toFieldErrors(issues: readonly TFieldIssue[] | undefined, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of issues ?? [])
    out[prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path] ??= message;
  return out;
}
