/** An administrator sets a person's new password (a forgotten one): the person's earlier sign-ins
 * end with it, and the rules' refusal shows under the field. */
import { useState } from "preact/hooks";
import { refusalFrom, setPassword, type Person } from "./data";
import { Field, FormProblems } from "./Field";
import { formMessages, type Refusal } from "./problems";
import { useTexts } from "./text";

export function PasswordReset({ person }: { person: Person }) {
  const { a } = useTexts();
  const [password, setPasswordText] = useState("");
  const [refusal, setRefusal] = useState<Refusal>();
  const [done, setDone] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    setRefusal(undefined);
    setDone(false);
    setPassword(person, password).then(
      () => { setDone(true); setPasswordText(""); },
      (error: unknown) => { setRefusal(refusalFrom(error)); },
    );
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <h2>{a("resetPassword")}</h2>
      <FormProblems lines={formMessages(refusal, ["password"])} />
      <Field id="reset-password" label={a("newPassword")} field="password" refusal={refusal}>
        {(describedBy) => (
          <input id="reset-password" type="password" autoComplete="new-password" value={password}
            aria-describedby={describedBy} onInput={(e) => { setPasswordText(e.currentTarget.value); }} />
        )}
      </Field>
      {done && <p role="status">{a("passwordSet")}</p>}
      <button type="submit" class="secondary">{a("resetPassword")}</button>
    </form>
  );
}
