import { getEnv } from "./env";

/** Who runs this instance, from the configuration (Impressum, Datenschutz, Barrierefreiheit). */
export function getOperatorInfo() {
  const env = getEnv();
  return {
    configured: Boolean(env.OPERATOR_NAME && env.OPERATOR_ADDRESS && env.OPERATOR_EMAIL),
    name: env.OPERATOR_NAME ?? null,
    address: env.OPERATOR_ADDRESS ?? null,
    email: env.OPERATOR_EMAIL ?? null,
    phone: env.OPERATOR_PHONE ?? null,
    representative: env.OPERATOR_REPRESENTATIVE ?? null,
  };
}
