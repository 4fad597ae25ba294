/** Form a Smile Team: a name, the sub-districts it covers, and any of its three seats. */
import { useState } from "preact/hooks";
import { navigate } from "../router";
import { formTeam, refusalFrom, SEAT_ROLES, type SeatRole } from "./data";
import { Field, FormProblems } from "./Field";
import { formMessages, parseAreas, seatFields, type Refusal } from "./problems";
import { SeatPicker } from "./SeatPicker";
import { useTexts } from "./text";

const FIELDS = ["name", "coverage", ...SEAT_ROLES.map((role) => `member_${role}`)];

export function TeamForm() {
  const { a } = useTexts();
  const [name, setName] = useState("");
  const [coverageText, setCoverageText] = useState("");
  const [coverage, setCoverage] = useState<string[]>([]);
  const [seats, setSeats] = useState<Partial<Record<SeatRole, string>>>({});
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    const roles = SEAT_ROLES.filter((role) => seats[role]);
    const members = roles.map((role) => ({ role, person_id: seats[role] ?? "" }));
    setBusy(true);
    formTeam(name.trim(), parseAreas(coverageText), members).then(
      (team) => { navigate(`/admin/teams/${team.id ?? ""}`); },
      (error: unknown) => {
        setBusy(false);
        setRefusal(seatFields(refusalFrom(error), roles));
      },
    );
  };
  return (
    <section aria-labelledby="team-form-title">
      <h1 id="team-form-title">{a("formTeamTitle")}</h1>
      <form class="card" onSubmit={submit} noValidate>
        <FormProblems lines={formMessages(refusal, FIELDS)} />
        <Field id="team-name" label={a("teamName")} field="name" refusal={refusal}>
          {(describedBy) => (
            <input id="team-name" value={name} aria-describedby={describedBy}
              onInput={(e) => { setName(e.currentTarget.value); }} />
          )}
        </Field>
        <Field id="team-coverage" label={a("coverage")} field="coverage" refusal={refusal}>
          {(describedBy) => (
            <input id="team-coverage" inputMode="numeric" value={coverageText} aria-describedby={describedBy}
              onInput={(e) => { setCoverageText(e.currentTarget.value); }}
              onBlur={() => { setCoverage(parseAreas(coverageText)); }} />
          )}
        </Field>
        <button type="button" class="secondary" onClick={() => { setCoverage(parseAreas(coverageText)); }}>
          {a("findCandidates")}
        </button>
        <fieldset>
          <legend>{a("members")}</legend>
          {SEAT_ROLES.map((role) => (
            <SeatPicker key={role} role={role} coverage={coverage} chosen={seats[role] ?? ""}
              refusal={refusal} field={`member_${role}`}
              onChoose={(id) => { setSeats({ ...seats, [role]: id }); }} />
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>{a("formTeam")}</button>
      </form>
    </section>
  );
}
