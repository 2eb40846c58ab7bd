import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMajor } from '@pavilion/contracts';

/**
 * What every bilingual PDF the project makes shares: the font with the Chinese glyphs, the amount
 * format, and a document that collects its bytes.
 */

// Noto Sans SC (SIL Open Font License), from its npm package: it has the Chinese glyphs, and PDFKit
// embeds only the glyphs a document uses (a statement's PDF stays a few tens of kilobytes).
const require = createRequire(import.meta.url);
let fontBytes: Buffer | null = null;
const font = (): Buffer => (fontBytes ??= readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')));

/** The registered name of the bilingual font (use it again after `addPage`). */
export const PDF_FONT = 'noto';

/** "1234567.80" → "1,234,567.80" (from the exact decimal text, never through a float). */
export function grouped(amount: number, digits: number): string {
  const text = formatMajor(amount, digits === 0 ? 'VUV' : 'CNY');
  const [whole = '', fraction] = text.replace('-', '').split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${withCommas}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A PDFKit document with the bilingual font set, and `finish()` that ends it and returns its bytes. */
export function bilingualPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; finish: () => Promise<Uint8Array> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(PDF_FONT, font());
  doc.font(PDF_FONT);
  return {
    doc,
    finish: async () => {
      doc.end();
      await ended;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
