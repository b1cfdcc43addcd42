/**
 * Numbers as German readers write them: thousands grouped with a dot ("10.747"), a decimal comma ("16,5").
 * The one place that formats numbers for pages, PDFs, CSV files and messages; each format is built once.
 */
const grouped = new Intl.NumberFormat("de-DE");
const decimals = new Map<number, Intl.NumberFormat>();
const decimal = (digits: number) => {
  let format = decimals.get(digits);
  if (!format) decimals.set(digits, (format = new Intl.NumberFormat("de-DE", { maximumFractionDigits: digits })));
  return format;
};
const fixedDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const csvDecimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1, useGrouping: false });

/** A count or a value as it is: "10.747", "16,5" (up to three decimals, as Intl's default). */
export const formatNumber = (n: number): string => grouped.format(n);

/** At most one decimal (or `digits`): "16,5", "17". */
export const formatDecimal = (n: number, digits = 1): string => decimal(digits).format(n);

/** At most one decimal, "–" where there is no value. */
export const formatDecimalOrDash = (n: number | null): string => (n === null ? "–" : decimal(1).format(n));

/** Exactly one decimal: "17,0". */
export const formatFixedDecimal = (n: number): string => fixedDecimal.format(n);

/** At most one decimal and no thousands dot, for a CSV cell Excel reads as one number: "10747", "16,5". */
export const formatCsvDecimal = (n: number): string => csvDecimal.format(n);
