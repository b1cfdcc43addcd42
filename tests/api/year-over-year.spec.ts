import { writeFileSync } from "node:fs";
import { expect, test } from "../support/test";
import {
  backdateAssessment,
  countAssessmentsNamed,
  createAssessment,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  KNOWN_ANSWERS,
  queryTestDatabase,
  registerCell,
  uniqueName,
  validProfile,
} from "../support/fixtures";
import { berlinYear } from "../../lib/format/calendar";
import { readPdf } from "../support/pdf";

// Year after year (docs/adr/0010-year-after-year.md): follow-ups, the history, targets and deleting one year or all.

const GERMAN = /[äöüß]|Bitte|nicht|Die |Das /;
const thisYear = berlinYear();
const api = (token: string, path = "") => `/api/assessments/${token}${path}`;

type THistory = {
  items: {
    id: string;
    status: string;
    year: number;
    index: number | null;
    changes: { questionId: string; from: unknown; to: unknown }[];
  }[];
};

test.describe("POST …/follow-up and GET …/history", () => {
  test("the next year starts pre-filled under the same link; the history lists both years and what changed", async ({
    request,
  }) => {
    const name = uniqueName("Folgestadt");
    const first = await createSubmittedAssessment(request, KNOWN_ANSWERS, validProfile(name));

    const res = await request.post(api(first.token, "/follow-up"));
    expect(res.status()).toBe(201);
    const next = (await res.json()) as { id: string; token: string; editUrl: string };
    expect(next.token).toBe(first.token);
    expect(next.id).not.toBe(first.id);
    expect(next.editUrl).toMatch(new RegExp(`/a/${first.token}$`));

    // The link opens the new draft, with last year's answers.
    const draft = await (await request.get(api(first.token))).json();
    expect(draft).toMatchObject({ id: next.id, status: "draft", version: 1, answers: KNOWN_ANSWERS });
    expect(draft.municipality.name).toBe(name);
    const carried = await queryTestDatabase<{ n: number | string }>(
      `SELECT COUNT(*) AS "n" FROM "Answer" WHERE "assessmentId" = ? AND "carriedOver" = TRUE`,
      [next.id],
    );
    expect(Number(carried[0]!.n)).toBeGreaterThan(20);

    let history = (await (await request.get(api(first.token, "/history"))).json()) as THistory;
    expect(history.items.map((i) => [i.id, i.status])).toEqual([
      [first.id, "submitted"],
      [next.id, "draft"],
    ]);
    expect(history.items[1]!.changes).toEqual([]);

    // Two answers change; saving them confirms them (no longer marked as taken over).
    const put = await request.put(api(first.token, "/answers"), {
      data: { version: 1, answers: { e_file: "in_use", citizen_app: "planned" } },
    });
    expect(put.status()).toBe(200);
    const confirmed = await queryTestDatabase<{ questionId: string }>(
      `SELECT "questionId" FROM "Answer" WHERE "assessmentId" = ? AND "carriedOver" = FALSE`,
      [next.id],
    );
    expect(confirmed.map((r) => r.questionId).sort()).toEqual(["citizen_app", "e_file"]);
    // Saving answers as they were taken over confirms them too: the rows stay, only their mark goes.
    const same = await request.put(api(first.token, "/answers"), {
      data: {
        version: 2,
        answers: { chance_or_risk: "chance", biggest_challenges: ["digital_transformation", "finances"] },
      },
    });
    expect(same.status()).toBe(200);
    const kept = await queryTestDatabase<{ questionId: string; optionId: string; carriedOver: boolean | number }>(
      `SELECT "questionId", "optionId", "carriedOver" FROM "Answer" WHERE "assessmentId" = ? AND "questionId" IN ('chance_or_risk', 'biggest_challenges')`,
      [next.id],
    );
    expect(kept.map((r) => [r.questionId, r.optionId, Boolean(r.carriedOver)]).sort()).toEqual([
      ["biggest_challenges", "digital_transformation", false],
      ["biggest_challenges", "finances", false],
      ["chance_or_risk", "chance", false],
    ]);
    expect((await request.post(api(first.token, "/submit"))).status()).toBe(200);

    history = (await (await request.get(api(first.token, "/history"))).json()) as THistory;
    expect(history.items.map((i) => i.status)).toEqual(["submitted", "submitted"]);
    expect(history.items[0]!.index).toBe(64.4);
    expect(history.items[1]!.index!).toBeGreaterThan(64.4);
    expect(history.items[1]!.changes).toEqual([
      { questionId: "e_file", from: "planned", to: "in_use" },
      { questionId: "citizen_app", from: "neither", to: "planned" },
    ]);
    // The year before is read-only: it has no link of its own any more.
    const [old] = await queryTestDatabase<{ tokenHash: string | null; superseded: unknown }>(
      `SELECT "tokenHash", "superseded" FROM "Assessment" WHERE "id" = ?`,
      [first.id],
    );
    expect(old!.tokenHash).toBeNull();
    expect(Boolean(old!.superseded)).toBe(true);
  });

  test("a follow-up of a draft is refused with the draft's address; unknown links get 404; nothing is created", async ({
    request,
  }) => {
    const name = uniqueName("Entwurfsstadt");
    const draft = await createAssessment(request, validProfile(name));
    const res = await request.post(api(draft.token, "/follow-up"));
    expect(res.status()).toBe(409);
    const body = await res.json();
    expect(body.error).toMatch(GERMAN);
    expect(body.editPath).toBe(`/a/${draft.token}`);
    expect(await countAssessmentsNamed(name)).toBe(1);

    expect((await request.post(api("x".repeat(43), "/follow-up"))).status()).toBe(404);
    expect((await request.post(api("nope", "/follow-up"))).status()).toBe(404);
    expect((await request.get(api("x".repeat(43), "/history"))).status()).toBe(404);
  });

  test("two follow-ups at once: one is created, the other gets 409", async ({ request }) => {
    const name = uniqueName("Doppelstadt");
    const first = await createSubmittedAssessment(request, KNOWN_ANSWERS, validProfile(name));
    const statuses = (
      await Promise.all([request.post(api(first.token, "/follow-up")), request.post(api(first.token, "/follow-up"))])
    )
      .map((r) => r.status())
      .sort();
    expect(statuses).toEqual([201, 409]);
    expect(await countAssessmentsNamed(name)).toBe(2);
  });

  test("an older year never counts as a peer again once a newer one was submitted, even while that is reopened", async ({
    request,
  }) => {
    const [row] = registerCell("DE-SL", "5000_19999", 1, 0);
    const codes = await insertTestCodes([row!.key]);
    const first = await createVerifiedSubmission(request, codes.get(row!.key)!);
    const current = async () =>
      (
        await queryTestDatabase<{ id: string }>(
          `SELECT "id" FROM "Assessment" WHERE "municipalityKey" = ? AND "peerCurrent" = TRUE`,
          [`ags:${row!.key}`],
        )
      ).map((r) => r.id);
    expect(await current()).toEqual([first.id]);
    const next = (await (await request.post(api(first.token, "/follow-up"))).json()) as { id: string };
    // While the new year is a draft, last year's submission still counts.
    expect(await current()).toEqual([first.id]);
    const draft = await (await request.get(api(first.token))).json();
    expect(draft.verifiedAt).not.toBeNull();
    expect((await request.post(api(first.token, "/submit"))).status()).toBe(200);
    expect(await current()).toEqual([next.id]);
    expect((await request.post(api(first.token, "/reopen"))).status()).toBe(200);
    expect(await current()).toEqual([]);
  });
});

test.describe("PUT …/targets", () => {
  const target = (option: string, year = thisYear + 2, responsible = "Hauptamt") => ({ option, year, responsible });

  test("saves targets at the sent version and returns them; a stale version gets 409 and changes nothing", async ({
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request);
    const targets = { e_file: target("in_use"), citizen_app: target("planned", thisYear + 1, "IT-Koordination") };
    const res = await request.put(api(token, "/targets"), { data: { version: 3, targets } });
    expect(res.status(), await res.text()).toBe(200);
    expect(await res.json()).toEqual({ version: 4 });
    expect(await (await request.get(api(token, "/targets"))).json()).toEqual({ version: 4, targets });

    const stale = await request.put(api(token, "/targets"), { data: { version: 3, targets: {} } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).currentVersion).toBe(4);
    expect((await (await request.get(api(token, "/targets"))).json()).targets).toEqual(targets);
  });

  const bad: [string, unknown, string][] = [
    ["a target not above today's answer", { e_invoice: target("planned") }, "targets.e_invoice.option"],
    ["a target equal to today's answer", { e_file: target("planned") }, "targets.e_file.option"],
    ["a past year", { e_file: target("in_use", thisYear - 1) }, "targets.e_file.year"],
    ["a year too far ahead", { e_file: target("in_use", thisYear + 11) }, "targets.e_file.year"],
    ["an unknown option", { e_file: target("teleport") }, "targets.e_file.option"],
    ["an unknown question", { warp_drive: target("in_use") }, "targets.warp_drive"],
    ["a question outside the index", { chance_or_risk: target("chance") }, "targets.chance_or_risk"],
    [
      "a responsible unit of 10,000 characters",
      { e_file: target("in_use", thisYear + 1, "x".repeat(10_000)) },
      "targets.e_file.responsible",
    ],
    ["no responsible unit", { e_file: target("in_use", thisYear + 1, "  ") }, "targets.e_file.responsible"],
    ["a year as text", { e_file: { option: "in_use", year: "2030", responsible: "Hauptamt" } }, "targets.e_file.year"],
  ];
  for (const [what, targets, path] of bad)
    test(`refuses ${what} with a German 422 and changes nothing`, async ({ request }) => {
      const { token } = await createSubmittedAssessment(request);
      const res = await request.put(api(token, "/targets"), { data: { version: 3, targets } });
      expect(res.status()).toBe(422);
      const body = await res.json();
      expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(body.error).toMatch(GERMAN);
      expect(await (await request.get(api(token, "/targets"))).json()).toEqual({ version: 3, targets: {} });
    });

  test("targets carry over to the follow-up, and a met one can be kept", async ({ request }) => {
    const first = await createSubmittedAssessment(request);
    const targets = { e_file: target("in_use", thisYear), e_payment: target("planned") };
    expect((await request.put(api(first.token, "/targets"), { data: { version: 3, targets } })).status()).toBe(200);
    await request.post(api(first.token, "/follow-up"));
    expect(await (await request.get(api(first.token, "/targets"))).json()).toEqual({ version: 1, targets });
    // The E-Akte is now in use: the target is met; saving the plan unchanged keeps it.
    await request.put(api(first.token, "/answers"), { data: { version: 1, answers: { e_file: "in_use" } } });
    const keep = await request.put(api(first.token, "/targets"), { data: { version: 2, targets } });
    expect(keep.status(), await keep.text()).toBe(200);
  });
});

test.describe("DELETE with a chain", () => {
  test("deletes the newest year (the link opens the year before) or, with ?scope=all, every year", async ({
    request,
  }) => {
    const name = uniqueName("Löschstadt");
    const first = await createSubmittedAssessment(request, KNOWN_ANSWERS, validProfile(name));
    await request.post(api(first.token, "/follow-up"));
    expect(await countAssessmentsNamed(name)).toBe(2);

    const badScope = await request.delete(`${api(first.token)}?scope=everything`);
    expect(badScope.status()).toBe(422);
    expect(await countAssessmentsNamed(name)).toBe(2);

    expect((await request.delete(api(first.token))).status()).toBe(204);
    const back = await (await request.get(api(first.token))).json();
    expect(back).toMatchObject({ id: first.id, status: "submitted" });

    await request.post(api(first.token, "/follow-up"));
    expect((await request.delete(`${api(first.token)}?scope=all`)).status()).toBe(204);
    expect((await request.get(api(first.token))).status()).toBe(404);
    expect(await countAssessmentsNamed(name)).toBe(0);
  });
});

test.describe("the report with history and plan", () => {
  test("the PDF lists what changed and the Maßnahmenplan", async ({ request }, testInfo) => {
    const first = await createSubmittedAssessment(request);
    await request.put(api(first.token, "/targets"), {
      data: { version: 3, targets: { e_payment: { option: "in_use", year: thisYear + 2, responsible: "Kämmerei" } } },
    });
    // A year later (two of one calendar year would be named by month instead).
    await backdateAssessment(first.id, new Date(`${thisYear - 1}-11-20T10:00:00Z`));
    await request.post(api(first.token, "/follow-up"));
    await request.put(api(first.token, "/answers"), { data: { version: 1, answers: { e_file: "in_use" } } });
    await request.post(api(first.token, "/submit"));
    const res = await request.get(api(first.token, "/report.pdf"));
    expect(res.status()).toBe(200);
    const body = await res.body();
    writeFileSync(testInfo.outputPath("report.pdf"), body);
    const text = (await readPdf(body)).text.replace(/\s+/g, "");
    const year = new Date().getFullYear();
    for (const needle of [
      `Entwicklungseit${year - 1}`,
      `E-Akte:${year - 1}„GeplantoderinDiskussion“→${year}„Ja,imEinsatz“(Fortschritt)`,
      "Maßnahmenplan",
      "Kämmerei",
    ])
      expect(text.includes(needle), needle).toBe(true);
  });
});
