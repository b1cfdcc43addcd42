import { z } from "zod";
import { API_ROUTES, type TApiRoute } from "./api-routes";
import { ZErrorBody } from "./errors";

/**
 * The OpenAPI 3.1 description of the JSON API, generated from the zod schemas of lib/http/api-routes.ts
 * (the ones the route handlers are typed against): no second, hand-kept copy. Served at /api/openapi.json;
 * `npm test` lints it with Redocly and the API tests validate every response against it.
 */
/** Each schema converted once per direction: the error body alone stands in every route's responses. */
const converted = { input: new WeakMap<z.ZodType, object>(), output: new WeakMap<z.ZodType, object>() };
const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  let out = converted[io].get(schema);
  if (!out) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as Record<string, unknown>;
    converted[io].set(schema, (out = rest));
  }
  return out;
};

const operationId = (r: TApiRoute) =>
  r.method +
  r.path
    .replace(/^\/api\//, "/")
    .split(/[/.{}-]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API_ROUTES) {
    const parameters = [
      ...(r.path.includes("{token}")
        ? [
            {
              name: "token",
              in: "path",
              required: true,
              description: "Der geheime Teil des Bearbeitungslinks (43 Zeichen, base64url).",
              schema: { type: "string", pattern: "^[A-Za-z0-9_-]{43}$" },
            },
          ]
        : []),
      ...(r.path.includes("{id}")
        ? [
            {
              name: "id",
              in: "path",
              required: true,
              description: "Die Kennung der Einladung (aus der Liste der Einladungen).",
              schema: { type: "string" },
            },
          ]
        : []),
      ...(r.query ?? []).map((q) => ({
        name: q.name,
        in: "query",
        required: false,
        description: q.description,
        schema: q.enum ? { type: "string", enum: [...q.enum] } : { type: "string" },
      })),
    ];
    const responses = Object.fromEntries(
      Object.entries(r.responses).map(([status, res]) => [
        status,
        {
          description: res.description,
          ...(res.schema
            ? { content: { "application/json": { schema: jsonSchema(res.schema, "output") } } }
            : res.contentType
              ? { content: { [res.contentType]: { schema: { type: "string", format: "binary" } } } }
              : {}),
        },
      ]),
    );
    (paths[r.path] ??= {})[r.method] = {
      operationId: operationId(r),
      summary: r.summary,
      tags: [r.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } } }
        : {}),
      responses: {
        ...responses,
        default: {
          description: "Jeder andere Fehler: JSON mit einer deutschen Meldung in `error`.",
          content: { "application/json": { schema: jsonSchema(ZErrorBody, "output") } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Kommunaler Digitalcheck",
      version: "1.0.0",
      description:
        "JSON-API des Kommunalen Digitalchecks: Selbsteinschätzungen der Kommunen, Vergleich mit der Umfrage von Bitkom und DStGB 2020, veröffentlichte Vergleichszahlen und das Lagebild. Fehler sind JSON mit einer deutschen Meldung in `error`.",
      license: { name: "Lizenz des Projekts", url: "https://opensource.org/license/mit" },
    },
    servers: [{ url: "/", description: "Diese Instanz" }],
    security: [],
    tags: [
      { name: "Selbsteinschätzung", description: "Über den geheimen Bearbeitungslink (Token im Pfad)." },
      { name: "Vergleich", description: "Veröffentlichte Vergleichszahlen (mindestens k Kommunen)." },
      { name: "Lagebild", description: "Gemeinsames Ergebnis und Schätzung für alle Kommunen." },
      { name: "Referenz", description: "Referenzdaten und Gemeindeverzeichnis." },
      { name: "Betrieb", description: "Zustand der Anwendung." },
    ],
    paths,
  };
}
