import { reference } from "@/lib/survey/reference";
import { json } from "@/lib/http/handle-route";

export const dynamic = "force-static";

export function GET() {
  return json(reference);
}
