import type { Db } from '../../db/database.ts';
import { seedSearchSetup } from '../search/index.ts';

/**
 * Synonyms a pavilion team would enter on day one: the Chinese a buyer types beside the English
 * the exporters write (and the trade names both use), so either finds the other.
 */
export const demoSynonyms: string[][] = [
  ['椰子油', 'coconut oil'],
  ['披肩', 'shawl', 'wrap'],
  ['围巾', 'scarf', 'stole'],
  ['丝巾', '真丝围巾', 'silk scarf'],
  ['帕什米纳', 'pashmina'],
  ['羊绒', '开司米', 'cashmere'],
  ['蓝陶', 'blue pottery'],
  ['黑珍珠', 'black pearl'],
  ['项链', 'necklace'],
  ['耳钉', '耳环', 'earrings'],
  ['首饰盒', '珠宝盒', 'jewellery box', 'jewelry box'],
  ['香草', '香子兰', 'vanilla'],
  ['咖啡', 'coffee'],
  ['咖啡生豆', 'green coffee beans'],
  ['蜂蜜', 'honey'],
  ['巢蜜', '蜂巢蜜', 'honeycomb'],
  ['足球', 'football', 'soccer ball', 'soccer'],
  ['盐灯', 'salt lamp'],
  ['粉盐', '玫瑰盐', 'pink salt'],
  ['卡瓦', '醉椒', 'kava'],
  ['诺丽', '诺丽果', '海巴戟', 'noni'],
  ['檀香', 'sandalwood'],
  ['可可', 'cocoa', 'cacao'],
  ['巧克力', '朱古力', 'chocolate'],
  ['椰浆粉', '椰奶粉', 'coconut milk powder'],
  ['抱枕套', '靠垫套', 'cushion cover'],
  ['挂画', '装饰画', '装框画', 'wall art'],
  ['杏干', 'dried apricots'],
  ['凉鞋', 'sandals', 'chappal'],
  ['树皮布', 'tapa', 'ngatu'],
];

/** What the operators put first in the storefront's hot searches. */
export const demoHotSearches = ['椰子油', '黑珍珠', '羊绒披肩', '蓝陶', '汤加香草', '喜马拉雅盐灯'];

export async function seedDemoSearch(db: Db): Promise<void> {
  await seedSearchSetup(db, { synonyms: demoSynonyms, hotSearches: demoHotSearches });
}
