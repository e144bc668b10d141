/**
 * The article body format: plain text with blank-line paragraphs, `## ` headings and `- ` list items.
 * Parsed into blocks the web app renders as React elements (never as HTML), so an author cannot inject
 * markup. Pure. The web app has a copy in web/features/news/body.ts (the web build cannot import src/).
 */

export type Block =
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; items: string[] };

const HEADING = /^##(?:\s+(.*))?$/;
const ITEM = /^[-*]\s+(.*)$/;

export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  const flushList = () => {
    if (list?.length) blocks.push({ type: "list", items: list });
    list = null;
  };
  for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const text = (heading[1] ?? "").trim();
      if (text) blocks.push({ type: "heading", text });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      flushParagraph();
      list ??= [];
      list.push((item[1] ?? "").trim());
      continue;
    }
    if (list) {
      // A line under a list item without a dash continues that item.
      const last = list.length - 1;
      list[last] = `${list[last]} ${line}`;
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return blocks;
}
