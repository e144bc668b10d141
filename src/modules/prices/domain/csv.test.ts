import { describe, expect, it } from "vitest";
import { readCsv } from "./csv";

describe("readCsv", () => {
  it("reads quoted fields, doubled quotes and CRLF with line numbers", () => {
    const rows = [...readCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n3,"multi\nline"\n4,\n')];
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 4, fields: ["3", "multi\nline"] },
      { line: 6, fields: ["4", ""] },
    ]);
  });
  it("skips a byte-order mark", () => {
    expect([...readCsv("\ufeffTanggal,Harga\n")][0]?.fields).toEqual(["Tanggal", "Harga"]);
  });
});
