import { renderLagebildReport } from "@/lib/report/render-lagebild";
import { reference } from "@/lib/survey/reference";
import { lagebildDownload } from "../download";

/** GET /api/lagebild/report.pdf?state=…&sizeClass=…: the Lagebild as a tagged PDF. */
export const GET = lagebildDownload("pdf", "application/pdf", (l, now) => renderLagebildReport(reference, l, now));
