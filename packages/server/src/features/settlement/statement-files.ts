import ExcelJS from 'exceljs';
import { currencies, formatMajor, type StatementDetail } from '@pavilion/contracts';
import { bilingualPdf, grouped, PDF_FONT } from '../../platform/pdf.ts';

/**
 * A statement as files the exporter keeps: an XLSX workbook (for its books) and a PDF (to file or
 * print). English first, the Chinese label beside it: the exporter reads English, the pavilion's
 * operators and auditors Chinese. Both are made from the stored statement, so an issued one gives
 * the same figures every time.
 */

const label = {
  title: 'Statement / 结算单',
  exporter: 'Exporter / 出口商',
  pavilion: 'Pavilion / 国家馆',
  month: 'Month / 结算月份',
  currency: 'Currency / 币种',
  status: 'Status / 状态',
  rates: 'Exchange rates / 汇率',
  number: '#',
  order: 'Order / 订单号',
  line: 'Line / 行',
  kind: 'Type / 类型',
  sku: 'SKU / 货号',
  description: 'Description / 商品',
  quantity: 'Qty / 数量',
  goods: 'Goods CNY / 货值(元)',
  commissionRate: 'Commission % / 佣金率',
  commission: 'Commission CNY / 佣金(元)',
  shareFen: 'Share CNY / 应结(元)',
  rate: 'Rate / 汇率',
  rateDate: 'Rate date / 汇率日期',
  date: 'Date / 日期',
  total: 'Total / 合计',
} as const;

const kindLabel = { sale: 'Sale / 销售', refund: 'Refund / 退款' } as const;
const statusLabel = (s: StatementDetail) => (s.status === 'issued' ? `Issued / 已出具 ${s.issuedAt?.slice(0, 10) ?? ''}` : 'Draft (preview) / 草稿（预览）');
const shareLabel = (currency: string) => `Share ${currency} / 应结(${currency})`;
const rateNote = (s: StatementDetail) =>
  `Each line's share is converted at the rate its order was priced at (CNY per 1 ${s.currency}); the total is the sum of the lines. ` +
  `每行应结金额按该订单定价时的汇率（每 1 ${s.currency} 兑人民币）折算，合计为各行之和。`;
const percent = (bp: number) => `${formatMajor(bp, 'CNY')}%`;
const money = (amount: number, digits: number) => Number(formatMajor(amount, digits === 0 ? 'VUV' : 'CNY'));
const numberFormat = (digits: number) => (digits === 0 ? '#,##0' : '#,##0.00');

/** The workbook: header block, one row per line, and a total row of real SUM formulas whose results are the stored totals. */
export async function statementXlsx(s: StatementDetail): Promise<Uint8Array> {
  const digits = currencies[s.currency].digits;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pavilion';
  const sheet = workbook.addWorksheet(`Statement ${s.month}`);
  sheet.addRow([label.title]).font = { bold: true, size: 14 };
  sheet.addRow([label.exporter, `${s.exporter.nameEn} / ${s.exporter.nameZh}`]);
  sheet.addRow([label.pavilion, `${s.pavilion.nameEn} / ${s.pavilion.nameZh}`]);
  sheet.addRow([label.month, s.month]);
  sheet.addRow([label.currency, `${s.currency} — ${currencies[s.currency].en} / ${currencies[s.currency].zh}`]);
  sheet.addRow([label.status, statusLabel(s)]);
  sheet.addRow([label.rates, rateNote(s)]);
  sheet.addRow([]);
  const header = sheet.addRow([
    label.number, label.order, label.line, label.kind, label.sku, label.description, label.quantity, label.goods, label.commissionRate, label.commission, label.shareFen,
    label.rate, label.rateDate, shareLabel(s.currency), label.date,
  ]);
  header.font = { bold: true };
  const first = header.number + 1;
  for (const l of s.lines) {
    sheet.addRow([
      l.position, l.orderNumber, l.lineNo, kindLabel[l.kind], l.sku, `${l.descriptionEn} / ${l.descriptionZh}`, l.quantity, money(l.goodsFen, 2), percent(l.commissionBp),
      money(l.commissionFen, 2), money(l.shareFen, 2), l.rate, l.rateDate, money(l.shareMinor, digits), l.occurredAt.slice(0, 10),
    ]);
  }
  const last = first + s.lines.length - 1;
  const sum = (col: string, result: number) => ({ formula: s.lines.length > 0 ? `SUM(${col}${first}:${col}${last})` : '0', result });
  const total = sheet.addRow([
    label.total, '', '', '', '', '', '', sum('H', money(s.goodsFen, 2)), '', sum('J', money(s.commissionFen, 2)), sum('K', money(s.shareFen, 2)), '', '', sum('N', money(s.shareMinor, digits)), '',
  ]);
  total.font = { bold: true };
  for (const col of ['H', 'J', 'K']) sheet.getColumn(col).numFmt = numberFormat(2);
  sheet.getColumn('N').numFmt = numberFormat(digits);
  const widths: Record<string, number> = { A: 18, B: 22, C: 8, D: 14, E: 16, F: 44, G: 9, H: 16, I: 14, J: 18, K: 16, L: 12, M: 14, N: 18, O: 12 };
  for (const [col, width] of Object.entries(widths)) sheet.getColumn(col).width = width;
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The PDF: A4 landscape, the header block, the lines as a table (repeated header on each page), the total. */
export async function statementPdf(s: StatementDetail): Promise<Uint8Array> {
  const digits = currencies[s.currency].digits;
  const { doc, finish } = bilingualPdf({ size: 'A4', layout: 'landscape', margin: 36, bufferPages: true, info: { Title: `Statement ${s.month} ${s.exporter.nameEn}`, Author: 'Pavilion' } });

  doc.fontSize(18).text(label.title);
  doc.moveDown(0.3).fontSize(10);
  for (const [k, v] of [
    [label.exporter, `${s.exporter.nameEn} / ${s.exporter.nameZh}`],
    [label.pavilion, `${s.pavilion.nameEn} / ${s.pavilion.nameZh}`],
    [label.month, s.month],
    [label.currency, `${s.currency} — ${currencies[s.currency].en} / ${currencies[s.currency].zh}`],
    [label.status, statusLabel(s)],
  ] as const) {
    doc.text(`${k}:  ${v}`);
  }
  doc.moveDown(0.3).fontSize(8).text(rateNote(s), { width: 760 });
  doc.moveDown(0.8);

  // Columns: x offset, width, alignment.
  const cols = [
    { key: 'order', title: label.order, w: 118, align: 'left' },
    { key: 'description', title: label.description, w: 230, align: 'left' },
    { key: 'quantity', title: label.quantity, w: 40, align: 'right' },
    { key: 'goods', title: label.goods, w: 72, align: 'right' },
    { key: 'commission', title: label.commission, w: 84, align: 'right' },
    { key: 'shareFen', title: label.shareFen, w: 72, align: 'right' },
    { key: 'rate', title: label.rate, w: 64, align: 'right' },
    { key: 'shareMinor', title: shareLabel(s.currency), w: 90, align: 'right' },
  ] as const;
  const left = 36;
  const bottom = doc.page.height - 48;
  type Cells = Record<(typeof cols)[number]['key'], string>;
  // A cell's text cut to its width (with an ellipsis), so a long title never runs into the next row.
  const fit = (text: string, width: number) => {
    if (doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  const row = (cells: Cells, size: number) => {
    const y = doc.y;
    let x = left;
    doc.fontSize(size);
    for (const c of cols) {
      doc.text(fit(cells[c.key], c.w - 6), x, y, { width: c.w - 6, align: c.align, lineBreak: false });
      x += c.w;
    }
    doc.x = left;
    doc.y = y + size + 6;
  };
  // The header's bilingual titles may take two lines: the row is as tall as its tallest title.
  const headerRow = () => {
    const y = doc.y;
    doc.fontSize(7.5);
    const height = Math.max(...cols.map((c) => doc.heightOfString(c.title, { width: c.w - 6 })));
    let x = left;
    for (const c of cols) {
      doc.text(c.title, x, y, { width: c.w - 6, align: c.align });
      x += c.w;
    }
    doc.x = left;
    doc.y = y + height + 4;
    doc.moveTo(left, doc.y - 2).lineTo(left + cols.reduce((n, c) => n + c.w, 0), doc.y - 2).lineWidth(0.5).stroke();
  };
  headerRow();
  for (const l of s.lines) {
    if (doc.y > bottom) {
      doc.addPage();
      doc.font(PDF_FONT);
      headerRow();
    }
    row({
      order: `${l.orderNumber} #${l.lineNo}`,
      description: `${l.kind === 'refund' ? 'Refund / 退款 · ' : ''}${l.descriptionEn}`,
      quantity: String(l.quantity),
      goods: grouped(l.goodsFen, 2),
      commission: `${grouped(l.commissionFen, 2)} (${percent(l.commissionBp)})`,
      shareFen: grouped(l.shareFen, 2),
      rate: l.rate,
      shareMinor: grouped(l.shareMinor, digits),
    }, 8);
  }
  doc.moveTo(left, doc.y - 2).lineTo(left + cols.reduce((n, c) => n + c.w, 0), doc.y - 2).lineWidth(0.5).stroke();
  row({
    order: label.total, description: `${s.lineCount} lines / 行`, quantity: '', goods: grouped(s.goodsFen, 2), commission: grouped(s.commissionFen, 2), shareFen: grouped(s.shareFen, 2), rate: '',
    shareMinor: `${grouped(s.shareMinor, digits)} ${s.currency}`,
  }, 9);
  // Page numbers, once the number of pages is known (a printed statement is filed as a whole).
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i += 1) {
    doc.switchToPage(pages.start + i);
    doc.page.margins.bottom = 0;
    doc.fontSize(7).text(`${s.exporter.nameEn} · ${s.month} · ${s.currency}    Page ${i + 1} of ${pages.count} / 第 ${i + 1} 页，共 ${pages.count} 页`, left, doc.page.height - 28, { lineBreak: false });
  }
  return finish();
}
