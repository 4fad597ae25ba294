/** What the API refused, from its problem+json: one message per field the form shows, the rest
 * as one line for the whole form. Pure functions (tested without a browser). */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Refusal {
  status: number;
  detail: string;
  errors: FieldProblem[];
}

export function refusalOf(status: number, body: unknown): Refusal {
  const problem = (typeof body === "object" && body !== null ? body : {}) as {
    detail?: unknown;
    title?: unknown;
    errors?: unknown;
  };
  const title = typeof problem.title === "string" ? problem.title : String(status);
  const detail = typeof problem.detail === "string" ? problem.detail : title;
  const errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldProblem) : [];
  return { status, detail, errors };
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const item = value as Partial<FieldProblem> | null;
  return typeof item?.field === "string" && typeof item.message === "string";
}

/** The messages for a form field: the field itself and its parts (`areas` holds `areas.0`). */
export function messagesFor(refusal: Refusal | undefined, field: string): string[] {
  if (!refusal) return [];
  return refusal.errors
    .filter((error) => error.field === field || error.field.startsWith(`${field}.`))
    .map((error) => error.message);
}

/** What no field of the form shows: the detail, and field errors the form has no place for. */
export function formMessages(refusal: Refusal | undefined, shown: readonly string[]): string[] {
  if (!refusal) return [];
  const placed = (field: string) => shown.some((name) => field === name || field.startsWith(`${name}.`));
  const rest = refusal.errors.filter((error) => !placed(error.field));
  if (refusal.errors.length > 0 && rest.length === 0) return [];
  return [refusal.detail, ...rest.map((error) => `${error.field}: ${error.message}`)];
}

/** Area codes typed as a list: separated by commas, spaces or new lines. */
export function parseAreas(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/** A team's form sends its seats in role order; `members.N...` names the N-th seat sent. */
export function seatFields(refusal: Refusal | undefined, roles: readonly string[]): Refusal | undefined {
  if (!refusal) return refusal;
  const errors = refusal.errors.map((error) => {
    const seat = /^members\.(\d+)(\..*)?$/.exec(error.field);
    const role = seat ? roles[Number(seat[1])] : undefined;
    return role ? { ...error, field: `member_${role}` } : error;
  });
  return { ...refusal, errors };
}
