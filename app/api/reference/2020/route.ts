import { reference } from "@/lib/survey/reference";
import { jsonOf } from "@/lib/http/handle-route";
import { ZReference } from "@/lib/survey/schema";

export const dynamic = "force-static";

export function GET() {
  return jsonOf(ZReference, reference);
}
