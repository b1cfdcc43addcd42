import { expect, test } from "../support/test";
import { createAssessment, createSubmittedAssessment } from "../support/fixtures";

test.describe("GET /api/assessments/{token}/benchmark", () => {
  test("a submitted assessment: index, statements, positions and recommendations", async ({ request }) => {
    const { token } = await createSubmittedAssessment(request);
    const res = await request.get(`/api/assessments/${token}/benchmark`);
    expect(res.status()).toBe(200);
    const b = await res.json();
    expect(b.complete).toBe(true);
    expect(b.index.score).toBe(64.4);
    expect(b.index.nationalMean).toBe(48.5);
    expect(b.index.level.name).toBe("Fortgeschritten");
    expect(b.index.dimensions.map((d: { id: string; score: number }) => [d.id, d.score])).toEqual([
      ["strategy", 50],
      ["processes", 50],
      ["services", 50],
      ["capabilities", 72.2],
      ["work", 100],
    ]);
    const item = (id: string) => b.items.find((i: { questionId: string }) => i.questionId === id);
    expect(item("e_invoice")).toMatchObject({
      answer: "in_use",
      share: 20,
      statement: "Sie nutzen die E-Rechnung bereits; 2020 taten das erst 20\u00a0% der Kommunen.",
      ahead: 80,
    });
    expect(item("e_file")).toMatchObject({
      share: 61,
      statement: "Sie planen oder diskutieren die E-Akte; 2020 taten das 61\u00a0% der Kommunen.",
      ahead: 23,
    });
    expect(item("staff_digital_skills").ahead).toBe(51);
    expect(item("e_payment").statement).toBe(
      "Sie haben das E-Payment weder im Einsatz noch in Planung. Bei rund 33\u00a0% der Kommunen war das 2020 so, oder sie machten dazu keine Angabe.",
    );
    expect(item("e_payment").derived).toBe(true);
    expect(item("biggest_challenges")).toMatchObject({
      shares: { finances: 68, digital_transformation: 31 },
      ahead: null,
    });
    expect(item("digital_strategy").statement).toContain(
      "Insgesamt hatten 2020 56\u00a0% der Kommunen noch keine Digitalstrategie",
    );
    expect(b.recommendations.map((r: { questionId: string }) => r.questionId)).toEqual([
      "online_applications",
      "e_file",
      "e_payment",
      "citizen_app",
      "own_position",
    ]);
    // Units of the size class (administrations, docs/adr/0013-administrations-as-units.md), not Gemeinden.
    expect(b.context).toMatchObject({ national: 2611, sizeClass: "5000_19999" });
  });

  test("a draft gives a partial benchmark marked incomplete, never an error", async ({ request }) => {
    const { token } = await createAssessment(request);
    const empty = await (await request.get(`/api/assessments/${token}/benchmark`)).json();
    expect(empty).toMatchObject({ complete: false, status: "draft", items: [], recommendations: [] });
    expect(empty.index.score).toBeNull();
    await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: { e_file: "in_use" } } });
    const partial = await (await request.get(`/api/assessments/${token}/benchmark`)).json();
    expect(partial.complete).toBe(false);
    expect(partial.items).toHaveLength(1);
    expect(partial.index.dimensions.find((d: { id: string }) => d.id === "processes").score).toBe(100);
    expect(partial.unanswered).not.toContain("e_file");
  });

  test("404 for an unknown token", async ({ request }) => {
    const res = await request.get(`/api/assessments/${"D".repeat(43)}/benchmark`);
    expect(res.status()).toBe(404);
  });
});
