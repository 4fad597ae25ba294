/** One Smile Team: its name and sub-districts (changeable), its members by name, who joins a
 * missing seat, who leaves (with a reason). */
import { useEffect, useState } from "preact/hooks";
import { followLink } from "../router";
import {
  changeTeam, getPerson, getTeam, joinTeam, leaveTeam, refusalFrom, type Person, type SeatRole, type Team,
} from "./data";
import { Field, FormProblems } from "./Field";
import { formMessages, parseAreas, type Refusal } from "./problems";
import { SeatPicker } from "./SeatPicker";
import { teamStatus } from "./Teams";
import { useTexts } from "./text";

export function TeamView({ id }: { id: string }) {
  const { t, a } = useTexts();
  const [team, setTeam] = useState<Team | "loading" | "failed">("loading");
  const [note, setNote] = useState("");
  const [refusal, setRefusal] = useState<Refusal>();
  useEffect(() => {
    getTeam(id).then(setTeam, () => { setTeam("failed"); });
  }, [id]);
  if (team === "loading") return <p>{t("loading")}</p>;
  if (team === "failed") return <p role="alert">{t("loadFailed")}</p>;

  const act = (change: Promise<Team>, done: string) => {
    setRefusal(undefined);
    setNote("");
    change.then(
      (changed) => { setTeam(changed); setNote(done); },
      async (error: unknown) => {
        const refusal = refusalFrom(error);
        setRefusal(refusal);
        if (refusal.status === 412) { setTeam(await getTeam(id)); setNote(a("stale")); }
      },
    );
  };
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">{a("teamTitle", { name: team.name ?? "" })}</h1>
      <p>{teamStatus(team, a)} · {a("coverageShort")}: {(team.coverage ?? []).join(", ")}</p>
      {note && <p role="status">{note}</p>}
      <FormProblems lines={formMessages(refusal, ["name", "coverage"])} />
      <Change key={team.version} team={team} refusal={refusal}
        onChange={(name, coverage) => { act(changeTeam(team, name, coverage), a("teamChanged")); }} />
      <h2>{a("members")}</h2>
      <ul class="list">
        {(team.members ?? []).map((seat) => (
          <Member key={seat.person_id} role={seat.role ?? ""} personId={seat.person_id ?? ""}
            onLeave={(reason) => { act(leaveTeam(team, seat.person_id ?? "", reason), a("left")); }} />
        ))}
      </ul>
      {(team.missing_roles ?? []).length > 0 && (
        <Join team={team} onJoin={(role, person) => { act(joinTeam(team, { role, person_id: person }), a("joined")); }} />
      )}
    </section>
  );
}

interface MemberProps {
  role: string;
  personId: string;
  onLeave: (reason: string) => void;
}

function Member({ role, personId, onLeave }: MemberProps) {
  const { a } = useTexts();
  const [person, setPerson] = useState<Person>();
  const [reason, setReason] = useState("");
  useEffect(() => {
    getPerson(personId).then(setPerson, () => undefined);
  }, [personId]);
  const reasonId = `leave-${personId}`;
  return (
    <li class="card" data-member={personId}>
      <p>
        <strong>{a(`seat_${role}` as Parameters<typeof a>[0])}</strong>:{" "}
        <a href={`/admin/people/${personId}`} onClick={followLink}>
          {person ? `${person.display_name} (${person.username})` : personId.slice(0, 8)}
        </a>
      </p>
      <form class="inline-form" onSubmit={(e) => { e.preventDefault(); onLeave(reason); }}>
        <label for={reasonId}>{a("reason")}</label>
        <input id={reasonId} value={reason} onInput={(e) => { setReason(e.currentTarget.value); }} />
        <button type="submit" class="secondary">{a("leave")}</button>
      </form>
    </li>
  );
}

function Join({ team, onJoin }: { team: Team; onJoin: (role: SeatRole, person: string) => void }) {
  const { a } = useTexts();
  const missing = (team.missing_roles ?? []) as SeatRole[];
  const [role, setRole] = useState<SeatRole>(missing[0] ?? "volunteer_leader");
  const [person, setPerson] = useState("");
  return (
    <form class="card" onSubmit={(e) => { e.preventDefault(); onJoin(role, person); }}>
      <h2>{a("join")}</h2>
      <label for="join-role">{a("filterRole")}</label>
      <select id="join-role" value={role} onChange={(e) => { setRole(e.currentTarget.value as SeatRole); setPerson(""); }}>
        {missing.map((name) => (
          <option key={name} value={name}>{a(`seat_${name}`)}</option>
        ))}
      </select>
      <SeatPicker role={role} coverage={team.coverage ?? []} chosen={person} refusal={undefined}
        field="person_id" onChoose={setPerson} />
      <button type="submit">{a("join")}</button>
    </form>
  );
}

interface ChangeProps {
  team: Team;
  refusal: Refusal | undefined;
  onChange: (name: string, coverage: string[]) => void;
}

function Change({ team, refusal, onChange }: ChangeProps) {
  const { a } = useTexts();
  const [name, setName] = useState(team.name ?? "");
  const [coverage, setCoverage] = useState((team.coverage ?? []).join(", "));
  return (
    <form class="card" noValidate
      onSubmit={(e) => { e.preventDefault(); onChange(name.trim(), parseAreas(coverage)); }}>
      <h2>{a("changeTeam")}</h2>
      <Field id="change-name" label={a("teamName")} field="name" refusal={refusal}>
        {(describedBy) => (
          <input id="change-name" value={name} aria-describedby={describedBy}
            onInput={(e) => { setName(e.currentTarget.value); }} />
        )}
      </Field>
      <Field id="change-coverage" label={a("coverage")} field="coverage" refusal={refusal}>
        {(describedBy) => (
          <input id="change-coverage" inputMode="numeric" value={coverage} aria-describedby={describedBy}
            onInput={(e) => { setCoverage(e.currentTarget.value); }} />
        )}
      </Field>
      <button type="submit">{a("saveTeam")}</button>
    </form>
  );
}
