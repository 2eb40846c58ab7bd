import sharp from 'sharp';
import type { ProductContentInput } from '@pavilion/contracts';
import type { Db } from '../../src/db/database.ts';

/** A small distinct PNG, as an exporter's camera would not make but a test can. */
export function pngImage(color: string, width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

/** Multipart body with one file field and optional text fields, for app.inject. */
export function multipart(file: { name: string; type: string; bytes: Buffer }, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const boundary = `----pavilion${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function seedHsRate(db: Db, hsCode: string, options: { vatBp?: number; ctBp?: number; eligible?: boolean; modes?: 'both' | '1210' } = {}): Promise<void> {
  await db
    .insertInto('hs_rates')
    .values({ hs_code: hsCode, description_en: `HS ${hsCode}`, description_zh: `税号 ${hsCode}`, vat_rate_bp: options.vatBp ?? 1300, consumption_tax_rate_bp: options.ctBp ?? 0, retail_eligible: options.eligible === false ? 0 : 1, retail_modes: options.modes ?? 'both', updated_at: new Date().toISOString() })
    .execute();
}

/** A product content that meets every publication rule for a non-food item. */
export function vaseContent(imageId: string, overrides: Partial<ProductContentInput> = {}): ProductContentInput {
  return {
    titleEn: 'Multani blue pottery vase',
    titleZh: '木尔坦蓝陶花瓶',
    subtitleEn: 'Hand-painted cobalt on white, Multan',
    subtitleZh: '白底钴蓝手绘',
    descriptionEn: '<p>Thrown and painted by hand in Multan.</p><script>alert(1)</script>',
    descriptionZh: '<p>木尔坦手工拉坯彩绘。</p>',
    categoryId: 'pottery-ceramics',
    imageIds: [imageId],
    currency: 'PKR',
    options: [{ nameEn: 'Size', nameZh: '尺寸', values: [{ en: 'Small', zh: '小号' }, { en: 'Large', zh: '大号' }] }],
    variants: [
      { sku: 'MB-VASE-S', weightGrams: 900, priceMinor: 450000, optionValues: ['Small'] },
      { sku: 'MB-VASE-L', weightGrams: 1800, priceMinor: 780000, optionValues: ['Large'] },
    ],
    b2b: { moq: 20, tiers: [{ minQuantity: 100, priceMinor: 380000 }], samplePriceMinor: 500000, leadTimeDays: 30, incoterms: ['FOB', 'CIF'] },
    compliance: { hsCode: '6913900000', retailSale: true, customsModes: ['9610'], originCountry: 'PK', certifications: [] },
    eLabel: { nameZh: '陶瓷花瓶', originZh: '巴基斯坦', netContentZh: '1 件', importerZh: '上海海岛优选贸易有限公司' },
    ...overrides,
  };
}
