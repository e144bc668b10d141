/**
 * RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF). csv-parse is not installed, and
 * imports need the physical line number of each record to report errors, which this gives directly.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export function* readCsv(text: string): Generator<CsvRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            value += text.slice(i);
            i = n;
            break;
          }
          value += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else break;
        }
        for (const ch of value) if (ch === "\n") line++;
        // Anything between the closing quote and the delimiter is kept, as lenient readers do.
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") value += text[i++];
      } else {
        let j = i;
        while (j < n && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    line++;
    if (fields.length === 1 && fields[0]?.trim() === "") continue;
    yield { line: startLine, fields };
  }
}
