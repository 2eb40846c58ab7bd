import { currencies, tradeUnits, type B2bOrder } from '@pavilion/contracts';
import { bilingualPdf, grouped } from '../../platform/pdf.ts';

/**
 * The proforma invoice (形式发票) as a PDF: English with the Chinese beside it, because the exporter
 * reads English and the importer's bank and customs broker read Chinese. It is drawn from the
 * order's own copy of the parties, lines, terms and bank details, so it reads the same every time.
 */

const label = {
  title: 'Proforma Invoice / 形式发票',
  number: 'Invoice No. / 发票号',
  date: 'Date / 日期',
  validUntil: 'Valid until / 有效期至',
  kind: 'Order type / 订单类型',
  seller: 'Seller (exporter) / 卖方（出口商）',
  buyer: 'Buyer (importer) / 买方（进口商）',
  creditCode: 'Unified social credit code / 统一社会信用代码',
  address: 'Address / 地址',
  description: 'Description / 品名',
  quantity: 'Quantity / 数量',
  unit: 'Unit / 单位',
  unitPrice: 'Unit price / 单价',
  amount: 'Amount / 金额',
  total: 'Total / 合计',
  incoterm: 'Incoterms® 2020 / 贸易术语',
  payment: 'Payment terms / 付款方式',
  deposit: 'Deposit / 定金',
  balance: 'Balance / 尾款',
  bank: "Seller's bank details / 卖方银行信息",
  accountName: 'Account name / 户名',
  bankName: 'Bank / 开户行',
  swift: 'SWIFT/BIC',
  accountNumber: 'Account No. / IBAN / 账号',
  bankAddress: 'Bank address / 银行地址',
  noBank: 'The seller has not entered its bank details yet: ask the seller before paying. / 卖方尚未填写银行信息，付款前请向卖方确认。',
  transfer: 'Payments by bank transfer (T/T): please quote the invoice number as the transfer reference. / 请以电汇方式付款，并在汇款附言中注明发票号。',
} as const;

const kindLabel = { sample: 'Sample order / 样品订单', bulk: 'Bulk order / 大货订单' } as const;
const incotermPlace = { EXW: 'named place', FOB: 'named port of shipment', CIF: 'named port of destination', DDP: 'named place of destination' } as const;

export async function proformaPdf(order: B2bOrder): Promise<Uint8Array> {
  const digits = currencies[order.currency].digits;
  const money = (amount: number) => `${grouped(amount, digits)} ${order.currency}`;
  const { doc, finish } = bilingualPdf({ size: 'A4', margin: 40, info: { Title: `Proforma Invoice ${order.number}`, Author: 'Pavilion' } });
  const left = 40;
  const width = doc.page.width - 80;
  const { exporter, importer } = order.parties;

  doc.fontSize(18).text(label.title);
  doc.moveDown(0.3).fontSize(10);
  for (const [k, v] of [
    [label.number, order.number],
    [label.date, order.issuedAt.slice(0, 10)],
    [label.validUntil, order.validUntil],
    [label.kind, kindLabel[order.kind]],
  ] as const) doc.text(`${k}:  ${v}`);

  // The two parties side by side.
  doc.moveDown(0.8);
  const top = doc.y;
  const half = width / 2 - 10;
  doc.fontSize(9).text(label.seller, left, top, { width: half, underline: true });
  doc.text(exporter.legalName, { width: half });
  doc.text(`${exporter.tradingNameEn} / ${exporter.tradingNameZh}`, { width: half });
  doc.text(`${label.address}: ${exporter.address ?? '—'} (${exporter.countryCode})`, { width: half });
  const sellerBottom = doc.y;
  doc.text(label.buyer, left + half + 20, top, { width: half, underline: true });
  doc.text(importer.nameEn ? `${importer.nameZh} / ${importer.nameEn}` : importer.nameZh, { width: half });
  doc.text(`${label.creditCode}: ${importer.creditCode ?? '—'}`, { width: half });
  doc.text(`${label.address}: ${importer.address ?? '—'}`, { width: half });
  doc.x = left;
  doc.y = Math.max(sellerBottom, doc.y) + 14;

  // The lines.
  const cols = [
    { title: label.description, w: 0.4, align: 'left' },
    { title: label.quantity, w: 0.12, align: 'right' },
    { title: label.unit, w: 0.1, align: 'left' },
    { title: label.unitPrice, w: 0.18, align: 'right' },
    { title: label.amount, w: 0.2, align: 'right' },
  ] as const;
  const row = (cells: readonly string[], size: number) => {
    const y = doc.y;
    doc.fontSize(size);
    const heights = cols.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.w * width - 6 }));
    let x = left;
    cols.forEach((c, i) => {
      doc.text(cells[i] ?? '', x, y, { width: c.w * width - 6, align: c.align });
      x += c.w * width;
    });
    doc.x = left;
    doc.y = y + Math.max(...heights) + 4;
  };
  const rule = () => doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).lineWidth(0.5).stroke();
  row(cols.map((c) => c.title), 8);
  rule();
  for (const l of order.lines) {
    const unit = tradeUnits[l.unit];
    row([`${l.descriptionEn}\n${l.descriptionZh}`, String(l.quantity), `${unit.en} / ${unit.zh}`, money(l.unitPriceMinor), money(l.amountMinor)], 9);
  }
  rule();
  row([label.total, '', '', '', money(order.totalMinor)], 10);

  doc.moveDown(0.8).fontSize(10);
  doc.text(`${label.incoterm}:  ${order.incoterm} ${order.port} (${incotermPlace[order.incoterm]}), Incoterms® 2020; destination / 目的港: ${order.destinationPort}`);
  if (order.paymentTerms === 'lc') {
    doc.text(`${label.payment}:  Irrevocable letter of credit for the full amount / 不可撤销信用证，全额 ${money(order.totalMinor)}`);
  } else {
    doc.text(`${label.payment}:  T/T ${order.depositPercent ?? 0}% deposit, balance before release of the shipping documents / 电汇 ${order.depositPercent ?? 0}% 定金，尾款于交单前付清`);
    doc.text(`${label.deposit}:  ${money(order.depositMinor)}`);
    doc.text(`${label.balance}:  ${money(order.balanceMinor)}`);
  }

  doc.moveDown(0.8).fontSize(10).text(label.bank, { underline: true });
  doc.fontSize(9);
  const bank = order.bankDetails;
  if (bank) {
    for (const [k, v] of [
      [label.accountName, bank.accountName],
      [label.bankName, bank.bankName],
      [label.swift, bank.swiftBic],
      [label.accountNumber, bank.accountNumber],
      [label.bankAddress, bank.bankAddress],
    ] as const) doc.text(`${k}:  ${v}`);
    doc.moveDown(0.3).fontSize(8).text(label.transfer, { width });
  } else {
    doc.text(label.noBank, { width });
  }
  return finish();
}
