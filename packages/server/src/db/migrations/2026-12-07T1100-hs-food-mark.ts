import { sql, type Kysely } from 'kysely';

/**
 * "Is this food" from the HS code: the HS rate table marks food codes, and a product is food when
 * its HS code is marked or its category is (the category may add, never remove). Existing codes
 * are marked by the default below, frozen here as it stood when the column arrived (the live rule
 * is `suggestedFoodMark` in hs-rate.rules.ts; operators change any mark afterwards).
 *
 * Default: HS chapters 01–24 (animal and vegetable products, prepared foodstuffs, beverages) are
 * food, except the headings that are not eaten; edible salt (2501.0011) is food although chapter 25
 * is not. The longest matching prefix decides.
 */
const foodPrefixes: ReadonlyArray<readonly [string, boolean]> = [
  ['01', false], // live animals
  ['030111', false], ['030119', false], // live ornamental fish
  ['05', false], ['0504', true], // hair, bones, feathers, ivory…; guts and stomachs (casings) are eaten
  ['06', false], // live trees and plants, cut flowers
  ['1209', false], // seeds for sowing
  ['1211', false], // plants used primarily in pharmacy, perfumery or as insecticides
  ['1213', false], ['1214', false], // straw, fodder
  ['1301', false], // lac, natural gums and resins
  ['14', false], // vegetable plaiting materials
  ['1505', false], // wool grease, lanolin
  ['1518', false], // chemically modified and inedible fats and oils
  ['1520', false], ['1521', false], ['1522', false], // crude glycerol, waxes, degras
  ['220720', false], // denatured ethyl alcohol
  ['23', false], // food-industry residues and animal feed
  ['24', false], // tobacco
  ['25010011', true], // edible salt
];

function isFoodCode(hsCode: string): boolean {
  let best: readonly [string, boolean] | undefined;
  for (const rule of foodPrefixes) if (hsCode.startsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  if (best) return best[1];
  const chapter = Number(hsCode.slice(0, 2));
  return chapter >= 1 && chapter <= 24;
}

export async function up(db: Kysely<any>): Promise<void> {
  // Food under GACC Decree 248 (海关总署令第248号): the manufacturer's China registration and the food e-label lines.
  await db.schema.alterTable('hs_rates').addColumn('is_food', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_food in (0, 1)`)).execute();
  const codes = await db.selectFrom('hs_rates').select('hs_code').execute();
  const food = codes.map((c: { hs_code: string }) => c.hs_code).filter(isFoodCode);
  for (let i = 0; i < food.length; i += 500) {
    await db.updateTable('hs_rates').set({ is_food: 1 }).where('hs_code', 'in', food.slice(i, i + 500)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hs_rates').dropColumn('is_food').execute();
}
