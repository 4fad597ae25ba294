/**
 * Three-way merge of a versioned object's fields: `base` is the version the edit started from,
 * `mine` the edit, `theirs` what the server holds now. A field changed on one side only takes
 * that side's value; a field changed on both sides to different values is a conflict for the
 * person to settle (the merged value stays theirs until they choose).
 */
export type Fields = Record<string, unknown>;

export interface FieldConflict {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: Fields;
  conflicts: FieldConflict[];
}

export type Choice = "mine" | "theirs";

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return "undefined";
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Fields).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

export function threeWayMerge(base: Fields, mine: Fields, theirs: Fields): MergeResult {
  const merged: Fields = {};
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of [...fields].sort()) {
    const [b, m, t] = [base[field], mine[field], theirs[field]];
    const value = pick(b, m, t);
    if (value === CONFLICT) {
      conflicts.push({ field, base: b, mine: m, theirs: t });
      if (t !== undefined) merged[field] = t;
    } else if (value !== undefined) {
      merged[field] = value;
    }
  }
  return { merged, conflicts };
}

const CONFLICT = Symbol("conflict");

function pick(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (sameValue(mine, theirs)) return mine;
  if (sameValue(mine, base)) return theirs;
  if (sameValue(theirs, base)) return mine;
  return CONFLICT;
}

/** The merged fields with each conflict settled as the person chose (theirs when not chosen). */
export function settle(result: MergeResult, choices: Record<string, Choice>): Fields {
  const settled: Fields = { ...result.merged };
  for (const conflict of result.conflicts) {
    const chosen = choices[conflict.field] === "mine" ? conflict.mine : conflict.theirs;
    if (chosen === undefined) Reflect.deleteProperty(settled, conflict.field);
    else settled[conflict.field] = chosen;
  }
  return settled;
}

/** The fields of `next` that differ from `current`: what a PATCH has to send. */
export function changedFields(current: Fields, next: Fields): Fields {
  return Object.fromEntries(
    Object.entries(next).filter(([field, value]) => !sameValue(current[field], value)),
  );
}
