/** Figures as officials read them, in both languages. Pure. */

export interface Bilingual {
  id: string;
  en: string;
}

const idNumber = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const enNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** Tonnes with one decimal, e.g. "12,5 t" / "12.5 t"; kilograms below one tonne. */
export function mass(kg: number): Bilingual {
  if (Math.abs(kg) < 1000) {
    return { id: `${idNumber.format(Math.round(kg))} kg`, en: `${enNumber.format(Math.round(kg))} kg` };
  }
  return { id: `${idNumber.format(kg / 1000)} t`, en: `${enNumber.format(kg / 1000)} t` };
}

export function rupiah(rp: number): Bilingual {
  const r = Math.round(rp);
  return { id: `Rp${r.toLocaleString("id-ID")}`, en: `Rp${r.toLocaleString("en-GB")}` };
}

export function pct(p: number): Bilingual {
  return { id: `${idNumber.format(p)}%`, en: `${enNumber.format(p)}%` };
}

export function num(n: number): Bilingual {
  return { id: idNumber.format(n), en: enNumber.format(n) };
}

/** A sentence from parts that are either plain text or bilingual figures. */
export function say(
  parts: TemplateStringsArray,
  ...values: (Bilingual | string | number)[]
): (lang: "id" | "en") => string {
  return (lang) =>
    parts.reduce((out, part, i) => {
      const v = values[i - 1];
      const text = v === undefined ? "" : typeof v === "object" ? v[lang] : String(v);
      return out + text + part;
    });
}

/** Builds a bilingual sentence from an Indonesian and an English template. */
export function sentence(id: (lang: "id") => string, en: (lang: "en") => string): Bilingual {
  return { id: id("id"), en: en("en") };
}
