/** How a merge field and its value read to a person (the conflict chooser). */
import type { Translate, MessageKey } from "./i18n";
import { capitalOfField, type Goal } from "./plan";

const PLAN_FIELDS: Record<string, MessageKey> = {
  problems: "planField_problems",
  needs: "planField_needs",
  livelihood: "planField_livelihood",
  requested_support: "planField_requested_support",
  annual_income_thb: "income",
  house_no: "houseNo",
};

export function fieldLabel(field: string, t: Translate): string {
  const capital = capitalOfField(field);
  if (capital) return t("goalsOfCapital", { capital: t(`capital_${capital}`) });
  const key = PLAN_FIELDS[field];
  return key ? t(key) : field;
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map(itemText).join(" · ");
  return itemText(value);
}

function itemText(item: unknown): string {
  if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") return String(item);
  if (isGoal(item)) return `${item.description}: ${item.baseline} → ${item.target}`;
  return JSON.stringify(item);
}

function isGoal(item: unknown): item is Goal {
  return typeof item === "object" && item !== null && "target" in item && "baseline" in item;
}
