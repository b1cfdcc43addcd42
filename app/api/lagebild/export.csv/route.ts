import { lagebildTables, renderLagebildCsv } from "@/lib/lagebild/lagebild-tables";
import { reference } from "@/lib/survey/reference";
import { lagebildDownload } from "../download";

/** GET /api/lagebild/export.csv?state=…&sizeClass=…: the Lagebild for German Excel. */
export const GET = lagebildDownload("csv", "text/csv; charset=utf-8", (l) =>
  renderLagebildCsv(lagebildTables(reference, l)),
);
