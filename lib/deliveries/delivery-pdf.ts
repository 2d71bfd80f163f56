import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import { markdownBlocks } from "./markdown-blocks";

// The delivery document's layout, written with pdfkit as a stream. It never holds the
// list: names arrive in batches and each page leaves as soon as the next one begins.
//
// Every page says "Page N of M", so M is known before the first byte: the title page is
// one page, the letter's text is laid out once on a scratch document to count its pages,
// and the tables (countries, organisations, individuals) have a fixed number of rows per
// page, one line per entry, a cell too long for its column cut short with an ellipsis.
//
// The words around the letter (headings, column names) are English; the letter's own
// text and the names are printed as written. DejaVu Sans prints Latin, Greek, Cyrillic
// and Arabic letters. pdfkit has no bidirectional algorithm: fontkit shapes Arabic and
// sets a run that holds it right to left as a whole, so an Arabic name reads right, but
// a line mixing Arabic with Latin words is not reordered part by part.

const FONTS = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const SANS = path.join(FONTS, "DejaVuSans.ttf");
const SANS_BOLD = path.join(FONTS, "DejaVuSans-Bold.ttf");
const SANS_OBLIQUE = path.join(FONTS, "DejaVuSans-Oblique.ttf");

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = 50;
const FOOTER_Y = PAGE.height - 34;
const CONTENT_BOTTOM = PAGE.height - MARGIN - 10;
const INNER = PAGE.width - 2 * MARGIN;
const ROW = 12;
const TABLE_FONT = 8.5;
const TABLE_TOP = MARGIN + 40; // under the section heading and the column names
const ROWS_PER_PAGE = Math.floor((CONTENT_BOTTOM - TABLE_TOP) / ROW);

export interface DocumentSignatory {
  name: string;
  title: string | null;
  affiliation: string | null;
  website: string | null;
  country: string;
}

export interface DeliveryDocumentInput {
  letter: { title: string; kind: string; addressedTo: string; body: string; language: string };
  date: Date;
  counts: {
    total: number;
    individuals: number;
    organizations: number;
    countries: { name: string; individuals: number; organizations: number; total: number }[];
  };
  /** How many of each kind are listed publicly: the lists print at most this many. */
  listed: { organizations: number; individuals: number };
  /** The listed signatories of a kind, in batches, in the order they signed. */
  signatories: (kind: "organization" | "individual") => AsyncIterable<DocumentSignatory[]>;
}

type Column = { header: string; width: number; align?: "right"; value: (row: DocumentSignatory) => string };

const ORGANIZATION_COLUMNS: Column[] = [
  { header: "Organisation", width: 0.5, value: (s) => s.name },
  { header: "Website", width: 0.3, value: (s) => (s.website ?? "").replace(/^https?:\/\//, "").replace(/\/$/, "") },
  { header: "Country", width: 0.2, value: (s) => s.country },
];
const INDIVIDUAL_COLUMNS: Column[] = [
  { header: "Name", width: 0.3, value: (s) => s.name },
  { header: "Title", width: 0.22, value: (s) => s.title ?? "" },
  { header: "Affiliation", width: 0.3, value: (s) => s.affiliation ?? "" },
  { header: "Country", width: 0.18, value: (s) => s.country },
];

const pagesFor = (rows: number) => (rows === 0 ? 0 : Math.ceil(rows / ROWS_PER_PAGE));
const number = (n: number) => n.toLocaleString("en");
const day = (date: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);

function newDocument(input: DeliveryDocumentInput) {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    font: SANS,
    lang: input.letter.language,
    displayTitle: true,
    info: { Title: input.letter.title, Subject: `Delivery document: ${input.letter.title}`, CreationDate: input.date },
  });
  doc.registerFont("sans", SANS).registerFont("bold", SANS_BOLD).registerFont("oblique", SANS_OBLIQUE);
  return doc;
}

/** The letter's text, flowing over as many pages as it needs (pdfkit adds them). */
function writeLetterText(doc: PDFKit.PDFDocument, body: string): void {
  doc.addPage();
  doc.font("bold").fontSize(16).text("The letter", { paragraphGap: 10 });
  for (const block of markdownBlocks(body)) {
    if (block.type === "heading") {
      doc.moveDown(0.4).font("bold").fontSize(block.level <= 2 ? 13 : 11.5).text(block.text, { paragraphGap: 4 });
    } else if (block.type === "paragraph") {
      doc.font("sans").fontSize(10.5).text(block.text, { lineGap: 2, paragraphGap: 7, align: "left" });
    } else if (block.type === "quote") {
      doc.font("oblique").fontSize(10.5).text(block.text, MARGIN + 16, doc.y, { width: INNER - 16, lineGap: 2, paragraphGap: 7 });
      doc.x = MARGIN;
    } else {
      doc.font("sans").fontSize(10.5).list(block.items, {
        listType: block.ordered ? "numbered" : "bullet",
        bulletRadius: 1.8,
        textIndent: 14,
        indent: 14,
        lineGap: 2,
        paragraphGap: 3,
      });
      doc.x = MARGIN;
      doc.moveDown(0.4);
    }
  }
}

/** How many pages the letter's text takes, from the same layout on a scratch document. */
function letterTextPages(input: DeliveryDocumentInput): number {
  const scratch = newDocument(input);
  let pages = 0;
  scratch.on("pageAdded", () => pages++);
  scratch.on("data", () => undefined);
  writeLetterText(scratch, input.letter.body);
  scratch.end();
  return pages;
}

export interface DeliveryPdf {
  stream: ReadableStream<Uint8Array>;
  pages: number;
}

/**
 * The delivery document as a stream of PDF bytes. The writer waits whenever the reader
 * is behind by more than the stream's buffer (a slow download holds a batch of names,
 * never the whole list), and a reader who cancels stops the queries.
 */
export function deliveryPdf(input: DeliveryDocumentInput): DeliveryPdf {
  const textPages = letterTextPages(input);
  const sections = {
    countries: pagesFor(input.counts.countries.length),
    organizations: pagesFor(input.listed.organizations),
    individuals: pagesFor(input.listed.individuals),
  };
  const total = 1 + textPages + sections.countries + sections.organizations + sections.individuals;
  const firstPage = {
    letter: 2,
    countries: 2 + textPages,
    organizations: 2 + textPages + sections.countries,
    individuals: 2 + textPages + sections.countries + sections.organizations,
  };

  const doc = newDocument(input);
  let page = 0;
  doc.on("pageAdded", () => {
    page++;
    // The footer sits below the bottom margin: lift the margin so pdfkit does not turn the page.
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save().font("sans").fontSize(8).fillColor("#555555");
    doc.text(fit(doc, `${input.letter.title} · delivery document of ${day(input.date)}`, INNER - 90), MARGIN, FOOTER_Y, { lineBreak: false });
    doc.text(`Page ${page} of ${total}`, PAGE.width - MARGIN - 90, FOOTER_Y, { width: 90, align: "right", lineBreak: false });
    doc.restore().fillColor("black");
    doc.page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
  });

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  let started = false;
  const resume = () => {
    wake?.();
    wake = null;
  };
  const caughtUp = async () => {
    while (!cancelled && (controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wake = resolve));
  };

  async function write() {
    titlePage(doc, input, firstPage, sections);
    writeLetterText(doc, input.letter.body);
    await caughtUp();
    countryTable(doc, input.counts.countries);
    for (const kind of ["organization", "individual"] as const) {
      const limit = kind === "organization" ? input.listed.organizations : input.listed.individuals;
      if (limit === 0) continue;
      const table = new NamesTable(doc, kind === "organization" ? "Organisations" : "Individuals", limit,
        kind === "organization" ? ORGANIZATION_COLUMNS : INDIVIDUAL_COLUMNS);
      names: for await (const batch of input.signatories(kind)) {
        for (const signatory of batch) {
          if (cancelled) return;
          if (table.full) break names;
          if (table.add(signatory)) {
            forgetWordLayouts(doc);
            // A page is done: let the server answer others (SQLite's reads never wait for I/O)
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
        await caughtUp();
      }
      table.finish();
    }
    doc.end();
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        doc.on("data", (chunk: Buffer) => {
          if (!cancelled) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        });
        doc.on("end", () => !cancelled && controller.close());
      },
      pull() {
        resume();
        if (started) return;
        started = true;
        write().catch((error) => {
          console.error("writing a delivery document failed", error);
          if (!cancelled) controller.error(error);
        });
      },
      cancel() {
        cancelled = true;
        resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
  );
  return { stream, pages: total };
}

function titlePage(
  doc: PDFKit.PDFDocument,
  input: DeliveryDocumentInput,
  first: { letter: number; countries: number; organizations: number; individuals: number },
  sections: { countries: number; organizations: number; individuals: number },
) {
  const { letter, counts } = input;
  doc.addPage();
  doc.font("sans").fontSize(10).fillColor("#555555").text(letter.kind === "statement" ? "STATEMENT" : "OPEN LETTER", { characterSpacing: 1 });
  doc.moveDown(0.6).fillColor("black").font("bold").fontSize(24).text(letter.title, { lineGap: 2 });
  if (letter.addressedTo) doc.moveDown(0.6).font("sans").fontSize(13).text(`To: ${letter.addressedTo}`);
  doc.moveDown(1.2).font("sans").fontSize(11).fillColor("#555555").text(`Delivery document prepared on ${day(input.date)}`).fillColor("black");

  doc.moveDown(2).font("bold").fontSize(30).text(`${number(counts.total)} ${counts.total === 1 ? "signature" : "signatures"}`);
  doc.moveDown(0.3).font("sans").fontSize(13).text(
    `${number(counts.individuals)} ${counts.individuals === 1 ? "individual" : "individuals"} and ` +
      `${number(counts.organizations)} ${counts.organizations === 1 ? "organisation" : "organisations"}, ` +
      `from ${number(counts.countries.length)} ${counts.countries.length === 1 ? "country" : "countries"}`,
  );
  const listed = input.listed.organizations + input.listed.individuals;
  doc.moveDown(0.8).fontSize(10).fillColor("#555555").text(
    `Every signature was confirmed from its signer's email address; an organisation's, also checked by a moderator. ` +
      `${number(listed)} of the signatories chose to be named publicly and are listed in this document; ` +
      `the totals count everyone.`,
    { lineGap: 2 },
  ).fillColor("black");

  doc.moveDown(2).font("bold").fontSize(12).text("Contents");
  doc.moveDown(0.3).font("sans").fontSize(11);
  const entries: [string, number, number][] = [
    ["The letter", first.letter, 1],
    ["Signatures by country", first.countries, sections.countries],
    ["Organisations", first.organizations, sections.organizations],
    ["Individuals", first.individuals, sections.individuals],
  ];
  for (const [label, page, count] of entries) {
    if (count === 0) continue;
    const y = doc.y;
    doc.text(label, MARGIN, y, { lineBreak: false });
    doc.text(`page ${page}`, MARGIN, y, { width: INNER, align: "right" });
  }
}

function sectionHeading(doc: PDFKit.PDFDocument, heading: string, columns: { header: string; width: number; align?: "right" }[]) {
  doc.addPage();
  doc.font("bold").fontSize(14).text(heading, MARGIN, MARGIN, { lineBreak: false });
  let x = MARGIN;
  doc.font("bold").fontSize(TABLE_FONT).fillColor("#333333");
  for (const column of columns) {
    const width = column.width * INNER;
    doc.text(column.header, x, TABLE_TOP - ROW - 2, { width: width - 6, align: column.align ?? "left", lineBreak: false });
    x += width;
  }
  doc.moveTo(MARGIN, TABLE_TOP - 3).lineTo(MARGIN + INNER, TABLE_TOP - 3).lineWidth(0.5).strokeColor("#999999").stroke();
  doc.fillColor("black").font("sans").fontSize(TABLE_FONT);
}

function writeRow(doc: PDFKit.PDFDocument, index: number, cells: string[], columns: { width: number; align?: "right" }[]) {
  const y = TABLE_TOP + (index % ROWS_PER_PAGE) * ROW;
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = columns[i].width * INNER;
    doc.text(fit(doc, cell, width - 6), x, y, { width: width - 6, align: columns[i].align ?? "left", lineBreak: false });
    x += width;
  });
}

function countryTable(doc: PDFKit.PDFDocument, countries: DeliveryDocumentInput["counts"]["countries"]) {
  const columns = [
    { header: "Country", width: 0.46 },
    { header: "Individuals", width: 0.18, align: "right" as const },
    { header: "Organisations", width: 0.18, align: "right" as const },
    { header: "Total", width: 0.18, align: "right" as const },
  ];
  countries.forEach((country, i) => {
    if (i % ROWS_PER_PAGE === 0) sectionHeading(doc, i === 0 ? "Signatures by country" : "Signatures by country (continued)", columns);
    writeRow(doc, i, [country.name, number(country.individuals), number(country.organizations), number(country.total)], columns);
  });
}

/** A list of names, a line at a time, stopping at its limit so the page count holds. */
class NamesTable {
  private written = 0;
  constructor(
    private doc: PDFKit.PDFDocument,
    private heading: string,
    private limit: number,
    private columns: Column[],
  ) {}

  get full(): boolean {
    return this.written >= this.limit;
  }

  /**
   * Names removed while the document was written (a withdrawal, a moderator) leave lines
   * short: say so, and keep the promised number of pages.
   */
  finish(): void {
    const missing = this.limit - this.written;
    if (missing <= 0) return;
    if (this.written % ROWS_PER_PAGE === 0) sectionHeading(this.doc, `${this.heading} (continued)`, this.columns);
    const note = `${number(missing)} of the ${number(this.limit)} listed when this document began ${missing === 1 ? "was" : "were"} withdrawn or removed while it was written.`;
    this.doc.font("oblique").text(note, MARGIN, TABLE_TOP + (this.written % ROWS_PER_PAGE) * ROW, { width: INNER, lineBreak: false });
    this.doc.font("sans");
    for (let page = Math.floor(this.written / ROWS_PER_PAGE) + 1; page < pagesFor(this.limit); page++) {
      sectionHeading(this.doc, `${this.heading} (continued)`, this.columns);
    }
    this.written = this.limit;
  }

  /** Writes one line; true when it filled its page. */
  add(signatory: DocumentSignatory): boolean {
    if (this.written % ROWS_PER_PAGE === 0) {
      const heading = this.written === 0 ? `${this.heading} (${number(this.limit)} listed)` : `${this.heading} (continued)`;
      sectionHeading(this.doc, heading, this.columns);
    }
    writeRow(this.doc, this.written, this.columns.map((c) => c.value(signatory)), this.columns);
    this.written++;
    return this.written % ROWS_PER_PAGE === 0;
  }
}

/**
 * pdfkit keeps the layout of every word it has set until the document ends (each font's
 * layoutCache, pdfkit 0.20): at 100,000 names that is most of the process's memory.
 * Emptied after each page, it still saves the words a page repeats (countries, titles).
 */
function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies ?? {};
  for (const font of Object.values(fonts)) if (font.layoutCache) font.layoutCache = Object.create(null);
}

/**
 * The text as it fits the width in the current font, cut short with an ellipsis when it
 * does not. Widths are summed from each character's (measured once per font and size),
 * which leaves out kerning: the columns keep a few points spare for it.
 */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const clean = /\s\s|^\s|\s$|[\n\t]/.test(text) ? text.replace(/\s+/g, " ").trim() : text;
  const widths = characterWidths(doc);
  const ellipsis = widths("…");
  let used = 0;
  let cut = -1;
  let i = 0;
  for (const char of clean) {
    used += widths(char);
    if (cut < 0 && used + ellipsis > width) cut = i;
    if (used > width) return `${clean.slice(0, cut).trimEnd()}…`;
    i += char.length;
  }
  return clean;
}

// Each character's width by font and size: a handful of maps, filled as characters appear.
const characterWidthCaches = new WeakMap<PDFKit.PDFDocument, Map<string, Map<string, number>>>();

function characterWidths(doc: PDFKit.PDFDocument): (char: string) => number {
  let byFont = characterWidthCaches.get(doc);
  if (!byFont) characterWidthCaches.set(doc, (byFont = new Map()));
  const key = `${(doc as unknown as { _font: { name: string } })._font.name} ${(doc as unknown as { _fontSize: number })._fontSize}`;
  let cache = byFont.get(key);
  if (!cache) byFont.set(key, (cache = new Map()));
  const widths = cache;
  return (char) => {
    let width = widths.get(char);
    if (width === undefined) widths.set(char, (width = doc.widthOfString(char)));
    return width;
  };
}
