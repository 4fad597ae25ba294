/** Baht as the API writes it ("1500.00"), counted in whole satang: never a float on a money path. */

const TYPED = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** What a person typed ("1,500", "120.5") as satang; `null` when it is not an amount. */
export function toSatang(typed: string): number | null {
  const found = TYPED.exec(typed.trim().replace(/,/g, ""));
  if (!found) return null;
  const [, baht = "0", satang = ""] = found;
  return Number(baht) * 100 + Number(satang.padEnd(2, "0"));
}

/** The API's decimal string ("1500.00") as satang; a missing value counts as none. */
export function apiSatang(thb: string | null | undefined): number {
  return thb ? (toSatang(thb) ?? 0) : 0;
}

/** Satang as the API takes it: "1500.00". */
export function toThb(satang: number): string {
  const whole = Math.trunc(satang / 100);
  return `${whole}.${String(satang % 100).padStart(2, "0")}`;
}

/** Satang as people read it: "1,500.00". */
export function formatBaht(satang: number): string {
  const [whole = "0", part = "00"] = toThb(satang).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${part}`;
}

/** The API's decimal string shown as people read it. */
export function showThb(thb: string | null | undefined): string {
  return formatBaht(apiSatang(thb));
}
