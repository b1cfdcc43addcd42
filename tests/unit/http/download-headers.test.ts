import { describe, expect, test } from "vitest";
import { contentDisposition, downloadHeaders } from "@/lib/http/download-headers";

/** The name a client reads from filename* (RFC 5987: charset, empty language, percent-encoded UTF-8). */
const utf8Name = (header: string) => decodeURIComponent(/filename\*=UTF-8''([^;\s]+)$/.exec(header)![1]!);
const fallback = (header: string) => /filename="([^"]*)"/.exec(header)![1]!;

describe("download headers", () => {
  test("a name with umlauts and ß: the exact name in filename*, the umlauts written out in the ASCII fallback", () => {
    const header = contentDisposition("Digitalcheck-Großenhain-Süß-März-2026-Stand-2026-12-07.pdf");
    expect(header).toBe(
      "attachment; filename=\"Digitalcheck-Grossenhain-Suess-Maerz-2026-Stand-2026-12-07.pdf\"; filename*=UTF-8''Digitalcheck-Gro%C3%9Fenhain-S%C3%BC%C3%9F-M%C3%A4rz-2026-Stand-2026-12-07.pdf",
    );
    expect(utf8Name(header)).toBe("Digitalcheck-Großenhain-Süß-März-2026-Stand-2026-12-07.pdf");
    expect(contentDisposition("ÄÖÜäöü.csv")).toContain('filename="AeOeUeaeoeue.csv"');
  });

  test("characters RFC 5987 does not allow unencoded are percent-encoded; quotes, backslashes and line breaks never reach the fallback", () => {
    const name = "Bericht (Entwurf) 'A'*B \"C\"\\D\r\nE 😀.pdf";
    const header = contentDisposition(name);
    const star = /filename\*=UTF-8''(\S+)$/.exec(header)![1]!;
    // attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~", else %XX.
    expect(star).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    expect(utf8Name(header)).toBe(name);
    expect(fallback(header)).toBe("Bericht (Entwurf) 'A'*B CDE .pdf");
    expect(header).not.toMatch(/[\r\n]/);
  });

  test("accented letters fall back to their base letter; a name of no ASCII at all still gets a fallback", () => {
    expect(fallback(contentDisposition("Élancourt-Çağlar.pdf"))).toBe("Elancourt-Caglar.pdf");
    expect(fallback(contentDisposition("日本"))).toBe("download");
  });

  test("type, no caching, and the length when it is known", () => {
    expect(downloadHeaders("a.csv", "text/csv; charset=utf-8")).toEqual({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": "attachment; filename=\"a.csv\"; filename*=UTF-8''a.csv",
      "cache-control": "no-store",
    });
    expect(downloadHeaders("r.pdf", "application/pdf", { length: 1234 })["content-length"]).toBe("1234");
  });
});
