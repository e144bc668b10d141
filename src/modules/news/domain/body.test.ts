import { describe, expect, it } from "vitest";
import { parseBody } from "./body";

describe("parseBody", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    expect(parseBody("Satu\ndua.\n\nTiga.")).toEqual([
      { type: "paragraph", text: "Satu dua." },
      { type: "paragraph", text: "Tiga." },
    ]);
  });

  it("reads headings and list items, with continuation lines", () => {
    const body = "## Jadwal\n- Senin: Way Halim\n- Selasa: Kemiling\n  pukul 08.00\nCatatan di bawah.";
    expect(parseBody(body)).toEqual([
      { type: "heading", text: "Jadwal" },
      { type: "list", items: ["Senin: Way Halim", "Selasa: Kemiling pukul 08.00 Catatan di bawah."] },
    ]);
  });

  it("ends a list at a blank line and a paragraph at a heading", () => {
    expect(parseBody("Intro\n## Syarat\n- KTP\n\nPenutup")).toEqual([
      { type: "paragraph", text: "Intro" },
      { type: "heading", text: "Syarat" },
      { type: "list", items: ["KTP"] },
      { type: "paragraph", text: "Penutup" },
    ]);
  });

  it("keeps markup as text and handles CRLF and empty input", () => {
    expect(parseBody("<script>alert(1)</script>\r\n\r\n")).toEqual([
      { type: "paragraph", text: "<script>alert(1)</script>" },
    ]);
    expect(parseBody("")).toEqual([]);
    expect(parseBody("##\n###x")).toEqual([{ type: "paragraph", text: "###x" }]);
  });
});
