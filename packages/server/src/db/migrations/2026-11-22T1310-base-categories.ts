import type { Kysely } from 'kysely';

/**
 * The base category tree every deployment starts with (operators edit it afterwards). Ids are the
 * slugs, so imports and links can name a category. `food` marks the branches where GACC Decree 248
 * registration is required to publish.
 */
const tree: Array<{ slug: string; en: string; zh: string; food?: boolean; children: Array<{ slug: string; en: string; zh: string }> }> = [
  { slug: 'handicrafts', en: 'Handicrafts', zh: '手工艺品', children: [
    { slug: 'pottery-ceramics', en: 'Pottery and ceramics', zh: '陶瓷' },
    { slug: 'woodcraft', en: 'Woodcraft and carving', zh: '木雕木艺' },
    { slug: 'woven-crafts', en: 'Weaving and basketry', zh: '编织工艺' },
    { slug: 'tapa-bark-cloth', en: 'Tapa and bark cloth', zh: '塔帕树皮布' },
  ] },
  { slug: 'textiles-apparel', en: 'Textiles and apparel', zh: '纺织服装', children: [
    { slug: 'shawls-scarves', en: 'Shawls and scarves', zh: '披肩围巾' },
    { slug: 'traditional-prints', en: 'Block prints and embroidery', zh: '印染刺绣' },
    { slug: 'footwear', en: 'Footwear', zh: '鞋履' },
    { slug: 'clothing', en: 'Clothing', zh: '服装' },
  ] },
  { slug: 'jewellery', en: 'Jewellery', zh: '珠宝首饰', children: [
    { slug: 'pearls', en: 'Pearls', zh: '珍珠' },
    { slug: 'gemstone-jewellery', en: 'Gemstone and silver jewellery', zh: '宝石银饰' },
  ] },
  { slug: 'home-decor', en: 'Home décor', zh: '家居装饰', children: [
    { slug: 'lighting', en: 'Lamps and lighting', zh: '灯具照明' },
    { slug: 'stone-decor', en: 'Onyx and marble décor', zh: '缟玛瑙石艺' },
    { slug: 'rugs-textiles', en: 'Rugs and home textiles', zh: '地毯家纺' },
  ] },
  { slug: 'food-beverages', en: 'Food and beverages', zh: '食品饮料', food: true, children: [
    { slug: 'dried-fruit-nuts', en: 'Dried fruit and nuts', zh: '果干坚果' },
    { slug: 'honey', en: 'Honey', zh: '蜂蜜' },
    { slug: 'spices-seasonings', en: 'Spices, vanilla and salt', zh: '香料调味' },
    { slug: 'coconut-products', en: 'Coconut products', zh: '椰子制品' },
    { slug: 'juices-drinks', en: 'Juices and drinks', zh: '果汁饮品' },
    { slug: 'cocoa-chocolate', en: 'Cocoa and chocolate', zh: '可可巧克力' },
    { slug: 'rice-grains', en: 'Rice and grains', zh: '大米谷物' },
  ] },
  { slug: 'coffee-tea', en: 'Coffee and tea', zh: '咖啡茶饮', food: true, children: [
    { slug: 'coffee', en: 'Coffee', zh: '咖啡' },
    { slug: 'tea', en: 'Tea', zh: '茶' },
    { slug: 'kava', en: 'Kava', zh: '卡瓦' },
  ] },
  { slug: 'beauty-personal-care', en: 'Beauty and personal care', zh: '美妆个护', children: [
    { slug: 'natural-oils', en: 'Natural oils', zh: '天然油' },
    { slug: 'soaps-bath', en: 'Soaps and bath', zh: '香皂沐浴' },
    { slug: 'skincare', en: 'Skincare', zh: '护肤' },
  ] },
  { slug: 'health', en: 'Health', zh: '营养保健', food: true, children: [
    { slug: 'health-foods', en: 'Health foods', zh: '保健食品' },
  ] },
  { slug: 'sports-goods', en: 'Sports goods', zh: '体育用品', children: [
    { slug: 'balls', en: 'Balls', zh: '球类' },
    { slug: 'sports-gear', en: 'Gloves and gear', zh: '运动装备' },
  ] },
];

export async function up(db: Kysely<any>): Promise<void> {
  const rows = tree.flatMap((root, i) => [
    { id: root.slug, parent_id: null, slug: root.slug, path: `${root.slug}/`, name_en: root.en, name_zh: root.zh, is_food: root.food ? 1 : 0, position: i },
    ...root.children.map((child, j) => ({
      id: child.slug,
      parent_id: root.slug,
      slug: child.slug,
      path: `${root.slug}/${child.slug}/`,
      name_en: child.en,
      name_zh: child.zh,
      is_food: root.food ? 1 : 0,
      position: j,
    })),
  ]);
  // Roots first (children reference them).
  await db.insertInto('categories').values(rows.filter((r) => r.parent_id === null)).execute();
  await db.insertInto('categories').values(rows.filter((r) => r.parent_id !== null)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('categories').where('parent_id', 'is not', null).execute();
  await db.deleteFrom('categories').execute();
}
