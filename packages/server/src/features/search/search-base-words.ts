import { countries } from '@pavilion/contracts';

/**
 * Words Pavilion's Chinese segmentation knows before any catalog or operator adds to it: the
 * countries and places of its pavilions (a general dictionary splits 汤加 / 萨摩亚 / 瓦努阿图 and
 * town names into nonsense) and the product words of its trade. Operators add more in the console;
 * the catalog adds its tags, brands and categories.
 */
export const baseWords: readonly string[] = [
  ...Object.values(countries).map((c) => c.zh),
  // Pakistan: provinces, regions, towns the goods are named after.
  '旁遮普', '信德', '俾路支', '开伯尔-普赫图赫瓦', '吉尔吉特', '巴尔蒂斯坦', '克什米尔', '喀喇昆仑', '喜马拉雅',
  '木尔坦', '哈拉', '锡亚尔科特', '罕萨', '白沙瓦', '拉合尔', '卡拉奇', '伊斯兰堡', '斯瓦特', '吉德拉尔', '奇特拉尔',
  '凯乌拉', '盐岭', '博兰', '说书人巷', '费萨拉巴德',
  // The Pacific: islands, towns, provinces.
  '太平洋岛国', '南太平洋', '维提岛', '瓦努阿岛', '塔韦乌尼', '楠迪', '苏瓦', '萨武萨武', '萨瓦伊', '乌波卢', '阿皮亚',
  '努库阿洛法', '瓦瓦乌', '汤加塔布', '塔纳', '桑托', '维拉港', '戈罗卡', '芒特哈根', '哈根', '莫尔斯比港', '科洛福欧',
  // Product words of the pavilions' trade.
  '椰子油', '初榨椰子油', '椰子', '椰奶', '椰子片', '椰糖', '蓝陶', '陶瓷', '花瓶', '釉砖', '马克杯', '台灯', '盐灯', '粉盐',
  '岩盐', '浴盐', '喜马拉雅盐', '阿吉拉克', '披肩', '围巾', '羊绒', '帕什米纳', '真丝', '木版印花', '抱枕套', '托特包',
  '足球', '五人制足球', '守门员手套', '凉鞋', '白沙瓦凉鞋', '绣鞋', '杏干', '桑葚干', '核桃仁', '杏仁油', '干果', '坚果',
  '枣花蜜', '蜂蜜', '缟玛瑙', '玛瑙', '黑珍珠', '珍珠', '吊坠', '项链', '耳钉', '香草', '香草荚', '香草精', '可可',
  '可可豆', '可可粉', '巧克力', '咖啡', '咖啡豆', '阿拉比卡', '卡瓦', '卡瓦根', '诺丽果', '诺丽果汁', '檀香', '檀香油',
  '精油', '树皮布', '塔帕布', '编织', '手工', '手绘', '手缝', '开心果', '清真', '有机', '公平贸易',
];
