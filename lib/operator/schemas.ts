import { z } from "zod";

/** Assessment ids are UUIDs (randomUUID in create-assessment and the demo seed). */
export const ZAssessmentId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
