/** Villages as people name them: หมู่ที่ 3 นาเมือง, never a bare code. The DOPA data names
 * tambons, not villages: a village is its number (the code's last two digits) in its tambon,
 * whose name is read once from `GET /api/v1/areas/{code}` and kept on the device (area names are
 * public data), so the name shows offline too. */
import { useEffect, useState } from "preact/hooks";
import { api } from "./api/session";
import { useT, type Language } from "./i18n";

export interface AreaNames {
  name_th: string;
  name_en: string;
}

const KEPT = "area:";
const asked = new Map<string, Promise<AreaNames | undefined>>();

export function villageLabel(code: string, tambon: AreaNames | undefined, language: Language): string {
  if (!/^[0-9]{8}$/.test(code)) return code;
  const number = Number(code.slice(6));
  const village = language === "th" ? `หมู่ที่ ${number}` : `Village ${number}`;
  const where = tambon ? (language === "th" ? tambon.name_th : tambon.name_en) : code.slice(0, 6);
  return `${village} ${where}`;
}

export function keptArea(code: string): AreaNames | undefined {
  try {
    const kept = localStorage.getItem(KEPT + code);
    return kept ? (JSON.parse(kept) as AreaNames) : undefined;
  } catch {
    return undefined;
  }
}

export function lookUpArea(code: string): Promise<AreaNames | undefined> {
  const known = keptArea(code);
  if (known) return Promise.resolve(known);
  let pending = asked.get(code);
  if (!pending) {
    pending = readArea(code);
    asked.set(code, pending);
  }
  return pending;
}

async function readArea(code: string): Promise<AreaNames | undefined> {
  try {
    const { data } = await api.GET("/api/v1/areas/{code}", { params: { path: { code } } });
    if (!data) return undefined;
    const names = { name_th: data.name_th, name_en: data.name_en };
    localStorage.setItem(KEPT + code, JSON.stringify(names));
    return names;
  } catch {
    asked.delete(code); // offline: ask again next time
    return undefined;
  }
}

export function VillageName({ code = "" }: { code?: string | undefined }) {
  const { language } = useT();
  const tambonCode = code.slice(0, 6);
  const [tambon, setTambon] = useState(() => keptArea(tambonCode));
  useEffect(() => {
    if (!tambon && tambonCode.length === 6) void lookUpArea(tambonCode).then(setTambon);
  }, [tambonCode, tambon]);
  return <>{code ? villageLabel(code, tambon, language) : "–"}</>;
}

export interface Housed {
  head_name?: string | null;
  village_code?: string | undefined;
  house_no?: string | null;
}

/** A household as people tell it apart: its head's name, then its village and house number. */
export function HouseholdLabel({ household }: { household: Housed }) {
  const { t } = useT();
  return (
    <>
      {household.head_name && <strong>{household.head_name} · </strong>}
      <VillageName code={household.village_code} /> · {t("houseNo")} {household.house_no ?? "–"}
    </>
  );
}
