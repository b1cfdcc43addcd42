// The scripts' command-line parser. Options are declared per script; each value is the argument after
// its option, whatever it looks like (`--count --remove` gives --count the value "--remove"), and a
// repeated option keeps its last value. A bad value or an unknown option is a UsageError: one line,
// printed by the caller, who decides the exit code.

/** A mistake on the command line; its message is one line for the user. */
export class UsageError extends Error {}

/** Throws a UsageError; for use in an option's parse(). */
export function usageError(message) {
  throw new UsageError(message);
}

/** parse() for a whole number from 1 (bench, bench:pdf). */
export function integerFrom1(raw, flag) {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1) usageError(`${flag} erwartet eine ganze Zahl ab 1.`);
  return v;
}

const camelCase = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Parses argv (process.argv.slice(2)) by spec: { [name]: { type, default, short, parse } }, name
 * without the dashes.
 * - type "boolean": present means true (default false); takes no value.
 * - type "string" / "number": takes the next argument (undefined when there is none), passed through
 *   parse(raw, "--name") when given, else kept as it is ("string") or converted with Number() ("number").
 * - short: a one-letter alias (-h).
 * Returns { values, positionals }; values are keyed in camelCase ("lock-timeout" → lockTimeout) and hold
 * every option, with its default when absent. An argument that is no declared option is collected in
 * positionals when `positionals` is true and it does not start with "--"; otherwise it is a UsageError
 * with the message unknown(argument).
 */
export function parseArgs(argv, spec, { positionals = false, unknown = (a) => `Unbekannte Option: ${a}.` } = {}) {
  const byFlag = new Map();
  const values = {};
  for (const [name, option] of Object.entries(spec)) {
    const entry = { ...option, key: camelCase(name) };
    byFlag.set(`--${name}`, entry);
    if (option.short) byFlag.set(`-${option.short}`, entry);
    values[entry.key] = option.type === "boolean" ? (option.default ?? false) : option.default;
  }
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const option = byFlag.get(a);
    if (!option) {
      if (positionals && !a.startsWith("--")) rest.push(a);
      else usageError(unknown(a));
    } else if (option.type === "boolean") values[option.key] = true;
    else {
      const raw = argv[++i];
      values[option.key] = option.parse ? option.parse(raw, a) : option.type === "number" ? Number(raw) : raw;
    }
  }
  return { values, positionals: rest };
}

/** parseArgs for a script's top level: a UsageError is printed (after prefix) and ends the process with exitCode. */
export function parseArgsOrExit(argv, spec, { prefix = "", exitCode = 2, ...options } = {}) {
  try {
    return parseArgs(argv, spec, options);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${prefix}${e.message}`);
    process.exit(exitCode);
  }
}
