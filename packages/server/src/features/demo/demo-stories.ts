import type { Db } from '../../db/database.ts';
import { seedPublishedStories, type SeedStory } from '../pavilions/index.ts';

/**
 * The demo pavilions' culture stories, published: real places and crafts, told in both languages
 * the way a pavilion's own team would tell them. No cover images (operators upload those).
 */
type DemoStory = Omit<SeedStory, 'publishedAt'>;

export const demoStories: Record<'pakistan' | 'pacific', DemoStory[]> = {
  pakistan: [
    {
      slug: 'multan-blue-pottery',
      titleEn: 'Multan blue: kashi-kari from the City of Saints',
      titleZh: '木尔坦之蓝：圣人之城的卡西釉彩',
      summaryEn: 'The cobalt and turquoise tiles of the Shah Rukn-e-Alam shrine and the blue pottery of Multan share one craft, kashi-kari, seven centuries old.',
      summaryZh: '沙·鲁克恩-伊-阿拉姆圣陵的钴蓝与松石绿釉砖，和木尔坦蓝陶同出一门手艺——传承七百年的卡西釉彩。',
      bodyEn:
        '<p>Multan, on the plains of southern Punjab, is called the City of Saints for its Sufi shrines, and the best known of them is the tomb of Shah Rukn-e-Alam. ' +
        'Built in the early fourteenth century, the octagonal brick tomb rises above the old city, its walls banded with glazed tiles in cobalt, turquoise and white. ' +
        'The same colours live on in the blue pottery Multan is famous for today.</p>' +
        '<h3>Kashi-kari, the craft of glaze</h3>' +
        '<p>The craft is called kashi-kari, after <em>kashi</em>, the glazed tilework that reached the subcontinent from Persia. ' +
        'Artisans shape vases, plates and tiles, coat them with white slip, paint flowers and vines freehand in cobalt blue and turquoise, then glaze and fire them. ' +
        'No two pieces are painted quite alike: the brush follows the curve of each pot from memory, with patterns handed down through families of craftsmen in the lanes of the old city.</p>' +
        '<h3>From the shrine walls to your table</h3>' +
        '<p>When the tomb was restored in the 1970s, its missing tiles were made again by Multani craftsmen, in the old colours. ' +
        'The workshops in this pavilion still work by hand in that tradition: a plate on your table is made the way the tiles on the shrine were.</p>',
      bodyZh:
        '<p>木尔坦位于旁遮普南部平原，因苏菲派圣陵众多而被称为“圣人之城”，其中最负盛名的是沙·鲁克恩-伊-阿拉姆（Shah Rukn-e-Alam）圣陵。' +
        '这座八角形砖砌陵墓建于十四世纪初，高踞老城之上，墙面以钴蓝、松石绿和白色的釉砖层层装饰。' +
        '今天闻名遐迩的木尔坦蓝陶，用的正是同样的颜色。</p>' +
        '<h3>卡西卡里：釉彩的手艺</h3>' +
        '<p>这门手艺叫作“卡西卡里”（kashi-kari），得名于从波斯传入南亚的釉砖工艺“卡西”。' +
        '匠人先把花瓶、盘子和瓷砖做成形，施一层白色化妆土，再徒手用钴蓝和松石绿描绘花卉与藤蔓，最后上釉、入窑烧制。' +
        '没有两件完全相同：画笔顺着器形游走，凭的是记忆，这些纹样在老城小巷的匠人家族里代代相传。</p>' +
        '<h3>从圣陵墙面到你的餐桌</h3>' +
        '<p>上世纪七十年代修复圣陵时，缺失的釉砖由木尔坦本地匠人按旧时的颜色重新烧制。' +
        '国家馆里的作坊至今仍以手工延续这一传统：你餐桌上的一只盘子，和圣陵墙上的瓷砖出自同一门手艺。</p>',
    },
    {
      slug: 'ajrak-of-sindh',
      titleEn: 'Ajrak: the indigo and madder of Sindh',
      titleZh: '阿吉拉克：信德的靛蓝与茜红',
      summaryEn: 'In Hala and Bhit Shah, families of printers still make ajrak by hand: carved wooden blocks, resist paste, indigo and madder, and two weeks in the sun.',
      summaryZh: '在哈拉和比特沙，印染世家仍以手工制作阿吉拉克：雕花木版、防染浆、靛蓝与茜草，再加上两周的日晒。',
      bodyEn:
        '<p>In Sindh an ajrak is more than a piece of cloth. It is worn as a shawl or a turban, spread as a sheet, offered to a guest as a mark of respect, ' +
        'and seen everywhere on Sindhi Culture Day. Its deep crimson and indigo, set in stars and lattices, are known all over Pakistan.</p>' +
        '<h3>Printed by hand, dyed in stages</h3>' +
        '<p>In Hala and around Bhit Shah, the town of the Sufi poet Shah Abdul Latif Bhittai, families of printers still make ajrak the slow way. ' +
        'The cotton is washed and softened, then printed with carved wooden blocks: first a resist paste that keeps parts of the cloth white, then the mordants that will take the red. ' +
        'The cloth is dyed in indigo, washed, dyed again with madder, and spread out in the sun between stages. ' +
        'A single piece goes through more than a dozen steps over two or three weeks, and a fine ajrak is printed on both sides, the pattern matching front and back.</p>' +
        '<h3>Reading the pattern</h3>' +
        '<p>Each block carries one motif, a star, a flower, a lattice, and the printer lines the blocks up by eye, edge to edge, across more than two metres of cloth. ' +
        'The slight shifts where one impression meets the next are the signature of the hand.</p>',
      bodyZh:
        '<p>在信德，阿吉拉克（ajrak）不只是一块布。它可以是披肩、头巾或床单，也是向客人表达敬意的礼物；每逢“信德文化日”，街头处处可见。' +
        '深沉的茜红与靛蓝，配上星形与格栅纹样，在巴基斯坦几乎无人不识。</p>' +
        '<h3>手工压印，层层染色</h3>' +
        '<p>在哈拉（Hala）和比特沙（Bhit Shah）一带——比特沙是苏菲派诗人沙·阿卜杜勒·拉蒂夫·比塔伊的故乡——印染世家至今仍用最费工的方法制作阿吉拉克。' +
        '棉布先洗净、软化，再用雕花木版逐块压印：先印防染浆，留出白色；再印媒染剂，日后显出红色。' +
        '随后入靛蓝缸染色、漂洗，再用茜草染红，每道工序之间都要把布摊开在阳光下晾晒。' +
        '一块布要经过十几道工序、历时两三周；上好的阿吉拉克两面都印，正反图案严丝合缝。</p>' +
        '<h3>读懂纹样</h3>' +
        '<p>每块木版只刻一个纹样——星、花或格栅——印染师傅全凭目测，一版接一版地对齐，铺满两米多长的布面。' +
        '版与版相接处细微的错位，正是手工留下的印记。</p>',
    },
  ],
  pacific: [
    {
      slug: 'masi-and-ngatu',
      titleEn: 'Masi and ngatu: the bark cloth of Fiji and Tonga',
      titleZh: '马西与恩加图：斐济和汤加的树皮布',
      summaryEn: 'Beaten from the bark of the paper mulberry and printed with stencils or pattern tablets, tapa cloth is given at every great moment of island life.',
      summaryZh: '以构树皮捶制，再用镂空模板或纹样板上色——树皮布是岛民人生每个重要时刻的馈赠。',
      bodyEn:
        '<p>Across the Pacific, cloth was once made not by weaving but by beating. The inner bark of the paper mulberry is stripped, soaked, ' +
        'and beaten with wooden mallets on a log anvil until it spreads into thin, soft sheets. In Fiji the finished cloth is called masi; in Tonga, ngatu.</p>' +
        '<h3>Fijian masi</h3>' +
        '<p>Fijian makers decorate masi with stencils, once cut from leaves and today often from card or old X-ray film, ' +
        'dabbing on earth-brown and black dyes in bold geometric patterns. Masi is given at weddings, births and funerals, worn in ceremonies and hung in homes; ' +
        'the islands of Vatulele and Moce are especially known for it.</p>' +
        '<h3>Tongan ngatu</h3>' +
        '<p>In Tonga, women work together in groups to make ngatu, sheets that can run for many metres. ' +
        'The beaten bark is pasted in layers over pattern tablets called kupesi and rubbed with a red-brown dye made from tree bark, so the design rises through the cloth; ' +
        'the makers then outline it by hand in darker dye. A great ngatu is a family treasure, presented at weddings, funerals and royal occasions.</p>' +
        '<p>No two pieces of tapa are alike: the grain of the beating and the depth of each print carry the hands of the women who made it.</p>',
      bodyZh:
        '<p>在太平洋诸岛，布曾经不是织出来的，而是捶出来的。人们剥下构树的内层树皮，浸泡之后放在木砧上用木槌反复捶打，直到它铺展成又薄又软的布片。' +
        '在斐济，这种树皮布叫作马西（masi）；在汤加，叫作恩加图（ngatu）。</p>' +
        '<h3>斐济马西</h3>' +
        '<p>斐济匠人用镂空模板为马西上色：模板过去用树叶剪成，如今也常用硬纸板或旧 X 光片，蘸上土褐色和黑色的染料，拍印出醒目的几何纹样。' +
        '婚礼、诞生、葬礼都要赠送马西，仪式上穿戴，家中也挂作装饰；瓦图莱莱岛（Vatulele）和莫策岛（Moce）的马西尤其有名。</p>' +
        '<h3>汤加恩加图</h3>' +
        '<p>在汤加，恩加图由妇女们结伴合力制作，一张可以长达十几米甚至更长。' +
        '捶好的树皮一层层糊在名为“库佩西”（kupesi）的纹样板上，再用树皮熬成的红褐色染料反复擦拭，让纹样从布面上浮现出来，最后用更深的染料手绘勾边。' +
        '一张上好的恩加图是家族的珍宝，在婚礼、葬礼和王室庆典上郑重相赠。</p>' +
        '<p>每一块树皮布都独一无二：捶打的纹理、拍印的深浅，都留着制作者的手迹。</p>',
    },
    {
      slug: 'yaqona-kava-ceremony',
      titleEn: 'Yaqona: the kava ceremony of Fiji',
      titleZh: '扬戈纳：斐济的卡瓦仪式',
      summaryEn: 'A bundle of roots for the chief, a wooden tanoa, a coconut-shell bilo and one clap before you drink: how Fiji welcomes a guest.',
      summaryZh: '献给酋长的一束根、木碗塔诺阿、椰壳杯比洛，饮前拍一下手——斐济就是这样迎接客人的。',
      bodyEn:
        '<p>Arrive in a Fijian village as a guest and the first thing you do is present a bundle of dried yaqona roots to the chief. ' +
        'This is the sevusevu, a request to be welcomed; once it is accepted, you are no longer a stranger.</p>' +
        '<h3>The tanoa and the bilo</h3>' +
        '<p>Yaqona, known across the Pacific as kava, is the root of a pepper plant, <em>Piper methysticum</em>. ' +
        'It is pounded to a powder, wrapped in cloth and kneaded in water in a wide wooden bowl, the tanoa, until the drink is the colour of a river after rain. ' +
        'It is served in half a coconut shell, the bilo: you clap once, say “bula”, drink it down in one go, and everyone claps three times. ' +
        'It tastes earthy and peppery, and leaves the lips a little numb.</p>' +
        '<h3>Around the bowl</h3>' +
        '<p>Yaqona is drunk to welcome visitors, to mark births, weddings and funerals, to settle disputes, and on ordinary evenings, ' +
        'when people sit on woven mats around the tanoa and talk late into the night. Fijians call that long conversation talanoa, and it is at the heart of island life.</p>',
      bodyZh:
        '<p>以客人的身份走进斐济的村庄，第一件事是向酋长献上一束晒干的扬戈纳（yaqona）根。' +
        '这个仪式叫作“塞武塞武”（sevusevu），意思是请求接纳；酋长收下之后，你就不再是陌生人了。</p>' +
        '<h3>塔诺阿与比洛</h3>' +
        '<p>扬戈纳在太平洋各地通称卡瓦（kava），是一种胡椒属植物（<em>Piper methysticum</em>）的根。' +
        '根被捣成粉，用布包好，在宽大的木碗“塔诺阿”（tanoa）里浸水揉搓，直到汤色像雨后的河水。' +
        '饮用时盛在半个椰壳做的“比洛”（bilo）里：先拍一下手，说一声“布拉”（bula），一饮而尽，众人再齐拍三下手。' +
        '它带着泥土和胡椒的气息，喝完嘴唇会微微发麻。</p>' +
        '<h3>围碗而坐</h3>' +
        '<p>迎接远客、庆贺诞生和婚礼、送别逝者、调解纷争，都少不了扬戈纳；平常的夜晚，人们也会围着塔诺阿坐在草席上，一聊就到深夜。' +
        '斐济人把这种漫长的闲谈叫作“塔拉诺阿”（talanoa），它是岛上生活的核心。</p>',
    },
    {
      slug: 'tanna-coffee-mount-yasur',
      titleEn: 'Tanna coffee, grown in the shadow of Mount Yasur',
      titleZh: '塔纳咖啡：亚苏尔火山脚下的咖啡',
      summaryEn: 'On Tanna in southern Vanuatu, families grow arabica in soil enriched by the ash of one of the world’s most accessible active volcanoes.',
      summaryZh: '在瓦努阿图南部的塔纳岛，农户们在火山灰滋养的土地上种植阿拉比卡咖啡。',
      bodyEn:
        '<p>On Tanna, in the south of Vanuatu, Mount Yasur has been erupting for centuries. Its glow lights the night sky, ' +
        'and its ash drifts down on the gardens around it, leaving the soil deep and rich. It is in this volcanic soil that Tanna’s coffee grows.</p>' +
        '<h3>Grown by families</h3>' +
        '<p>Tanna coffee is arabica, grown by smallholders on family plots, often beside the yams, taro and kava of their gardens. ' +
        'The cherries are picked by hand when ripe, then pulped, dried and hulled before the beans go to be roasted.</p>' +
        '<h3>In the cup</h3>' +
        '<p>With no large plantations on the island, Tanna coffee comes in small lots. ' +
        'Tasters describe a soft, rounded body, gentle acidity and notes of chocolate and nuts: a mild coffee, good black or with milk.</p>',
      bodyZh:
        '<p>在瓦努阿图南部的塔纳岛上，亚苏尔火山（Mount Yasur）已经喷发了数百年。夜里，它的火光映红天空；' +
        '火山灰飘落在四周的田园里，让这里的土壤深厚肥沃。塔纳咖啡，就生长在这片火山土上。</p>' +
        '<h3>家家户户种出来的咖啡</h3>' +
        '<p>塔纳咖啡是阿拉比卡品种，由小农在自家地里种植，旁边往往就是山药、芋头和卡瓦。' +
        '咖啡果成熟后逐颗手工采摘，经过去果肉、晾晒、脱壳，再送去烘焙。</p>' +
        '<h3>杯中风味</h3>' +
        '<p>岛上没有大型种植园，塔纳咖啡的产量一向不多。' +
        '品鉴者常形容它醇厚圆润、酸度柔和，带有巧克力与坚果的香气——一款温和的咖啡，清饮或加奶都相宜。</p>',
    },
  ],
};

/**
 * Adds the demo stories, published, to the demo pavilions (run by seedDemo after the pavilions
 * exist). A story whose slug the pavilion already has is left as it is.
 */
export async function seedDemoStories(db: Db): Promise<void> {
  const base = Date.now();
  // A few minutes apart, so the dates read like a pavilion that published them one by one.
  const stories = Object.fromEntries(
    Object.entries(demoStories).map(([slug, list]) => [slug, list.map((story, position) => ({ ...story, publishedAt: new Date(base - (list.length - position) * 7 * 60_000).toISOString() }))]),
  );
  await seedPublishedStories(db, stories);
}
