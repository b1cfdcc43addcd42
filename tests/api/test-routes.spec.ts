import { expect, test } from "../support/test";
import { serverDiagnostics, startServer, type TServer } from "../support/server";

/*
 * The test switches of the error pages (lib/testing/test-routes.ts) exist only where TEST_ROUTES=true, as on
 * the test server (tests/e2e/error-pages.spec.ts). An instance started without it, on the suite's database,
 * has no page that throws and ignores the header that makes the root layout fail.
 */

// One of this worktree's own ports.
const PORT = 25_000 + Number(process.env.E2E_PORT ?? 3100);

test.describe("an instance without TEST_ROUTES", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  let server: TServer | undefined;

  test.beforeAll(async () => {
    server = await startServer(PORT, {
      DATABASE_URL: process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db",
      TEST_ROUTES: "",
    });
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) console.error(serverDiagnostics(server, "instance"));
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("has no page that throws, and the failure header changes nothing", async () => {
    const page = await fetch(`${server!.url}/testfehler`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Seite nicht gefunden");

    const home = await fetch(`${server!.url}/`, { headers: { "x-test-fail": "layout" } });
    expect(home.status).toBe(200);
    expect(await home.text()).not.toContain("Ein Fehler ist aufgetreten");
  });
});

test("the test server has the switch on: /testfehler fails, and its answer carries neither the error's message nor a stack", async ({
  request,
}) => {
  // The German words come with the client (app/error.tsx renders in the browser; tests/e2e/error-pages.spec.ts):
  // Next answers a failed page with an empty error document and the error's digest only.
  const res = await request.get("/testfehler");
  expect(res.status()).toBe(500);
  const html = await res.text();
  expect(html).not.toContain("Failure requested by a test");
  expect(html).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\.next\/server/);
});
