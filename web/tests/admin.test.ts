import { describe, expect, it } from "vitest";
import type { Person } from "../src/api/session";
import { profileOf, type Person as Profile } from "../src/admin/data";
import { peopleFilterOf, peopleSearch } from "../src/admin/filters";
import { isAdminRoute } from "../src/admin/lazy";
import { formMessages, messagesFor, parseAreas, refusalOf, seatFields } from "../src/admin/problems";
import { adminTranslator } from "../src/admin/text";

const problem = {
  type: "/problems/invalid-input",
  title: "ข้อมูลไม่ถูกต้อง",
  detail: "ข้อมูลไม่ถูกต้อง",
  errors: [
    { field: "areas.1", message: "ไม่พบรหัสพื้นที่", pointer: "/areas/1" },
    { field: "username", message: "มีผู้ใช้ชื่อนี้แล้ว", pointer: "/username" },
    { field: "national_id", message: "เลขไม่ถูกต้อง", pointer: "/national_id" },
  ],
};

describe("the administrator's forms", () => {
  it("put each field's problems next to it, parts of a list under the list", () => {
    const refusal = refusalOf(422, problem);
    expect(messagesFor(refusal, "areas")).toEqual(["ไม่พบรหัสพื้นที่"]);
    expect(messagesFor(refusal, "username")).toEqual(["มีผู้ใช้ชื่อนี้แล้ว"]);
    expect(messagesFor(refusal, "area")).toEqual([]);
    expect(messagesFor(undefined, "username")).toEqual([]);
  });

  it("show what no field shows above the form, and nothing more when every field shows its own", () => {
    const refusal = refusalOf(422, problem);
    expect(formMessages(refusal, ["username", "areas"])).toEqual(["ข้อมูลไม่ถูกต้อง", "national_id: เลขไม่ถูกต้อง"]);
    expect(formMessages(refusal, ["username", "areas", "national_id"])).toEqual([]);
    expect(formMessages(refusalOf(412, { detail: "stale" }), ["username"])).toEqual(["stale"]);
    expect(refusalOf(502, "not json").detail).toBe("502");
  });

  it("name a team's seats by role, as the form sent them", () => {
    const refusal = refusalOf(422, { detail: "x", errors: [{ field: "members.1.person_id", message: "m" }] });
    const seats = seatFields(refusal, ["volunteer_leader", "district_expert"]);
    expect(messagesFor(seats, "member_district_expert")).toEqual(["m"]);
  });

  it("read area codes separated by commas, spaces or lines", () => {
    expect(parseAreas(" 24010101, 2401\n240101 ,,")).toEqual(["24010101", "2401", "240101"]);
    expect(parseAreas("  ")).toEqual([]);
  });

  it("keep the people list's filters in the URL, dropping what it cannot ask", () => {
    const filter = peopleFilterOf(new URLSearchParams("name=+ใจดี+&role=trainer&area=2401&active=false&x=1"));
    expect(filter).toEqual({ name: "ใจดี", role: "trainer", area: "2401", active: false });
    expect(peopleSearch(filter)).toBe(`?name=${encodeURIComponent("ใจดี")}&role=trainer&area=2401&active=false`);
    expect(peopleFilterOf(new URLSearchParams("role=king&area=24a&active=maybe"))).toEqual({});
    expect(peopleSearch({})).toBe("");
  });

  it("send a person's whole profile back, the national ID only when it was not masked", () => {
    const person: Profile = {
      id: "p", username: "u", display_name: "U", roles: ["trainer"], areas: ["24010101"],
      email: null, phone: "081-234-5678", line_user_id: null, language: "th",
      national_id: "x-xxxx-xxxxx-70-8", active: true, version: 3,
    };
    expect(profileOf(person)).not.toHaveProperty("national_id");
    expect(profileOf({ ...person, national_id: "1101700230708" }).national_id).toBe("1101700230708");
    expect(profileOf(person).phone).toBe("081-234-5678");
  });

  it("open for administrators, at / too", () => {
    const admin = { id: "a", roles: ["administrator"], areas: [] } as unknown as Person;
    const leader = { id: "l", roles: ["volunteer_leader"], areas: [] } as unknown as Person;
    expect(isAdminRoute("/", admin)).toBe(true);
    expect(isAdminRoute("/admin/teams", admin)).toBe(true);
    expect(isAdminRoute("/", leader)).toBe(false);
    expect(isAdminRoute("/households/x", admin)).toBe(false);
  });

  it("speak Thai and English with the same placeholders", () => {
    expect(adminTranslator("th")("registered", { name: "มาลี" })).toBe("ลงทะเบียนแล้ว: มาลี");
    expect(adminTranslator("en")("registered", { name: "Malee" })).toBe("Registered: Malee");
  });
});
