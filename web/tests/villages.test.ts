import { describe, expect, it } from "vitest";
import { villageLabel } from "../src/villages";

describe("villages", () => {
  it("names a village by its number and its tambon, never a bare code", () => {
    const naMueang = { name_th: "นาเมือง", name_en: "Na Mueang" };
    expect(villageLabel("24010103", naMueang, "th")).toBe("หมู่ที่ 3 นาเมือง");
    expect(villageLabel("24010112", naMueang, "en")).toBe("Village 12 Na Mueang");
    expect(villageLabel("24010103", undefined, "th")).toBe("หมู่ที่ 3 240101"); // not read yet
    expect(villageLabel("2401", naMueang, "th")).toBe("2401");
  });
});
