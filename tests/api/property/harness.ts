import type { APIRequestContext } from "@playwright/test";
import { expect, uniqueClientIp } from "../../support/test";
import { type TReply } from "./oracle";

/*
 * How the property tests send their requests: pools of fresh clients (own X-Forwarded-For) that never reach a
 * rate limit, the request itself, the run log and the fixed seed.
 */

/** Fresh clients (own X-Forwarded-For), each used for at most `budget` requests so that no rate limit is reached. */
export class ClientPool {
  private ctx: APIRequestContext | null = null;
  private used = 0;
  clients = 0;
  constructor(
    private readonly newContext: (ip: string) => Promise<APIRequestContext>,
    private readonly budget: number,
  ) {}
  async next(): Promise<APIRequestContext> {
    if (!this.ctx || this.used >= this.budget) {
      await this.ctx?.dispose();
      this.ctx = await this.newContext(uniqueClientIp());
      this.used = 0;
      this.clients += 1;
    }
    this.used += 1;
    return this.ctx;
  }
  async dispose() {
    await this.ctx?.dispose();
  }
}

export async function send(
  ctx: APIRequestContext,
  method: string,
  url: string,
  body?: { bytes: Buffer; contentType: string },
): Promise<TReply> {
  const res = await ctx.fetch(url, {
    method,
    headers: body ? { "content-type": body.contentType } : {},
    data: body?.bytes,
    maxRedirects: 0,
  });
  return { status: res.status(), text: await res.text(), headers: res.headers() };
}

export const runLog = (route: string, cases: number, numRuns: number, clients: number) =>
  console.log(
    `[fast-check] ${route}: ${cases} generated cases executed (numRuns ${numRuns}, ${clients} fresh clients)`,
  );

/** Runs several properties of one route; a failing one does not hide the others. */
export async function allProperties(runs: (() => Promise<void>)[]) {
  const failures: string[] = [];
  for (const run of runs) {
    try {
      await run();
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? `\n${e.cause.message}` : "";
      failures.push((e instanceof Error ? e.message : String(e)) + cause);
    }
  }
  expect(failures, failures.join("\n\n――――――――\n\n")).toEqual([]);
}

// A fixed seed keeps CI deterministic; FC_SEED=<n> replays a reported run or explores other cases.
export const FC_OPTIONS = { verbose: 0 as const, endOnFailure: false, seed: Number(process.env.FC_SEED ?? 7) };
