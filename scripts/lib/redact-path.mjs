// Kept for the scripts that import it from here; the rule lives with the server's log (lib/http/log.cjs).
export { redactPath } from "../../lib/http/log.cjs";
