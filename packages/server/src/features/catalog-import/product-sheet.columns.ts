import type { ProductContent } from '@pavilion/contracts';

/**
 * The product spreadsheet (XLSX or CSV): one row per variant; the rows of one product share its
 * product_ref and repeat (or leave blank) the product's own columns. Lists inside a cell are
 * separated by ";", English|Chinese pairs by "|". Prices are text in the product currency's major
 * unit ("4500.00"; whole vatu for VUV). A row whose product_ref starts with "#" is a note (the
 * template's hints and example), and a column whose header starts with "#" is the exporter's own.
 */
interface ColumnDef {
  key: string;
  en: string;
  zh: string;
  level: 'product' | 'variant';
  /** always: every row needs it; new: a new product (or variant) needs it. */
  required?: 'always' | 'new';
  hint: { en: string; zh: string };
}

const column = (key: string, en: string, zh: string, level: 'product' | 'variant', hint: [string, string], required?: 'always' | 'new'): ColumnDef => ({
  key, en, zh, level, hint: { en: hint[0], zh: hint[1] }, ...(required ? { required } : {}),
});

export const sheetColumns = [
  column('product_ref', 'Product ref', '商品编号', 'product', ['your product id to update it, or a key of your own for a new product; the rows of one product share it', '更新时填商品编号，新建时填自定编号；同一商品的各行相同'], 'always'),
  column('title_en', 'Title (English)', '标题（英文）', 'product', ['up to 120 characters; required to publish', '最多 120 字；发布前必填']),
  column('title_zh', 'Title (Chinese)', '标题（中文）', 'product', ['up to 60 characters; required to publish', '最多 60 字；发布前必填']),
  column('category', 'Category', '类目', 'product', ['a category id from the Lists sheet, such as pottery-ceramics', '类目编号（见 Lists 表），如 pottery-ceramics'], 'new'),
  column('currency', 'Currency', '币种', 'product', ['CNY, PKR, FJD, WST, TOP, VUV, PGK, SBD or USD', 'CNY、PKR、FJD、WST、TOP、VUV、PGK、SBD 或 USD'], 'new'),
  column('sku', 'SKU', '货号', 'variant', ['unique among your products; letters, digits and . _ / -', '在您的商品中唯一；字母、数字及 . _ / -'], 'always'),
  column('option1_value', 'Option 1 value', '规格1取值', 'variant', ["this variant's value of option 1 (English or Chinese)", '该变体的规格1取值（英文或中文）']),
  column('option2_value', 'Option 2 value', '规格2取值', 'variant', ["this variant's value of option 2", '该变体的规格2取值']),
  column('option3_value', 'Option 3 value', '规格3取值', 'variant', ["this variant's value of option 3", '该变体的规格3取值']),
  column('price', 'Price', '价格', 'variant', ['in the currency, as text: 4500.00 (whole vatu for VUV)', '以商品币种计，文本格式：4500.00（VUV 为整数）'], 'new'),
  column('weight_grams', 'Weight (g)', '重量（克）', 'variant', ['shipping weight in whole grams', '运输重量，整数克'], 'new'),
  column('barcode', 'Barcode', '条码', 'variant', ['8, 12, 13 or 14 digits, as text', '8、12、13 或 14 位数字，文本格式']),
  column('option1_name', 'Option 1 name', '规格1名称', 'product', ['English|Chinese, such as Size|尺寸', '英文|中文，如 Size|尺寸']),
  column('option1_values', 'Option 1 values', '规格1可选值', 'product', ['English|Chinese values separated by ;', '"英文|中文"取值，以 ; 分隔']),
  column('option2_name', 'Option 2 name', '规格2名称', 'product', ['English|Chinese', '英文|中文']),
  column('option2_values', 'Option 2 values', '规格2可选值', 'product', ['English|Chinese values separated by ;', '"英文|中文"取值，以 ; 分隔']),
  column('option3_name', 'Option 3 name', '规格3名称', 'product', ['English|Chinese', '英文|中文']),
  column('option3_values', 'Option 3 values', '规格3可选值', 'product', ['English|Chinese values separated by ;', '"英文|中文"取值，以 ; 分隔']),
  column('subtitle_en', 'Subtitle (English)', '副标题（英文）', 'product', ['up to 200 characters', '最多 200 字']),
  column('subtitle_zh', 'Subtitle (Chinese)', '副标题（中文）', 'product', ['up to 100 characters', '最多 100 字']),
  column('description_en', 'Description (English)', '描述（英文）', 'product', ['text (line breaks make paragraphs) or HTML', '文本（换行即分段）或 HTML']),
  column('description_zh', 'Description (Chinese)', '描述（中文）', 'product', ['text (line breaks make paragraphs) or HTML', '文本（换行即分段）或 HTML']),
  column('origin_story_en', 'Origin story (English)', '产地故事（英文）', 'product', ['up to 2000 characters', '最多 2000 字']),
  column('origin_story_zh', 'Origin story (Chinese)', '产地故事（中文）', 'product', ['up to 1000 characters', '最多 1000 字']),
  column('brand', 'Brand', '品牌', 'product', ["one of your brands, by its English name", '您的品牌，填英文名']),
  column('tags', 'Tags', '标签', 'product', ['separated by ;', '以 ; 分隔']),
  column('image_ids', 'Image ids', '图片编号', 'product', ['ids of images uploaded in the console, separated by ; (the first is the cover); required to publish', '在控制台上传的图片编号，以 ; 分隔（第一张为封面）；发布前必填']),
  column('moq', 'MOQ', '起订量', 'product', ['minimum order quantity for importers; blank = 1', '进口商起订量；留空为 1']),
  column('tiers', 'Quantity tiers', '阶梯价', 'product', ['quantity=price separated by ;', '"数量=价格"，以 ; 分隔']),
  column('sample_price', 'Sample price', '样品价', 'product', ['in the currency, as text', '以商品币种计，文本格式']),
  column('lead_time_days', 'Lead time (days)', '交货期（天）', 'product', ['whole days; blank = 0', '整数天；留空为 0']),
  column('incoterms', 'Incoterms', '贸易术语', 'product', ['EXW, FOB, CIF, DDP separated by ;', 'EXW、FOB、CIF、DDP，以 ; 分隔']),
  column('hs_code', 'HS code', 'HS编码', 'product', ['10 digits, as text; required for retail sale', '10 位数字，文本格式；跨境零售必填']),
  column('retail_sale', 'Retail sale', '跨境零售', 'product', ['yes or no (cross-border retail to consumers); blank = yes', 'yes 或 no（跨境零售给消费者）；留空为 yes']),
  column('customs_modes', 'Customs modes', '通关模式', 'product', ['9610 and/or 1210 separated by ;, or none; blank = 9610', '9610 和/或 1210，以 ; 分隔，或 none；留空为 9610']),
  column('indivisible', 'One indivisible item', '单件不可分割', 'product', ['yes if one unit is a single indivisible good (a pearl strand, a carpet); no for a set or a multipack; blank = no. Only such a unit over ¥5,000 may be bought cross-border, taxed in full', '一件即为单一不可分割商品（如一串珍珠、一块地毯）填 yes；套装、组合装填 no；留空为 no。仅此类单件商品超过 ¥5,000 时仍可跨境购买（全额征税）']),
  column('origin_country', 'Origin country', '原产国', 'product', ['two-letter code: PK, FJ, WS, TO, VU, PG…', '两位代码：PK、FJ、WS、TO、VU、PG…'], 'new'),
  column('certifications', 'Certifications', '认证', 'product', ['type|number|issuer|expiry YYYY-MM-DD|document id, separated by ;', '类型|编号|签发机构|到期日|文件编号，以 ; 分隔']),
  column('elabel_name_zh', 'E-label: product name (Chinese)', '电子标签：品名', 'product', ['required to sell by retail', '跨境零售必填']),
  column('elabel_ingredients_zh', 'E-label: ingredients (Chinese)', '电子标签：配料', 'product', ['required for food', '食品必填']),
  column('elabel_origin_zh', 'E-label: origin (Chinese)', '电子标签：原产地', 'product', ['required to sell by retail', '跨境零售必填']),
  column('elabel_net_content_zh', 'E-label: net content (Chinese)', '电子标签：净含量', 'product', ['required to sell by retail', '跨境零售必填']),
  column('elabel_shelf_life_zh', 'E-label: shelf life (Chinese)', '电子标签：保质期', 'product', ['required for food', '食品必填']),
  column('elabel_storage_zh', 'E-label: storage (Chinese)', '电子标签：贮存条件', 'product', ['required for food', '食品必填']),
  column('elabel_importer_zh', 'E-label: importer (Chinese)', '电子标签：进口商', 'product', ['the importer of record, if known', '进口商（如已确定）']),
] as const satisfies readonly ColumnDef[];

export type ColumnKey = (typeof sheetColumns)[number]['key'];
const columnByKey = new Map<ColumnKey, ColumnDef & { key: ColumnKey }>(sheetColumns.map((c) => [c.key, c]));
export const headerOf = (key: ColumnKey): string => {
  const c = columnByKey.get(key);
  return c ? `${c.en} / ${c.zh}` : key;
};
export const sheetHeaders = (): string[] => sheetColumns.map((c) => headerOf(c.key));

/** The template's second row: for each column, whether it is required, its format, in both languages. */
export function sheetHints(): string[] {
  return sheetColumns.map((c, i) => {
    const req = 'required' in c ? (c.required === 'always' ? ['Required', '必填'] : ['Required for a new product', '新建商品必填']) : ['Optional', '选填'];
    const level = c.level === 'product' ? ['same on each row of the product', '同一商品各行相同'] : ['one per variant row', '每个变体一行'];
    return `${i === 0 ? '# ' : ''}${req[0]}; ${level[0]}; ${c.hint.en}\n${req[1]}；${level[1]}；${c.hint.zh}`;
  });
}

export const OPTION_KEYS = [
  { name: 'option1_name', values: 'option1_values', value: 'option1_value' },
  { name: 'option2_name', values: 'option2_values', value: 'option2_value' },
  { name: 'option3_name', values: 'option3_values', value: 'option3_value' },
] as const satisfies ReadonlyArray<{ name: ColumnKey; values: ColumnKey; value: ColumnKey }>;

export const ELABEL_KEYS = {
  nameZh: 'elabel_name_zh',
  ingredientsZh: 'elabel_ingredients_zh',
  originZh: 'elabel_origin_zh',
  netContentZh: 'elabel_net_content_zh',
  shelfLifeZh: 'elabel_shelf_life_zh',
  storageZh: 'elabel_storage_zh',
  importerZh: 'elabel_importer_zh',
} as const satisfies Record<keyof ProductContent['eLabel'], ColumnKey>;
