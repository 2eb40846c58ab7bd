/**
 * The relevance set: what Chinese buyers type into the storefront search box, each with the demo
 * products (packages/server/src/features/demo/demo-catalog-data.ts) a reasonable shopper expects on
 * top, best first. It is judged from the catalog and the shopper, never from what an engine returns:
 * when a query fails, the engine is wrong (or the judgement is, and then it is changed here with a
 * reason, not to make a number go up).
 *
 * A product is named by one of its variant SKUs (unique across the catalog); a SKU prefix is accepted
 * when it names one product only. Expected lists stay short (1–5): precision@5 divides by
 * min(5, |expected|), so a list must never leave out a product that is just as good as those in it.
 * That is why there is no bare 咖啡, 斐济 or 汤加 here (10 to 14 equally good products): those
 * words are measured inside narrower queries (挂耳咖啡, 斐济珍珠, 汤加挂画).
 *
 * Synonyms this set assumes are seeded (the `synonym` queries need them; nothing else does, since
 * every product carries its Chinese and English words):
 *   香草 = 香子兰 = vanilla
 *   羊绒 = 开司米 = cashmere
 *   足球 = football = soccer
 *   诺丽 = 诺丽果 = 海巴戟 = noni
 *   卡瓦 = 醉椒 = kava
 *   粉盐 = 玫瑰盐 = pink salt
 *   首饰盒 = 珠宝盒 = jewellery box = jewelry box
 *   耳钉 = 耳环 = earrings
 *   椰浆粉 = 椰奶粉 = coconut milk powder
 *   抱枕套 = 靠垫套 = cushion cover
 *   巧克力 = 朱古力 = chocolate
 *   丝巾 = 真丝围巾 = silk scarf
 *   巢蜜 = 蜂巢蜜 = honeycomb
 *   椰子油 = coconut oil
 */

export const queryKinds = ['zh', 'pinyin', 'en', 'mixed', 'typo', 'place', 'traditional', 'synonym'] as const;
export type QueryKind = (typeof queryKinds)[number];

export interface RelevanceQuery {
  q: string;
  kind: QueryKind;
  /** Variant SKUs (or a SKU prefix naming one product) of the products expected on top, best first. */
  expected: string[];
  /** Why the judgement is what it is, where a reader could doubt it. */
  note?: string;
}

// The demo products by one variant SKU each, to keep the lists below readable.
const MULTANI = { vase: 'MB-VASE-20', plate: 'MB-PLATE-25', tiles: 'MB-TILE4-STAR', mugs: 'MB-MUG2-COB', lamp: 'MB-LAMP-45' };
const AJRAK = { shawl: 'AJ-SHAWL-RED', silk: 'AJ-SILK-CLASSIC', bedsheet: 'AJ-BED-DBL', cushions: 'AJ-CUSH2-RED', tote: 'AJ-TOTE' };
const SIALKOT = { match: 'SMB-MATCH-5', training: 'SMB-TRAIN-3', futsal: 'SMB-FUTSAL-4', gloves: 'SMB-GK-7', vintage: 'SMB-VINTAGE' };
const HUNZA = { apricots: 'HO-APR-250', mulberries: 'HO-MUL-250', walnuts: 'HO-WAL-400', oil: 'HO-OIL-100', giftBox: 'HO-GIFT-1000' };
const CHAPPAL = { classic: 'QK-CLASSIC-TAN-41', kaptaan: 'QK-KAPTAAN-BRN-41', tilla: 'QK-TILLA-41', women: 'QK-WOMEN-NAT-36' };
const SALT = { lamp: 'SR-LAMP-N3', carvedLamp: 'SR-LAMP-SPH', block: 'SR-BLOCK-20', fine: 'SR-FINE-JAR', bath: 'SR-BATH-ROSE' };
const SWAT = { sidr: 'SV-SIDR-250', phulai: 'SV-PHUL-500', wild: 'SV-WILD-500', comb: 'SV-COMB-400', trio: 'SV-TRIO-450' };
const CHITRAL = { shawl: 'CP-SHAWL-OAT', stole: 'CP-STOLE-WAL', muffler: 'CP-MUFF-GRY', sozni: 'CP-SOZNI-1', pakol: 'CP-PAKOL-WHT-56' };
const ONYX = { vase: 'BO-VASE-20', chess: 'BO-CHESS-30', coasters: 'BO-COAST-6', bowl: 'BO-BOWL-25', jewelleryBox: 'BO-JBOX' };
const BULA = { oil: 'BC-VCO-250', soap: 'BC-SOAP3-FRG', butter: 'BC-BUTTER-FRG', milkPowder: 'BC-MILKPWD-400', chips: 'BC-CHIPS-1' };
const KOKO = { koko: 'SK-KOKO-250', nibs: 'SK-NIBS-250', bars: 'SK-BAR4-70', beans: 'SK-BEANS-1KG', huskTea: 'SK-HUSK-100' };
const VANILLA = { gradeA: 'VV-GRA-5', gradeB: 'VV-GRB-100', extract: 'VV-EXT-100', powder: 'VV-PWD-20' };
const TANNA = { beans: 'TC-BEAN-M-250', ground: 'TC-GRD-FIL-250', espresso: 'TC-GRD-ESP-250', green: 'TC-GREEN-1', drip: 'TC-DRIP-10', peaberry: 'TC-PEA-250' };
const PNG = { peaberry: 'HA-GOR-PB-250', wahgi: 'HA-WAHGI-A-250', green: 'HA-GREEN-Y1-1KG', ground: 'HA-GRD-FIL-250', espresso: 'HA-GRD-ESP-250', trio: 'HA-TRIO-300' };
const PEARLS = { loose: 'SP-LOOSE-9-A', pendant: 'SP-PEND-9', studs: 'SP-STUD-AG', strand: 'SP-STRAND-45', ring: 'SP-RING-6' };
const NGATU = { panel: 'KN-PANEL-100x150', grand: 'KN-GRAND-200x300', framed: 'KN-FRAME-40x50', runner: 'KN-RUNNER-35x150' };
const KAVA = { waka: 'TK-WAKA-500', lawena: 'TK-LAWENA-1000', instant: 'TK-INSTANT-250', root: 'TK-ROOT-1000' };
const NONI = { juice: 'AN-JUICE-500', blend: 'AN-BLEND-750', powder: 'AN-PWD-200', capsules: 'AN-CAPS-120' };
const SANTO = { oil: 'SS-OIL-5', soap: 'SS-SOAP-1', bodyOil: 'SS-BODY-100', lotion: 'SS-LOTION-200' };

const allShawls = [CHITRAL.shawl, CHITRAL.sozni, AJRAK.shawl, AJRAK.silk];
const allBluePottery = [MULTANI.vase, MULTANI.plate, MULTANI.mugs, MULTANI.lamp, MULTANI.tiles];
const allFootballs = [SIALKOT.match, SIALKOT.training, SIALKOT.vintage, SIALKOT.futsal];
const allHoney = [SWAT.sidr, SWAT.phulai, SWAT.wild, SWAT.trio, SWAT.comb];
const allVanilla = [VANILLA.gradeA, VANILLA.gradeB, VANILLA.extract, VANILLA.powder];
const allPearls = [PEARLS.loose, PEARLS.strand, PEARLS.pendant, PEARLS.studs, PEARLS.ring];
const allPashmina = [CHITRAL.shawl, CHITRAL.stole, CHITRAL.muffler, CHITRAL.sozni];
const allChappals = [CHAPPAL.classic, CHAPPAL.kaptaan, CHAPPAL.tilla, CHAPPAL.women];
const allNgatu = [NGATU.panel, NGATU.framed, NGATU.runner, NGATU.grand];
const allKava = [KAVA.waka, KAVA.instant, KAVA.lawena, KAVA.root];
const allNoni = [NONI.juice, NONI.powder, NONI.capsules, NONI.blend];
const allSandalwood = [SANTO.oil, SANTO.soap, SANTO.bodyOil, SANTO.lotion];
const allKoko = [KOKO.koko, KOKO.nibs, KOKO.beans, KOKO.bars, KOKO.huskTea];
const allTannaCoffee = [TANNA.beans, TANNA.peaberry, TANNA.ground, TANNA.drip, TANNA.green];
const allPngCoffee = [PNG.peaberry, PNG.wahgi, PNG.ground, PNG.green, PNG.trio];

export const relevanceSet: RelevanceQuery[] = [
  // ——— Chinese product words ———
  { q: '椰子油', kind: 'zh', expected: [BULA.oil], note: 'the oil itself; soaps and lotions only contain it' },
  { q: '披肩', kind: 'zh', expected: allShawls },
  { q: '蓝陶', kind: 'zh', expected: allBluePottery },
  { q: '足球', kind: 'zh', expected: allFootballs, note: 'goalkeeper gloves are football gear, not a football' },
  { q: '蜂蜜', kind: 'zh', expected: allHoney },
  { q: '香草', kind: 'zh', expected: allVanilla },
  { q: '珍珠', kind: 'zh', expected: allPearls },
  { q: '挂耳咖啡', kind: 'zh', expected: [TANNA.drip] },
  { q: '咖啡生豆', kind: 'zh', expected: [TANNA.green, PNG.green] },
  { q: '咖啡礼盒', kind: 'zh', expected: [PNG.trio] },
  { q: '杏干', kind: 'zh', expected: [HUNZA.apricots, HUNZA.giftBox], note: 'the gift box holds apricots too' },
  { q: '核桃', kind: 'zh', expected: [HUNZA.walnuts, HUNZA.giftBox] },
  { q: '盐灯', kind: 'zh', expected: [SALT.lamp, SALT.carvedLamp] },
  { q: '凉鞋', kind: 'zh', expected: allChappals },
  { q: '黑珍珠项链', kind: 'zh', expected: [PEARLS.strand, PEARLS.pendant], note: 'the pendant is sold on a chain (吊坠项链)' },
  { q: '守门员手套', kind: 'zh', expected: [SIALKOT.gloves] },
  { q: '国际象棋', kind: 'zh', expected: [ONYX.chess] },
  { q: '树皮布', kind: 'zh', expected: allNgatu },
  { q: '卡瓦', kind: 'zh', expected: allKava },
  { q: '诺丽果汁', kind: 'zh', expected: [NONI.juice, NONI.blend] },
  { q: '手工皂', kind: 'zh', expected: [BULA.soap, SANTO.soap] },
  { q: '黑巧克力', kind: 'zh', expected: [KOKO.bars] },
  { q: '可可豆', kind: 'zh', expected: [KOKO.beans, KOKO.nibs], note: 'nibs are broken roasted beans (烘焙可可豆碎粒)' },
  { q: '羊绒围巾', kind: 'zh', expected: [CHITRAL.stole, CHITRAL.muffler] },
  { q: '花瓶', kind: 'zh', expected: [MULTANI.vase, ONYX.vase] },
  { q: '枣花蜜', kind: 'zh', expected: [SWAT.sidr, SWAT.comb, SWAT.trio], note: 'the comb is sidr comb; the set holds a sidr jar' },
  { q: '抱枕套', kind: 'zh', expected: [AJRAK.cushions] },
  { q: '马克杯', kind: 'zh', expected: [MULTANI.mugs] },
  { q: '檀香精油', kind: 'zh', expected: [SANTO.oil], note: 'the essential oil; the soap and the body oil only contain some' },

  // ——— Places and countries (names generic segmenters split: 汤加 → 汤/加, 萨摩亚 → 萨/摩/亚…) ———
  { q: '巴布亚新几内亚', kind: 'place', expected: allPngCoffee },
  { q: '罕萨', kind: 'place', expected: [HUNZA.apricots, HUNZA.mulberries, HUNZA.walnuts, HUNZA.oil, HUNZA.giftBox] },
  { q: '木尔坦', kind: 'place', expected: allBluePottery },
  { q: '锡亚尔科特', kind: 'place', expected: [SIALKOT.match, SIALKOT.training, SIALKOT.vintage, SIALKOT.futsal, SIALKOT.gloves] },
  { q: '吉德拉尔', kind: 'place', expected: [CHITRAL.shawl, CHITRAL.stole, CHITRAL.muffler, CHITRAL.sozni, CHITRAL.pakol] },
  { q: '斯瓦特', kind: 'place', expected: allHoney },
  { q: '萨武萨武', kind: 'place', expected: allPearls },
  { q: '瓦努阿图咖啡', kind: 'place', expected: allTannaCoffee, note: 'Vanuatu coffee, not the PNG coffee' },
  { q: '巴布亚新几内亚咖啡', kind: 'place', expected: allPngCoffee, note: 'PNG coffee, not the Vanuatu coffee' },
  { q: '斐济椰子油', kind: 'place', expected: [BULA.oil] },
  { q: '斐济珍珠', kind: 'place', expected: allPearls },
  { q: '萨摩亚可可', kind: 'place', expected: allKoko },
  { q: '萨摩亚果汁', kind: 'place', expected: [NONI.juice, NONI.blend] },
  { q: '汤加香草', kind: 'place', expected: allVanilla },
  { q: '汤加挂画', kind: 'place', expected: [NGATU.panel, NGATU.framed] },
  { q: '瓦努阿图檀香', kind: 'place', expected: allSandalwood },
  { q: 'Hunza', kind: 'place', expected: [HUNZA.apricots, HUNZA.mulberries, HUNZA.walnuts, HUNZA.oil, HUNZA.giftBox] },
  { q: 'Tanna', kind: 'place', expected: allTannaCoffee },

  // ——— Pinyin: full, with and without spaces, and initials ———
  { q: 'yezi you', kind: 'pinyin', expected: [BULA.oil] },
  { q: 'yeziyou', kind: 'pinyin', expected: [BULA.oil] },
  { q: 'yzy', kind: 'pinyin', expected: [BULA.oil], note: 'initials of 椰子油' },
  { q: 'pijian', kind: 'pinyin', expected: allShawls },
  { q: 'lantao', kind: 'pinyin', expected: allBluePottery },
  { q: 'zuqiu', kind: 'pinyin', expected: allFootballs },
  { q: 'fengmi', kind: 'pinyin', expected: allHoney },
  { q: 'xiangcao', kind: 'pinyin', expected: allVanilla },
  { q: 'zhenzhu', kind: 'pinyin', expected: allPearls },
  { q: 'yandeng', kind: 'pinyin', expected: [SALT.lamp, SALT.carvedLamp] },
  { q: 'tanxiang', kind: 'pinyin', expected: allSandalwood },
  { q: 'hansa', kind: 'pinyin', expected: [HUNZA.apricots, HUNZA.mulberries, HUNZA.walnuts, HUNZA.oil, HUNZA.giftBox] },
  { q: 'gjxq', kind: 'pinyin', expected: [ONYX.chess], note: 'initials of 国际象棋' },
  { q: 'shoumenyuan shoutao', kind: 'pinyin', expected: [SIALKOT.gloves] },

  // ——— English: case, plurals, and full-width letters as a Chinese IME types them ———
  { q: 'Coconut Oil', kind: 'en', expected: [BULA.oil] },
  { q: 'shawls', kind: 'en', expected: allShawls },
  { q: 'footballs', kind: 'en', expected: allFootballs },
  { q: 'honey', kind: 'en', expected: allHoney },
  { q: 'vanilla beans', kind: 'en', expected: [VANILLA.gradeA, VANILLA.gradeB] },
  { q: 'salt lamps', kind: 'en', expected: [SALT.lamp, SALT.carvedLamp] },
  { q: 'Goalkeeper Gloves', kind: 'en', expected: [SIALKOT.gloves] },
  { q: 'green coffee beans', kind: 'en', expected: [TANNA.green, PNG.green] },
  { q: 'ground coffee', kind: 'en', expected: [TANNA.ground, PNG.ground] },
  { q: 'peaberry', kind: 'en', expected: [TANNA.peaberry, PNG.peaberry] },
  { q: 'dried apricots', kind: 'en', expected: [HUNZA.apricots, HUNZA.giftBox] },
  { q: 'walnuts', kind: 'en', expected: [HUNZA.walnuts, HUNZA.giftBox] },
  { q: 'sandals', kind: 'en', expected: allChappals },
  { q: 'mugs', kind: 'en', expected: [MULTANI.mugs] },
  { q: 'pashmina', kind: 'en', expected: allPashmina, note: 'the pakol is Chitrali wool, not pashmina' },
  { q: 'pink salt', kind: 'en', expected: [SALT.fine, SALT.block], note: 'salt to eat; the lamps are made of it but are lamps' },
  { q: 'tote bag', kind: 'en', expected: [AJRAK.tote] },
  { q: 'ｆｉｊｉ ｐｅａｒｌ', kind: 'en', expected: allPearls, note: 'full-width letters' },
  { q: 'ＨＯＮＥＹ', kind: 'en', expected: allHoney, note: 'full-width capitals' },
  { q: 'ｋａｖａ', kind: 'en', expected: allKava, note: 'full-width letters' },

  // ——— Typos in words of five letters or more ———
  { q: 'pashmna', kind: 'typo', expected: allPashmina },
  { q: 'footbal', kind: 'typo', expected: [SIALKOT.match, SIALKOT.training, SIALKOT.vintage] },
  { q: 'vanila', kind: 'typo', expected: allVanilla },
  { q: 'cocnut oil', kind: 'typo', expected: [BULA.oil] },
  { q: 'sandalwod', kind: 'typo', expected: allSandalwood },
  { q: 'chocolat', kind: 'typo', expected: [KOKO.bars] },
  { q: 'apricts', kind: 'typo', expected: [HUNZA.apricots, HUNZA.giftBox] },
  { q: 'goalkeper gloves', kind: 'typo', expected: [SIALKOT.gloves] },
  { q: 'mulbery', kind: 'typo', expected: [HUNZA.mulberries, HUNZA.giftBox] },
  { q: 'peshawri chappal', kind: 'typo', expected: allChappals },
  { q: 'espreso', kind: 'typo', expected: [TANNA.espresso, PNG.espresso] },
  { q: 'necklase', kind: 'typo', expected: [PEARLS.strand, PEARLS.pendant] },

  // ——— Mixed Latin and Chinese ———
  { q: 'pashmina 披肩', kind: 'mixed', expected: [CHITRAL.shawl, CHITRAL.sozni] },
  { q: 'fiji 椰子油', kind: 'mixed', expected: [BULA.oil] },
  { q: 'Tanna 咖啡豆', kind: 'mixed', expected: [TANNA.beans] },
  { q: 'Hunza 杏干', kind: 'mixed', expected: [HUNZA.apricots, HUNZA.giftBox] },
  { q: 'sidr 蜂蜜', kind: 'mixed', expected: [SWAT.sidr, SWAT.comb, SWAT.trio] },
  { q: 'ajrak 披肩', kind: 'mixed', expected: [AJRAK.shawl, AJRAK.silk] },
  { q: 'PNG 咖啡', kind: 'mixed', expected: allPngCoffee },
  { q: 'onyx 花瓶', kind: 'mixed', expected: [ONYX.vase] },
  { q: 'Sialkot 足球', kind: 'mixed', expected: allFootballs },
  { q: '珍珠 earrings', kind: 'mixed', expected: [PEARLS.studs] },

  // ——— Traditional characters (only words that differ from the simplified form) ———
  { q: '羊絨披肩', kind: 'traditional', expected: [CHITRAL.shawl, CHITRAL.sozni] },
  { q: '圍巾', kind: 'traditional', expected: [CHITRAL.stole, CHITRAL.muffler] },
  { q: '鹽燈', kind: 'traditional', expected: [SALT.lamp, SALT.carvedLamp] },
  { q: '藍陶花瓶', kind: 'traditional', expected: [MULTANI.vase] },
  { q: '蜂蜜禮盒', kind: 'traditional', expected: [SWAT.trio] },
  { q: '黑珍珠項鏈', kind: 'traditional', expected: [PEARLS.strand, PEARLS.pendant] },
  { q: '掛耳咖啡', kind: 'traditional', expected: [TANNA.drip] },
  { q: '椰漿粉', kind: 'traditional', expected: [BULA.milkPowder] },
  { q: '瓦努阿圖咖啡', kind: 'traditional', expected: allTannaCoffee },
  { q: '薩摩亞可可', kind: 'traditional', expected: allKoko },
  { q: '斐濟珍珠', kind: 'traditional', expected: allPearls },
  { q: '國際象棋', kind: 'traditional', expected: [ONYX.chess] },
  { q: '杏乾', kind: 'traditional', expected: [HUNZA.apricots, HUNZA.giftBox], note: '乾 → 干 (dried), not 乾 as in 乾坤' },
  { q: '樹皮布', kind: 'traditional', expected: allNgatu },

  // ——— Synonyms: words the catalog does not use, in either language ———
  { q: '香子兰', kind: 'synonym', expected: allVanilla, note: 'botanical name of vanilla' },
  { q: '开司米围巾', kind: 'synonym', expected: [CHITRAL.stole, CHITRAL.muffler], note: '开司米 = cashmere' },
  { q: 'soccer ball', kind: 'synonym', expected: allFootballs },
  { q: '海巴戟', kind: 'synonym', expected: allNoni, note: 'botanical name of noni' },
  { q: '醉椒', kind: 'synonym', expected: allKava, note: 'another Chinese name of kava' },
  { q: '玫瑰盐', kind: 'synonym', expected: [SALT.fine, SALT.block], note: 'what Chinese shops call pink Himalayan salt; the rose bath salt is not it' },
  { q: '珠宝盒', kind: 'synonym', expected: [ONYX.jewelleryBox] },
  { q: 'jewelry box', kind: 'synonym', expected: [ONYX.jewelleryBox], note: 'American spelling; the catalog writes jewellery' },
  { q: '耳环', kind: 'synonym', expected: [PEARLS.studs] },
  { q: '椰奶粉', kind: 'synonym', expected: [BULA.milkPowder], note: 'not the coconut milk soap (椰奶皂)' },
  { q: '靠垫套', kind: 'synonym', expected: [AJRAK.cushions] },
  { q: '朱古力', kind: 'synonym', expected: [KOKO.bars], note: 'Cantonese for chocolate' },
  { q: '丝巾', kind: 'synonym', expected: [AJRAK.silk] },
  { q: '蜂巢蜜', kind: 'synonym', expected: [SWAT.comb] },
];
