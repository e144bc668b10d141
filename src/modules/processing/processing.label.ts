import PDFDocument from "pdfkit";
import { A6, BRAND, drawQr, INK, MUTED, printable, toBuffer } from "../../lib/pdf";

/**
 * The A6 label of a product lot (a sack of tapioca, a bag of rice), in Bahasa Indonesia: the same
 * page and QR code as a harvest lot's label (lots.label.ts), with what a product lot has instead of a
 * harvest: the production date, the process, the mill and the koperasi whose harvest went in.
 */
export interface ProductLabel {
  organisation: { name: string };
  commodity: { name: string };
  quantity: { grams: number };
  grade: string;
  productionDate: string;
  process: { name: string };
  productionOrder: string | null;
  site: { name: string };
  /** Names of the organisations whose lots went in (the farms' koperasi). */
  sources: string[];
  lotCode: string;
  gtin: string;
  digitalLink: string;
  producedAt: string;
}

const MARGIN = 16;

const numberId = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 3 });
const dateId = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeId = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Jakarta",
});

export async function renderProductLabelPdf(lot: ProductLabel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A6,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 4 },
    info: {
      Title: `Label lot ${lot.lotCode} — ${lot.commodity.name}`,
      Author: lot.organisation.name,
      Subject: lot.digitalLink,
      Keywords: `GTIN ${lot.gtin}; lot ${lot.lotCode}; GS1 Digital Link`,
      Creator: "Lumbung",
      // The production time, not "now": printing the same lot twice gives the same document.
      CreationDate: new Date(lot.producedAt),
    },
  });
  const [width, height] = A6;
  const inner = width - 2 * MARGIN;

  doc.rect(0, 0, width, 40).fill(BRAND);
  doc
    .fillColor("#ffffff")
    .font("Helvetica-Bold")
    .fontSize(15)
    .text("LUMBUNG", MARGIN, 13, { lineBreak: false });
  doc
    .font("Helvetica")
    .fontSize(7.5)
    .text("Koridor Pangan Lampung – Jakarta", MARGIN, 12, { width: inner, align: "right" })
    .text("Produk olahan terlacak", MARGIN, 22, { width: inner, align: "right" });

  // Blocks are capped at two lines so a long name never pushes the QR code off the page.
  let y = 52;
  const block = (text: string, at: number, blockWidth: number, maxLines = 2) => {
    const shown = printable(text);
    const h = Math.min(
      doc.heightOfString(shown, { width: blockWidth }),
      maxLines * doc.currentLineHeight(true),
    );
    doc.text(shown, at, y, { width: blockWidth, height: h, ellipsis: true });
    return h;
  };

  doc.fillColor(INK).font("Helvetica-Bold").fontSize(17);
  y += block(lot.commodity.name, MARGIN, inner) + 2;
  doc.fillColor(MUTED).font("Helvetica").fontSize(9.5);
  y += block(lot.organisation.name, MARGIN, inner) + 8;

  doc.fillColor(MUTED).font("Helvetica").fontSize(7).text("BERAT BERSIH", MARGIN, y);
  y += 9;
  doc
    .fillColor(INK)
    .font("Helvetica-Bold")
    .fontSize(22)
    .text(`${numberId.format(lot.quantity.grams / 1000)} kg`, MARGIN, y, { lineBreak: false });
  y += 28;

  const rule = (at: number) =>
    doc
      .moveTo(MARGIN, at)
      .lineTo(width - MARGIN, at)
      .lineWidth(0.6)
      .strokeColor("#bdbdbd")
      .stroke();
  rule(y);
  y += 6;

  const labelWidth = 78;
  const valueWidth = inner - labelWidth;
  const row = (label: string, value: string, bold = false) => {
    doc
      .fillColor(MUTED)
      .font("Helvetica")
      .fontSize(7.5)
      .text(label, MARGIN, y + 1.5, { width: labelWidth });
    doc
      .fillColor(INK)
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(9);
    y += Math.max(block(value, MARGIN + labelWidth, valueWidth), 10) + 3;
  };
  row("Tanggal produksi", dateId.format(new Date(`${lot.productionDate}T00:00:00Z`)));
  row("Proses", lot.process.name);
  row("Diolah di", lot.site.name);
  if (lot.sources.length) row("Bahan baku dari", lot.sources.join(", "));
  row("Mutu", lot.grade);
  if (lot.productionOrder) row("No. produksi", lot.productionOrder);
  row("Kode lot", lot.lotCode, true);
  rule(y);
  y += 8;

  const qrSize = Math.min(140, height - y - 36);
  drawQr(doc, lot.digitalLink, MARGIN - 4, y, qrSize);
  const textX = MARGIN + qrSize + 4;
  const textWidth = width - MARGIN - textX;
  const prompt = "Pindai untuk melihat asal bahan baku dan perjalanan produk ini";
  doc
    .fillColor(INK)
    .font("Helvetica-Bold")
    .fontSize(9)
    .text(prompt, textX, y + 8, { width: textWidth });
  const keysY = y + 8 + doc.heightOfString(prompt, { width: textWidth }) + 8;
  doc
    .font("Courier-Bold")
    .fontSize(8.5)
    .text(`(01) ${lot.gtin}`, textX, keysY, { width: textWidth, lineBreak: false })
    .text(`(10) ${lot.lotCode}`, textX, keysY + 11, { width: textWidth, lineBreak: false });
  y += qrSize + 4;

  // The link in text too: a label whose QR is torn can still be typed in.
  doc.fillColor(MUTED).font("Helvetica").fontSize(6).text(lot.digitalLink, MARGIN, y, { width: inner });
  doc
    .fillColor(MUTED)
    .fontSize(6)
    .text(
      `Diproduksi ${dateTimeId.format(new Date(lot.producedAt))} WIB · Tercatat sebagai event GS1 EPCIS`,
      MARGIN,
      height - MARGIN - 8,
      { width: inner, align: "center", lineBreak: false },
    );
  return toBuffer(doc);
}
