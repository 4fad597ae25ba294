/** Thai first; English on request, remembered per person on this device (localStorage). */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { en, th, type Messages } from "./messages";

export type Language = "th" | "en";
export type MessageKey = keyof Messages;
const CATALOGUES: Record<Language, Messages> = { th, en };
const LAST_CHOICE = "smile.language";

function storageKey(personId: string | undefined): string {
  return personId ? `${LAST_CHOICE}.${personId}` : LAST_CHOICE;
}

export function savedLanguage(personId?: string): Language {
  const saved =
    localStorage.getItem(storageKey(personId)) ?? localStorage.getItem(LAST_CHOICE) ?? "th";
  return saved === "en" ? "en" : "th";
}

export function saveLanguage(language: Language, personId?: string): void {
  localStorage.setItem(LAST_CHOICE, language);
  if (personId) localStorage.setItem(storageKey(personId), language);
}

export function translator(language: Language) {
  const catalogue = CATALOGUES[language];
  return (key: MessageKey, values: Record<string, string | number> = {}): string =>
    catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

export type Translate = ReturnType<typeof translator>;
export const LanguageContext = createContext<{ language: Language; t: Translate }>({
  language: "th",
  t: translator("th"),
});

export function useT() {
  return useContext(LanguageContext);
}

/** A key built from the API's words (a stage, a role) may name no message: check first. */
export function isMessageKey(key: string): key is MessageKey {
  return key in CATALOGUES.th;
}

/** The message for `prefix + word`, or the word itself when there is none. */
export function wordText(t: Translate, prefix: string, word: string): string {
  const key = prefix + word;
  return isMessageKey(key) ? t(key) : word;
}
