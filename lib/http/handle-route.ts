import "server-only";
import type { z } from "zod";
import { toErrorResponse } from "./errors";
import type { THttpError } from "../errors";
import type { TAppError } from "../errors";
import type { TResult } from "../result";
import { consumeRateLimit, type TRateBucket } from "../db/rate-limit";
import { clientIdFromHeaders } from "../security/client-id";
import { FORBIDDEN_KEYS, searchParamsToObject } from "../validation/query";

/** Bodies above this are refused with 413 before parsing (a full answer set is about 2 KB). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** Below this a JSON answer is sent as it is: gzip would save next to nothing and cost a compressor per request. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON answer. Next's compression gzips every streamed answer, whatever its size (an autosave's
 * `{"version":2}` of 13 bytes became 33); `no-transform` tells it, and any proxy, to leave a small one alone.
 */
export function json(body: unknown, status = 200): Response {
  const text = JSON.stringify(body);
  const small = text.length < COMPRESS_FROM_BYTES;
  return new Response(text, {
    status,
    headers: small ? { ...JSON_HEADERS, "cache-control": "no-store, no-transform" } : JSON_HEADERS,
  });
}

/**
 * A JSON answer typed by its response schema (the api-schemas modules beside the use cases): the compiler checks the
 * body against the schema the API tests parse responses with. No parse at run time on the hot paths.
 */
export function jsonOf<S extends z.ZodType>(_schema: S, body: z.input<S>, status = 200): Response {
  return json(body, status);
}

export function errorResponse(error: TAppError): Response {
  const { status, body } = toErrorResponse(error);
  const res = json(body, status);
  if (error.kind === "rate_limited") res.headers.set("retry-after", String(error.retryAfterSeconds));
  return res;
}

/** Counts a request against a rate limit bucket; a Response (429) when the client is over it. */
export async function limitRequest(request: Request, bucket: TRateBucket): Promise<Response | null> {
  const decision = await consumeRateLimit(bucket, clientIdFromHeaders(request.headers));
  return decision.ok ? null : errorResponse({ kind: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds });
}

export function respond<T>(result: TResult<T, TAppError>, map: (value: T) => Response): Response {
  return result.ok ? map(result.value) : errorResponse(result.error);
}

/**
 * Reads a JSON body with a size limit, streaming so that an oversized body is cut off early
 * rather than buffered whole.
 */
export async function readJsonBody(
  request: Request,
  limitBytes = MAX_JSON_BODY_BYTES,
): Promise<TResult<unknown, THttpError>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) return { ok: false, error: { kind: "payload_too_large", limitBytes } };
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type))
    return { ok: false, error: { kind: "unsupported_media_type" } };
  if (!request.body) return { ok: false, error: { kind: "invalid_json" } };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      return { ok: false, error: { kind: "payload_too_large", limitBytes } };
    }
    chunks.push(value);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return { ok: false, error: { kind: "invalid_json" } };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    return {
      ok: false,
      error: {
        kind: "invalid_query",
        issues: [{ path: forbidden, message: "Dieser Feldname oder diese Verschachtelung ist nicht zulässig." }],
      },
    };
  }
  return { ok: true, value };
}

/** A request's query as a plain object, for the query schemas of the use cases (every route reads it so). */
export function readQuery(request: Request): Record<string, string | string[]> {
  return searchParamsToObject(new URL(request.url).searchParams);
}

/**
 * The parse step of every route that takes a JSON body: the request counted against `bucket`, its body read
 * (readJsonBody: size, type, syntax, forbidden keys), then `handle` with it; a refusal of either is answered
 * as an error. The use case parses the body's content with its own schema.
 */
export async function withJsonBody(
  request: Request,
  bucket: TRateBucket,
  handle: (body: unknown) => Promise<Response>,
): Promise<Response> {
  const limited = await limitRequest(request, bucket);
  if (limited) return limited;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return handle(body.value);
}

/** Nesting deeper than this is no form data; refused before any recursive code sees it. */
const MAX_JSON_DEPTH = 32;

/**
 * Path of the first object key anywhere in a JSON value that names Object's internals, or a
 * complaint about too deep nesting. Iterative, so hostile nesting cannot overflow the stack.
 */
function findForbiddenKey(root: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > MAX_JSON_DEPTH) return path || "body";
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const here = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) return here;
      stack.push({ value: child, path: here, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Wraps a route handler: any unexpected exception becomes a 500 with a generic German message
 * and no detail (the detail goes to the server log, without the request's token).
 */
export function withErrorHandling<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      // A malformed percent-encoding in the path (e.g. /api/assessments/%) names no assessment.
      if (e instanceof URIError) return errorResponse({ kind: "not_found" });
      // Name and message only (never the request, its URL or body: they may carry an edit token).
      console.error(
        JSON.stringify({
          level: "error",
          msg: "unexpected error in API route",
          error: e instanceof Error ? `${e.name}: ${e.message}` : "unknown",
        }),
      );
      return json({ error: "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut." }, 500);
    }
  };
}
