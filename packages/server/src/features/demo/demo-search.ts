import type { Db } from '../../db/database.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Synonyms a pavilion team would enter on day one: the Chinese a buyer types beside the English
 * the exporters write (and the trade names both use), so either finds the other.
 */
export const demoSynonyms: string[][] = [
  ['椰子油', 'coconut oil'],
  ['披肩', 'shawl', 'wrap'],
  ['围巾', 'scarf', 'stole'],
  ['帕什米纳', 'pashmina'],
  ['羊绒', 'cashmere'],
  ['蓝陶', 'blue pottery'],
  ['黑珍珠', 'black pearl'],
  ['香草', 'vanilla'],
  ['咖啡', 'coffee'],
  ['蜂蜜', 'honey'],
  ['足球', 'football', 'soccer ball'],
  ['盐灯', 'salt lamp'],
  ['卡瓦', 'kava'],
  ['诺丽果', 'noni'],
  ['檀香', 'sandalwood'],
  ['可可', 'cocoa', 'cacao'],
  ['杏干', 'dried apricots'],
  ['凉鞋', 'sandals', 'chappal'],
  ['树皮布', 'tapa', 'ngatu'],
];

/** What the operators put first in the storefront's hot searches. */
export const demoHotSearches = ['椰子油', '黑珍珠', '羊绒披肩', '蓝陶', '汤加香草', '喜马拉雅盐灯'];

export async function seedDemoSearch(db: Db): Promise<void> {
  const now = new Date().toISOString();
  await db.insertInto('search_synonyms').values(demoSynonyms.map((terms) => ({ id: newId(), terms: JSON.stringify(terms), created_by: null, created_at: now }))).execute();
  await db.insertInto('search_hot').values(demoHotSearches.map((text, position) => ({ text, position }))).execute();
  await db.updateTable('search_state').set((eb) => ({ lexicon_version: eb('lexicon_version', '+', 1) })).where('id', '=', 1).execute();
}
