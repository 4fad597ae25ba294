/** Who may take a seat of a team: active people of the role in the coverage's district. */
import { useEffect, useState } from "preact/hooks";
import { candidates, type Person, type SeatRole } from "./data";
import { Field } from "./Field";
import type { Refusal } from "./problems";
import { useTexts } from "./text";

interface Props {
  role: SeatRole;
  coverage: string[];
  chosen: string;
  refusal: Refusal | undefined;
  field: string;
  onChoose: (personId: string) => void;
}

export function SeatPicker({ role, coverage, chosen, refusal, field, onChoose }: Props) {
  const { a } = useTexts();
  const [people, setPeople] = useState<Person[]>([]);
  const key = coverage.join(",");
  useEffect(() => {
    candidates(role, coverage).then(setPeople, () => { setPeople([]); });
  }, [role, key]);
  const id = `seat-${role}`;
  return (
    <Field id={id} label={a(`seat_${role}`)} field={field} refusal={refusal}
      {...(coverage.length ? {} : { hint: a("pickCoverageFirst") })}>
      {(describedBy) => (
        <select id={id} value={chosen} aria-describedby={describedBy}
          onChange={(e) => { onChoose(e.currentTarget.value); }}>
          <option value="">{a("nobody")}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.display_name} ({person.username}) · {person.areas.join(", ")}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
