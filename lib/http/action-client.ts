import "server-only";
import { headers } from "next/headers";
import { clientIdFromHeaders } from "../security/client-id";
import { consumeRateLimit, type TRateBucket, type TRateDecision } from "../db/rate-limit";

/** The client of the current server action or page request (for rate limits). */
export async function currentClientId(): Promise<string> {
  return clientIdFromHeaders(await headers());
}

/** Counts the current server action against a bucket. */
export async function limitAction(bucket: TRateBucket): Promise<TRateDecision> {
  return consumeRateLimit(bucket, await currentClientId());
}
