import { describe, expect, it } from "vitest";
import { PageCache } from "@/lib/page-cache/store";

const NONCE = "T0xEbm9uY2UtMTIzNDU2Nzg5MA==";
const csp = (nonce: string) => `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`;
const html = (nonce: string, text = "Ergebnis") =>
  `<script nonce="${nonce}">x</script><p>${text}</p>{"nonce":"${nonce}"}`;
const headers = (nonce: string, extra: Record<string, string> = {}) => ({
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": csp(nonce),
  link: `</a.css>; rel=preload; as="style"; nonce="${nonce}"`,
  "x-request-id": "req-1",
  "content-length": "123",
  ...extra,
});

describe("PageCache", () => {
  it("replays the body and headers with the nonce of the hit, never the recorded one", () => {
    const cache = new PageCache(1024 * 1024);
    expect(cache.put("tok|3|7|http|h", headers(NONCE), html(NONCE))).toBe(true);
    const hit = cache.get("tok", "tok|3|7|http|h");
    expect(hit).not.toBeNull();
    expect(hit!.body("FRESH")).toBe(html("FRESH"));
    const replayed = Object.fromEntries(hit!.headers("FRESH"));
    expect(replayed.link).toBe('</a.css>; rel=preload; as="style"; nonce="FRESH"');
    expect(replayed["content-type"]).toBe("text/html; charset=utf-8");
    // Headers of that one response, and the CSP (the proxy sets a new one), are not replayed.
    expect(replayed["content-security-policy"]).toBeUndefined();
    expect(replayed["x-request-id"]).toBeUndefined();
    expect(replayed["content-length"]).toBeUndefined();
  });

  it("answers only for the exact versions it was recorded with, and keeps one entry per page", () => {
    const cache = new PageCache(1024 * 1024);
    cache.put("tok|3|7|http|h", headers(NONCE), html(NONCE, "alt"));
    expect(cache.get("tok", "tok|4|7|http|h")).toBeNull();
    // The miss above dropped the outdated entry.
    expect(cache.get("tok", "tok|3|7|http|h")).toBeNull();
    cache.put("tok|4|7|http|h", headers(NONCE), html(NONCE, "neu"));
    cache.put("tok|5|7|http|h", headers(NONCE), html(NONCE, "neuer"));
    expect(cache.get("tok", "tok|4|7|http|h")).toBeNull();
    cache.put("tok|5|7|http|h", headers(NONCE), html(NONCE, "neuer"));
    expect(cache.get("tok", "tok|5|7|http|h")!.body("N")).toContain("neuer");
  });

  it("keeps nothing without a nonce in the CSP, nor a response that sets a cookie, nor a page for one request only", () => {
    const cache = new PageCache(1024 * 1024);
    expect(cache.put("a|1|1|http|h", { "content-type": "text/html" }, html(NONCE))).toBe(false);
    expect(cache.put("b|1|1|http|h", headers(NONCE, { "set-cookie": "s=1" }), html(NONCE))).toBe(false);
    expect(
      cache.put(
        "c|1|1|http|h",
        headers(NONCE),
        `<div class="stack" data-no-page-cache="">Zu viele Anfragen</div>${html(NONCE)}`,
      ),
    ).toBe(false);
    expect(cache.get("a", "a|1|1|http|h")).toBeNull();
    expect(cache.get("b", "b|1|1|http|h")).toBeNull();
    expect(cache.get("c", "c|1|1|http|h")).toBeNull();
  });

  it("drops an entry on request (deleted link) and after 15 minutes", () => {
    const cache = new PageCache(1024 * 1024);
    const t0 = 1_000_000;
    cache.put("a|1|1|http|h", headers(NONCE), html(NONCE), t0);
    cache.put("b|1|1|http|h", headers(NONCE), html(NONCE), t0);
    cache.drop("a");
    expect(cache.get("a", "a|1|1|http|h", t0)).toBeNull();
    expect(cache.get("b", "b|1|1|http|h", t0 + 15 * 60_000 - 1)).not.toBeNull();
    expect(cache.get("b", "b|1|1|http|h", t0 + 15 * 60_000)).toBeNull();
  });

  it("stays within its memory bound, dropping the least recently used page first", () => {
    const page = html(NONCE, "x".repeat(10_000));
    const cache = new PageCache(page.length * 2 * 4 + 100);
    for (const id of ["a", "b", "c", "d"]) cache.put(`${id}|1|1|http|h`, headers(NONCE), page);
    expect(cache.get("a", "a|1|1|http|h")).not.toBeNull(); // a is now the most recently used
    cache.put("e|1|1|http|h", headers(NONCE), page);
    expect(cache.get("b", "b|1|1|http|h")).toBeNull();
    for (const id of ["a", "c", "d", "e"]) expect(cache.get(id, `${id}|1|1|http|h`), id).not.toBeNull();
    // A page larger than a quarter of the bound is not kept at all.
    expect(cache.put("f|1|1|http|h", headers(NONCE), "y".repeat(page.length * 2))).toBe(false);
  });
});
