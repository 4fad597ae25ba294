/** A form field with the API's messages for it right under it (and announced with it). */
import type { ComponentChildren } from "preact";
import { messagesFor, type Refusal } from "./problems";

interface Props {
  id: string;
  label: string;
  field: string; // the API's name for it
  refusal: Refusal | undefined;
  hint?: string;
  children: (describedBy: string | undefined) => ComponentChildren;
}

export function Field({ id, label, field, refusal, hint, children }: Props) {
  const messages = messagesFor(refusal, field);
  const described = [hint ? `${id}-hint` : "", messages.length ? `${id}-problem` : ""].filter(Boolean);
  return (
    <div class="field" data-field={field}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="note" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(described.length ? described.join(" ") : undefined)}
      {messages.length > 0 && (
        <p class="problem" id={`${id}-problem`}>
          {messages.join("; ")}
        </p>
      )}
    </div>
  );
}

/** What the refusal says that no field of the form shows. */
export function FormProblems({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div role="alert" class="problem">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
