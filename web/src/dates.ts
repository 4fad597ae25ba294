/** Dates as Thai people read them: the Buddhist Era (พ.ศ. = ค.ศ. + 543) in Thai, day-month-year
 * in English. Stored and sent in ISO/Gregorian. */
import type { Language } from "./i18n";

const LOCALES: Record<Language, string> = { th: "th-TH-u-ca-buddhist", en: "en-GB" };
const TIME_ZONE = "Asia/Bangkok";

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return "–";
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(date);
}

/** Today in Bangkok as YYYY-MM-DD (what `next_visit_due` is compared with). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(now);
}

/** A date input's value (YYYY-MM-DD, the person's day in Bangkok) as an instant for the API:
 * noon that day, or now when noon is still ahead (a visit logged this morning), since the server
 * refuses a visit in the future. */
export function dayToInstant(day: string, now: Date = new Date()): string {
  const noon = new Date(`${day}T12:00:00+07:00`);
  return (noon > now ? now : noon).toISOString();
}

/** A moment with its time of day in Bangkok (the case timeline's "when"). */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONE,
  }).format(date);
}
