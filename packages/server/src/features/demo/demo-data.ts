/**
 * The demo world seeded into an empty database by `pavilion seed --demo` (and `npm start`).
 * Two pavilions, as the two real cases that drive Pavilion: Pakistan's merchandise pavilion, and
 * one Pacific Islands pavilion for several countries, because Pacific Trade Invest China runs a
 * single bridge for all its island exporters (one team curates it, buyers browse "the Pacific" and
 * filter by country).
 */
export const DEMO_PASSWORD = 'pavilion-demo-2026';

export const demoPavilions = [
  {
    slug: 'pakistan',
    nameEn: 'Pakistan Pavilion',
    nameZh: '巴基斯坦国家馆',
    taglineEn: 'Handicrafts, textiles and flavours from the Indus to the Karakoram',
    taglineZh: '从印度河到喀喇昆仑的手工艺、纺织与风味',
    introEn:
      'Blue pottery from Multan, ajrak block prints from Sindh, footballs stitched in Sialkot and apricots dried in the Hunza valley: ' +
      'Pakistan’s makers, brought to buyers in China by the pavilion of the Trade Development Authority.',
    introZh:
      '木尔坦的蓝陶、信德的阿吉拉克木版印花、锡亚尔科特手工缝制的足球、罕萨山谷的杏干——巴基斯坦国家馆把当地匠人的好物直接带给中国买家。',
    countries: ['PK'],
    operator: { email: 'operator.pk@pavilion.demo', displayName: 'Ayesha Siddiqui' },
  },
  {
    slug: 'pacific',
    nameEn: 'Pacific Islands Pavilion',
    nameZh: '太平洋岛国馆',
    taglineEn: 'Direct from the islands: Fiji, Samoa, Tonga, Vanuatu and Papua New Guinea',
    taglineZh: '岛国直供：斐济、萨摩亚、汤加、瓦努阿图、巴布亚新几内亚',
    introEn:
      'Virgin coconut oil from Fiji, Samoan koko, Tongan vanilla, Tanna coffee and highlands arabica from Papua New Guinea: ' +
      'a direct bridge between Pacific Island exporters and buyers in China, curated by Pacific Trade Invest China.',
    introZh:
      '斐济初榨椰子油、萨摩亚可可、汤加香草、瓦努阿图塔纳咖啡、巴布亚新几内亚高地阿拉比卡——太平洋岛国出口商与中国买家之间的直通桥梁，由太平洋岛国贸易投资署中国办公室甄选。',
    countries: ['FJ', 'WS', 'TO', 'VU', 'PG'],
    operator: { email: 'operator.pacific@pavilion.demo', displayName: 'Mele Fifita' },
  },
] as const;

export const demoExporters = [
  {
    pavilion: 'pakistan',
    legalName: 'Multan Blue Pottery Works (Pvt) Ltd',
    tradingNameEn: 'Multani Blue',
    tradingNameZh: '木尔坦蓝陶坊',
    country: 'PK',
    city: 'Multan',
    status: 'approved',
    member: { email: 'imran@multaniblue.example', displayName: 'Imran Qureshi' },
  },
  {
    pavilion: 'pakistan',
    legalName: 'Hala Ajrak House',
    tradingNameEn: 'Ajrak House',
    tradingNameZh: '哈拉阿吉拉克印染坊',
    country: 'PK',
    city: 'Hala',
    status: 'approved',
    member: { email: 'sana@ajrakhouse.example', displayName: 'Sana Memon' },
  },
  {
    pavilion: 'pakistan',
    legalName: 'Sialkot Match Ball Company',
    tradingNameEn: 'Sialkot Match Ball',
    tradingNameZh: '锡亚尔科特比赛用球',
    country: 'PK',
    city: 'Sialkot',
    status: 'approved',
    member: { email: 'usman@sialkotball.example', displayName: 'Usman Butt' },
  },
  {
    pavilion: 'pakistan',
    legalName: 'Hunza Orchards Trading Co.',
    tradingNameEn: 'Hunza Orchards',
    tradingNameZh: '罕萨果园',
    country: 'PK',
    city: 'Karimabad',
    status: 'pending',
    member: { email: 'karim@hunzaorchards.example', displayName: 'Karim Baig' },
  },
  {
    pavilion: 'pacific',
    legalName: 'Nadi Bay Coconut Company Pte Ltd',
    tradingNameEn: 'Bula Coconut',
    tradingNameZh: '布拉椰子',
    country: 'FJ',
    city: 'Nadi',
    status: 'approved',
    member: { email: 'litia@bulacoconut.example', displayName: 'Litia Naivalu' },
  },
  {
    pavilion: 'pacific',
    legalName: "Savai'i Koko Growers Ltd",
    tradingNameEn: "Savai'i Koko",
    tradingNameZh: '萨瓦伊岛可可',
    country: 'WS',
    city: 'Salelologa',
    status: 'approved',
    member: { email: 'tavita@savaiikoko.example', displayName: 'Tavita Leota' },
  },
  {
    pavilion: 'pacific',
    legalName: "Vava'u Vanilla Cooperative Society",
    tradingNameEn: "Vava'u Vanilla",
    tradingNameZh: '瓦瓦乌香草合作社',
    country: 'TO',
    city: 'Neiafu',
    status: 'approved',
    member: { email: 'sione@vavauvanilla.example', displayName: 'Sione Taufa' },
  },
  {
    pavilion: 'pacific',
    legalName: 'Tanna Island Coffee Ltd',
    tradingNameEn: 'Tanna Island Coffee',
    tradingNameZh: '塔纳岛咖啡',
    country: 'VU',
    city: 'Port Vila',
    status: 'approved',
    member: { email: 'kalo@tannacoffee.example', displayName: 'Kalo Nampas' },
  },
  {
    pavilion: 'pacific',
    legalName: 'Highlands Arabica Exports Limited',
    tradingNameEn: 'Highlands Arabica',
    tradingNameZh: '高地阿拉比卡咖啡',
    country: 'PG',
    city: 'Goroka',
    status: 'pending',
    member: { email: 'ruth@highlandsarabica.example', displayName: 'Ruth Kombuk' },
  },
] as const;

export const demoAdmin = { email: 'admin@pavilion.demo', displayName: 'Pavilion Admin' };

export const demoCompany = {
  nameZh: '上海海岛优选贸易有限公司',
  nameEn: 'Shanghai Island Select Trading Co., Ltd.',
  city: '上海',
  owner: { email: 'zhang.wei@islandselect.example', displayName: '张伟' },
};

/** The demo buyer signs in with this phone; the code appears in the server log. */
export const demoBuyer = { phone: '13800138000', displayName: '李娜' };
