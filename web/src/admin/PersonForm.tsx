/** Register a person (roles, areas, contact, an optional password); change one; deactivate one. */
import { useEffect, useState } from "preact/hooks";
import { followLink } from "../router";
import {
  deactivatePerson,
  getPerson,
  registerPerson,
  Refused,
  refusalFrom,
  ROLES,
  updatePerson,
  type Person,
  type PersonIn,
  type RoleName,
} from "./data";
import { Field, FormProblems } from "./Field";
import { formMessages, messagesFor, parseAreas, type Refusal } from "./problems";
import { useTexts } from "./text";
import { PasswordReset } from "./PasswordReset";

const FIELDS = ["username", "display_name", "roles", "areas", "phone", "email", "password", "reason"];

interface Draft {
  username: string;
  display_name: string;
  roles: RoleName[];
  areas: string;
  phone: string;
  email: string;
  password: string;
  reason: string;
}

const EMPTY: Draft = {
  username: "", display_name: "", roles: [], areas: "", phone: "", email: "", password: "", reason: "",
};

function draftOf(person: Person): Draft {
  const { username, display_name, roles } = person;
  return { username, display_name, roles, areas: person.areas.join(", "), phone: person.phone ?? "", email: person.email ?? "", password: "", reason: "" };
}

function bodyOf(draft: Draft): PersonIn {
  return {
    username: draft.username.trim(),
    display_name: draft.display_name.trim(),
    roles: draft.roles,
    areas: parseAreas(draft.areas),
    phone: draft.phone.trim() || null,
    email: draft.email.trim() || null,
    ...(draft.password ? { password: draft.password } : {}),
  };
}

export function PersonRegistration() {
  const { a } = useTexts();
  const [done, setDone] = useState<Person | null>(null);
  const [formKey, setFormKey] = useState(0);
  const save = async (draft: Draft) => {
    const person = await registerPerson(bodyOf(draft));
    setDone(person);
    setFormKey(formKey + 1); // a fresh form for the next person
  };
  return (
    <section aria-labelledby="register-title">
      <h1 id="register-title">{a("registerTitle")}</h1>
      {done && (
        <p role="status" class="card">
          {a("registered", { name: done.display_name })}{" "}
          <a href={`/admin/people/${done.id}`} onClick={followLink}>
            {a("open")}
          </a>
        </p>
      )}
      <PersonForm key={formKey} initial={EMPTY} withPassword onSave={save} />
    </section>
  );
}

export function PersonEditor({ id }: { id: string }) {
  const { t, a } = useTexts();
  const [person, setPerson] = useState<Person | "loading" | "failed">("loading");
  const [note, setNote] = useState("");
  useEffect(() => {
    getPerson(id).then(setPerson, () => { setPerson("failed"); });
  }, [id]);
  if (person === "loading") return <p>{t("loading")}</p>;
  if (person === "failed") return <p role="alert">{t("loadFailed")}</p>;
  const afterStale = async (error: unknown) => {
    if (error instanceof Refused && error.refusal.status === 412) {
      setPerson(await getPerson(id));
      setNote(a("stale"));
    }
    throw error;
  };
  const save = async (draft: Draft) => {
    const reason = draft.reason.trim();
    const change = { ...bodyOf({ ...draft, password: "" }), ...(reason ? { reason } : {}) };
    setPerson(await updatePerson(person, change).catch(afterStale));
    setNote(a("saved"));
  };
  return (
    <section aria-labelledby="person-title">
      <h1 id="person-title">{a("editTitle", { name: person.display_name })}</h1>
      <p class={person.active ? "" : "problem"}>{person.active ? a("active") : a("inactive")}</p>
      {note && <p role="status">{note}</p>}
      <PersonForm key={person.version} initial={draftOf(person)} onSave={save} />
      {person.active && <PasswordReset person={person} />}
      {person.active && (
        <Deactivate person={person} onDone={(changed) => { setPerson(changed); setNote(a("deactivated")); }} />
      )}
    </section>
  );
}

function Deactivate({ person, onDone }: { person: Person; onDone: (person: Person) => void }) {
  const { a } = useTexts();
  const [refusal, setRefusal] = useState<Refusal>();
  const deactivate = () => {
    deactivatePerson(person).then(onDone, (error: unknown) => { setRefusal(refusalFrom(error)); });
  };
  return (
    <div class="card">
      <p class="note" id="deactivate-note">{a("deactivateNote")}</p>
      <button type="button" class="secondary" aria-describedby="deactivate-note" onClick={deactivate}>
        {a("deactivate")}
      </button>
      <FormProblems lines={formMessages(refusal, [])} />
    </div>
  );
}

interface FormProps {
  initial: Draft;
  withPassword?: boolean;
  onSave: (draft: Draft) => Promise<void>;
}

function PersonForm({ initial, withPassword = false, onSave }: FormProps) {
  const { a } = useTexts();
  const [draft, setDraft] = useState<Draft>(initial);
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const set = (name: keyof Draft) => (event: Event) => {
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(undefined);
    onSave(draft).then(
      () => { setBusy(false); },
      (error: unknown) => { setBusy(false); setRefusal(refusalFrom(error)); },
    );
  };
  const text = (name: keyof Draft, label: string, type = "text", hint?: string) => (
    <Field id={`person-${name}`} label={label} field={name} refusal={refusal} {...(hint ? { hint } : {})}>
      {(describedBy) => (
        <input id={`person-${name}`} type={type} value={draft[name] as string} onInput={set(name)}
          aria-describedby={describedBy} aria-invalid={messagesFor(refusal, name).length > 0 || undefined} />
      )}
    </Field>
  );
  return (
    <form class="card" onSubmit={submit} noValidate>
      <FormProblems lines={formMessages(refusal, FIELDS)} />
      {text("username", a("username"))}
      {text("display_name", a("displayName"))}
      <RoleChoice chosen={draft.roles} refusal={refusal} onChange={(roles) => { setDraft({ ...draft, roles }); }} />
      {text("areas", a("areas"), "text", a("areasHint"))}
      {text("phone", a("phone"), "tel")}
      {text("email", a("email"), "email")}
      {withPassword && text("password", a("password"), "password")}
      {!withPassword && text("reason", a("reason"), "text", a("reasonHint"))}
      <button type="submit" disabled={busy}>{a("save")}</button>
    </form>
  );
}

interface RoleProps {
  chosen: RoleName[];
  refusal: Refusal | undefined;
  onChange: (roles: RoleName[]) => void;
}

function RoleChoice({ chosen, refusal, onChange }: RoleProps) {
  const { a } = useTexts();
  const messages = messagesFor(refusal, "roles");
  const toggle = (role: RoleName) => {
    onChange(chosen.includes(role) ? chosen.filter((r) => r !== role) : [...chosen, role]);
  };
  return (
    <fieldset data-field="roles" aria-describedby={messages.length ? "roles-problem" : undefined}>
      <legend>{a("roles")}</legend>
      {ROLES.map((role) => (
        <label key={role} class="check">
          <input type="checkbox" checked={chosen.includes(role)} onChange={() => { toggle(role); }} />
          {a(`role_${role}`)}
        </label>
      ))}
      {messages.length > 0 && <p class="problem" id="roles-problem">{messages.join("; ")}</p>}
    </fieldset>
  );
}
