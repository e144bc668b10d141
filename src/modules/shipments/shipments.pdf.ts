/**
 * The surat jalan: an A4 page in Bahasa Indonesia that travels with the goods. The shipment's QR
 * opens it in Lumbung; each line's QR is the GS1 Digital Link of its lot or SSCC, as on the labels.
 */
import PDFDocument from "pdfkit";
import { A4, BRAND, drawQr, INK, MUTED, printable, toBuffer } from "../../lib/pdf";

export interface SuratJalanView {
  id: string;
  number: string;
  route: string;
  status: string;
  desadv: string;
  poReference: string | null;
  notes: string | null;
  createdAt: string;
  shipper: { name: string };
  receiver: { name: string };
  origin: { name: string };
  destination: { name: string };
  eta: string | null;
  totals: { shippedKg: number };
  legs: {
    seq: number;
    mode: string;
    from: { name: string };
    to: { name: string };
    carrier: { name: string };
    vehicle: string;
    plannedDeparture: string;
    plannedArrival: string;
  }[];
  lines: {
    lineNo: number;
    description: string;
    epc: string;
    kind: string;
    shippedKg: number;
    digitalLink: string | null;
  }[];
}

const MARGIN = 40;
const RULE = "#bdbdbd";

const ROUTE_NAMES: Record<string, string> = {
  roro: "Ro-ro: truk ke Pelabuhan Panjang, kapal ro-ro ke Tanjung Priok, truk ke tujuan",
  ferry: "Feri: truk ke Bakauheni, kapal feri ke Merak, truk ke tujuan",
  direct: "Langsung: satu truk dari asal ke tujuan",
};
const MODE_NAMES: Record<string, string> = { truck: "Truk", roro: "Kapal ro-ro", ferry: "Kapal feri" };

const numberId = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 3 });
const dateTimeId = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Asia/Jakarta",
});

export const wib = (iso: string | null) => (iso ? `${dateTimeId.format(new Date(iso))} WIB` : "—");

/** What a person reads for a line's identifier: (01)…(10)… for lots, (00)… for SSCCs. */
function humanCode(link: string | null, epc: string): string {
  if (!link) return epc;
  const sscc = /\/00\/(\d{18})$/.exec(link);
  if (sscc) return `(00) ${sscc[1]}`;
  const lot = /\/01\/(\d{14})\/10\/([^/]+)$/.exec(link);
  if (lot) return `(01) ${lot[1]} (10) ${decodeURIComponent(lot[2] as string)}`;
  return epc;
}

export async function renderSuratJalan(s: SuratJalanView, resolver: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 20 },
    info: {
      Title: `Surat jalan ${s.number}`,
      Author: s.shipper.name,
      Subject: `${s.shipper.name} -> ${s.receiver.name}`,
      Keywords: `surat jalan; ${s.number}; GS1 EPCIS desadv ${s.desadv}`,
      Creator: "Lumbung",
      // The shipment's creation, not "now": printing it twice gives the same document.
      CreationDate: new Date(s.createdAt),
    },
  });
  const [width, height] = A4;
  const inner = width - 2 * MARGIN;
  const shipmentUrl = `${resolver.replace(/\/+$/, "")}/konsol/pengiriman/${encodeURIComponent(s.id)}`;

  // Header band with the number and the shipment's QR.
  doc.rect(0, 0, width, 56).fill(BRAND);
  doc
    .fillColor("#ffffff")
    .font("Helvetica-Bold")
    .fontSize(18)
    .text("LUMBUNG", MARGIN, 19, { lineBreak: false });
  doc
    .font("Helvetica")
    .fontSize(9)
    .text("Koridor Pangan Lampung – Jakarta", MARGIN, 18, { width: inner, align: "right" })
    .text("Dokumen pengiriman tercatat GS1 EPCIS", MARGIN, 31, { width: inner, align: "right" });

  let y = 72;
  const qrSize = 96;
  drawQr(doc, shipmentUrl, width - MARGIN - qrSize, y - 4, qrSize, 2);
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(22).text("SURAT JALAN", MARGIN, y);
  y += 28;
  doc.font("Courier-Bold").fontSize(14).text(s.number, MARGIN, y);
  y += 20;
  doc.fillColor(MUTED).font("Helvetica").fontSize(8);
  doc.text(`Dibuat ${wib(s.createdAt)}`, MARGIN, y);
  y += 11;
  doc.text(printable(`Pindai QR untuk status terkini: ${shipmentUrl}`), MARGIN, y, {
    width: inner - qrSize - 10,
  });
  y = Math.max(y + 24, 72 + qrSize + 6);

  const rule = (at: number) =>
    doc
      .moveTo(MARGIN, at)
      .lineTo(width - MARGIN, at)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();

  // Parties
  const half = (inner - 16) / 2;
  const party = (label: string, name: string, place: string, x: number) => {
    doc.fillColor(MUTED).font("Helvetica").fontSize(8).text(label, x, y);
    doc
      .fillColor(INK)
      .font("Helvetica-Bold")
      .fontSize(11)
      .text(printable(name), x, y + 11, { width: half });
    doc
      .fillColor(INK)
      .font("Helvetica")
      .fontSize(9)
      .text(printable(place), x, y + 26, { width: half });
  };
  rule(y - 6);
  party("PENGIRIM", s.shipper.name, `Dari: ${s.origin.name}`, MARGIN);
  party("PENERIMA", s.receiver.name, `Ke: ${s.destination.name}`, MARGIN + half + 16);
  y += 50;

  const fact = (label: string, value: string) => {
    doc
      .fillColor(MUTED)
      .font("Helvetica")
      .fontSize(8)
      .text(label, MARGIN, y + 1, { width: 110 });
    doc
      .fillColor(INK)
      .font("Helvetica")
      .fontSize(9)
      .text(printable(value), MARGIN + 110, y, { width: inner - 110 });
    y += Math.max(12, doc.heightOfString(printable(value), { width: inner - 110 })) + 3;
  };
  rule(y - 4);
  y += 2;
  fact("Rute", ROUTE_NAMES[s.route] ?? s.route);
  if (s.poReference) fact("No. pesanan (PO)", s.poReference.replace(/^urn:epcglobal:cbv:bt:\d{13}:/, ""));
  fact("Perkiraan tiba", wib(s.eta));
  fact("Berat total", `${numberId.format(s.totals.shippedKg)} kg`);
  if (s.notes) fact("Catatan", s.notes);
  y += 4;

  // Legs
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(11).text("Perjalanan", MARGIN, y);
  y += 16;
  const legCols = [
    { title: "No", w: 22 },
    { title: "Moda", w: 60 },
    { title: "Dari → Ke", w: 150 },
    { title: "Pengangkut / kendaraan", w: 120 },
    { title: "Berangkat (rencana)", w: 81 },
    { title: "Tiba (rencana)", w: 82 },
  ];
  const header = (cols: { title: string; w: number }[]) => {
    let x = MARGIN;
    let tallest = 0;
    doc.fillColor(MUTED).font("Helvetica-Bold").fontSize(7.5);
    for (const c of cols) {
      const title = printable(c.title).toUpperCase();
      doc.text(title, x, y, { width: c.w - 4 });
      tallest = Math.max(tallest, doc.heightOfString(title, { width: c.w - 4 }));
      x += c.w;
    }
    // A title that wraps (BERANGKAT (RENCANA)) pushes the rule down rather than running into row 1.
    y += Math.max(12, tallest + 3);
    rule(y - 3);
  };
  const row = (cols: { w: number }[], values: string[], minHeight = 0) => {
    let x = MARGIN;
    let tallest = minHeight;
    doc.fillColor(INK).font("Helvetica").fontSize(8.5);
    values.forEach((v, i) => {
      const w = (cols[i]?.w ?? 50) - 4;
      doc.text(printable(v), x, y, { width: w });
      tallest = Math.max(tallest, doc.heightOfString(printable(v), { width: w }));
      x += cols[i]?.w ?? 50;
    });
    y += tallest + 6;
    rule(y - 3);
  };
  header(legCols);
  for (const leg of s.legs) {
    row(legCols, [
      String(leg.seq),
      MODE_NAMES[leg.mode] ?? leg.mode,
      `${leg.from.name} → ${leg.to.name}`,
      `${leg.carrier.name}${leg.vehicle ? `\n${leg.vehicle}` : ""}`,
      wib(leg.plannedDeparture),
      wib(leg.plannedArrival),
    ]);
  }
  y += 8;

  // Lines with their QR codes
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(11).text("Muatan", MARGIN, y);
  y += 16;
  const lineQr = 52;
  const lineCols = [
    { title: "No", w: 22 },
    { title: "Uraian", w: 170 },
    { title: "Kode GS1", w: 171 },
    { title: "Berat (kg)", w: 70 },
    { title: "QR", w: 82 },
  ];
  header(lineCols);
  for (const line of s.lines) {
    if (y + lineQr + 10 > height - 170) {
      doc.addPage();
      y = MARGIN;
      header(lineCols);
    }
    const top = y;
    row(
      lineCols,
      [
        String(line.lineNo),
        line.description,
        humanCode(line.digitalLink, line.epc),
        numberId.format(line.shippedKg),
        "",
      ],
      lineQr,
    );
    if (line.digitalLink) drawQr(doc, line.digitalLink, MARGIN + 433, top - 2, lineQr, 2);
  }

  // Signatures
  if (y > height - 160) {
    doc.addPage();
    y = MARGIN;
  }
  y += 12;
  const boxW = (inner - 20) / 3;
  const boxes = ["Pengirim", "Pengangkut", "Penerima"];
  boxes.forEach((label, i) => {
    const x = MARGIN + i * (boxW + 10);
    doc.rect(x, y, boxW, 100).lineWidth(0.6).strokeColor(RULE).stroke();
    doc
      .fillColor(MUTED)
      .font("Helvetica-Bold")
      .fontSize(8)
      .text(label.toUpperCase(), x + 6, y + 6);
    doc.fillColor(MUTED).font("Helvetica").fontSize(7.5);
    doc
      .text("Nama:", x + 6, y + 62)
      .text("Tanggal / jam:", x + 6, y + 76)
      .text("Tanda tangan & cap", x + 6, y + 88);
  });
  y += 110;

  doc
    .fillColor(MUTED)
    .font("Helvetica")
    .fontSize(6.5)
    .text(
      printable(
        `Despatch advice (EPCIS desadv): ${s.desadv}. Penerima mencatat jumlah diterima dan ditolak per baris di Lumbung.`,
      ),
      MARGIN,
      Math.min(y, height - 40),
      { width: inner, align: "center" },
    );
  return toBuffer(doc);
}
