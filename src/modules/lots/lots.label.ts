import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { A6, BRAND, drawQr, INK, MUTED, printable, QR_OPTIONS, toBuffer } from "../../lib/pdf";
import type { QuantityUnit } from "./domain/harvest-lot";

/** What a label prints; the service's lot view has all of it. */
export interface LabelLot {
  organisation: { name: string };
  commodity: { name: string };
  quantity: { value: string; unit: QuantityUnit; grams: number };
  harvestDate: string;
  village: { label: string };
  grade: string;
  farmGatePrice: number | null;
  lotCode: string;
  gtin: string;
  digitalLink: string;
  declaredAt: string;
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

/** "1.250 kg", or "1,25 ton" — Indonesian digit grouping, the unit the koperasi declared in. */
export function formatQuantity(q: LabelLot["quantity"]): string {
  return `${numberId.format(Number(q.value))} ${q.unit}`;
}

export function formatHarvestDate(isoDate: string): string {
  return dateId.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatRupiahPerKg(rupiah: number): string {
  return `Rp${numberId.format(rupiah)}/kg`;
}

/** The lot's label: an A6 page in Bahasa Indonesia with the Digital Link as a QR code. */
export async function renderLabelPdf(lot: LabelLot): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A6,
    // A small bottom margin: pdfkit starts a new page when text crosses it, and the footer sits low.
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 4 },
    info: {
      Title: `Label lot ${lot.lotCode} — ${lot.commodity.name}`,
      Author: lot.organisation.name,
      Subject: lot.digitalLink,
      Keywords: `GTIN ${lot.gtin}; lot ${lot.lotCode}; GS1 Digital Link`,
      Creator: "Lumbung",
      // The declaration time, not "now": printing the same lot twice gives the same document.
      CreationDate: new Date(lot.declaredAt),
    },
  });
  const [width, height] = A6;
  const inner = width - 2 * MARGIN;

  // Header band
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
    .text("Lot panen terlacak", MARGIN, 22, { width: inner, align: "right" });

  // Text blocks are capped at two lines (with an ellipsis) so a long name can never push the QR code
  // off the page or shrink it below what a phone can read.
  let y = 52;
  const block = (text: string, at: number, width: number, maxLines = 2) => {
    const shown = printable(text);
    const height = Math.min(doc.heightOfString(shown, { width }), maxLines * doc.currentLineHeight(true));
    doc.text(shown, at, y, { width, height, ellipsis: true });
    return height;
  };

  // Commodity and producer
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(17);
  y += block(lot.commodity.name, MARGIN, inner) + 2;
  doc.fillColor(MUTED).font("Helvetica").fontSize(9.5);
  y += block(lot.organisation.name, MARGIN, inner) + 8;

  // Net quantity, the figure a buyer checks first
  doc.fillColor(MUTED).font("Helvetica").fontSize(7).text("BERAT BERSIH", MARGIN, y);
  y += 9;
  const quantity = formatQuantity(lot.quantity);
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(22).text(quantity, MARGIN, y, { lineBreak: false });
  if (lot.quantity.unit !== "kg") {
    const after = MARGIN + doc.widthOfString(quantity) + 8;
    const kg = `(${numberId.format(lot.quantity.grams / 1000)} kg)`;
    doc
      .fillColor(MUTED)
      .font("Helvetica")
      .fontSize(10)
      .text(kg, after, y + 9, { lineBreak: false });
  }
  y += 28;

  const rule = (at: number) =>
    doc
      .moveTo(MARGIN, at)
      .lineTo(width - MARGIN, at)
      .lineWidth(0.6)
      .strokeColor("#bdbdbd")
      .stroke();
  rule(y);
  y += 7;

  // Facts
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
      .fontSize(9.5);
    y += Math.max(block(value, MARGIN + labelWidth, valueWidth), 11) + 4;
  };
  row("Tanggal panen", formatHarvestDate(lot.harvestDate));
  row("Asal (desa)", lot.village.label);
  row("Mutu", lot.grade);
  if (lot.farmGatePrice !== null) row("Harga di petani", formatRupiahPerKg(lot.farmGatePrice));
  row("Kode lot", lot.lotCode, true);
  y += 1;
  rule(y);
  y += 10;

  // QR code with the GS1 Digital Link, and its human-readable keys beside it
  // As large as the space left allows, leaving room for the link and the footer below it.
  const qrSize = Math.min(150, height - y - 40);
  drawQr(doc, lot.digitalLink, MARGIN - 4, y, qrSize);
  const textX = MARGIN + qrSize + 4;
  const textWidth = width - MARGIN - textX;
  doc
    .fillColor(INK)
    .font("Helvetica-Bold")
    .fontSize(9)
    .text("Pindai untuk melihat asal dan perjalanan produk ini", textX, y + 8, { width: textWidth });
  const keysY =
    y +
    8 +
    doc.heightOfString("Pindai untuk melihat asal dan perjalanan produk ini", { width: textWidth }) +
    8;
  doc
    .font("Courier-Bold")
    .fontSize(8.5)
    .text(`(01) ${lot.gtin}`, textX, keysY, { width: textWidth, lineBreak: false })
    .text(`(10) ${lot.lotCode}`, textX, keysY + 11, { width: textWidth, lineBreak: false });
  doc
    .fillColor(MUTED)
    .font("Helvetica")
    .fontSize(6.5)
    .text("GTIN dan nomor lot GS1", textX, keysY + 24, { width: textWidth });
  y += qrSize + 4;

  // The link in text too: a label whose QR is torn can still be typed in.
  doc.fillColor(MUTED).font("Helvetica").fontSize(6).text(lot.digitalLink, MARGIN, y, { width: inner });

  // Footer
  doc
    .fillColor(MUTED)
    .fontSize(6)
    .text(
      `Didaftarkan ${dateTimeId.format(new Date(lot.declaredAt))} WIB · Tercatat sebagai event GS1 EPCIS`,
      MARGIN,
      height - MARGIN - 8,
      { width: inner, align: "center", lineBreak: false },
    );

  return toBuffer(doc);
}

/** The Digital Link as a standalone SVG QR code; its <title> names the link for screen readers. */
export async function renderQrSvg(digitalLink: string): Promise<string> {
  const svg = await QRCode.toString(digitalLink, { ...QR_OPTIONS, type: "svg", margin: 4 });
  const escaped = digitalLink.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace(/^(<svg[^>]*>)/, `$1<title>${escaped}</title>`);
}
