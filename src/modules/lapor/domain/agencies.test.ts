import { describe, expect, it } from "vitest";
import { type AgencyNode, chainOf, disposeTargets, subtreeOf } from "./agencies";

const list: AgencyNode[] = [
  { id: "prov", parentId: null, level: "provinsi" },
  { id: "kota", parentId: "prov", level: "kabupaten" },
  { id: "pu", parentId: "kota", level: "kabupaten" },
  { id: "dlh", parentId: "kota", level: "kabupaten" },
  { id: "kec", parentId: "kota", level: "kecamatan" },
  { id: "kel", parentId: "kec", level: "kelurahan" },
  { id: "kab", parentId: "prov", level: "kabupaten" },
  { id: "kabpu", parentId: "kab", level: "kabupaten" },
];
const m = new Map(list.map((a) => [a.id, a]));

describe("lapor agencies", () => {
  it("chains and subtrees", () => {
    expect(chainOf(m, "kel")).toEqual(["kel", "kec", "kota", "prov"]);
    expect(subtreeOf(m, "kota").sort()).toEqual(["dlh", "kec", "kel", "kota", "pu"]);
  });
  it("dispose targets: own children, and the government's kecamatan/kelurahan for a dinas", () => {
    expect(disposeTargets(m, "kota").sort()).toEqual(["dlh", "kec", "kel", "pu"]);
    expect(disposeTargets(m, "pu").sort()).toEqual(["kec", "kel"]);
    expect(disposeTargets(m, "kec")).toEqual(["kel"]);
    expect(disposeTargets(m, "kel")).toEqual([]);
    expect(disposeTargets(m, "kabpu")).toEqual([]);
  });
});
