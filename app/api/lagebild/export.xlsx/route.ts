import { lagebildTables } from "@/lib/lagebild/lagebild-tables";
import { renderLagebildXlsx } from "@/lib/lagebild/lagebild-xlsx";
import { reference } from "@/lib/survey/reference";
import { lagebildDownload } from "../download";

/** GET /api/lagebild/export.xlsx?state=…&sizeClass=…: one sheet per table. */
export const GET = lagebildDownload(
  "xlsx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  (l, now) => renderLagebildXlsx(lagebildTables(reference, l), now),
);
