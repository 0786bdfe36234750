package org.ruralbank.samplebank.internal;

import java.util.List;

/**
 * Chinese names of people, towns, villages, companies and shops. The county is fictional; names are common ones.
 * Some village names use characters whose GBK trail byte is 0x7C ('|'), which a reader that splits raw bytes on a
 * '|' separator would cut in two.
 */
final class Names {

    private Names() {}

    static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
                    + "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");

    static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰建华建国志强春梅海燕红梅金凤德明"
                    + "国庆小红永生富贵长林水根福生玉珍桂芳翠花文斌宏伟晓东丽华婷雪梅光明建平成林慧玲淑珍凤英家兴春生冬梅秋菊蕓")
            .split("");

    /** The 12 towns of the county: name, area class (U urban, S suburban, R rural), weight of its population. */
    record Town(String name, char areaClass, int weight, String[] villages) {}

    static final List<Town> TOWNS = List.of(
            new Town("城关镇", 'U', 22, villages("东关社区 西关社区 南街社区 北街社区 新华社区 解放社区 文昌村 城南村")),
            new Town("郑坞镇", 'R', 9, villages("横山村 郑坞村 蕓台村 上坞村 下坞村 石塘村 枫林村 前山村")),
            new Town("新安镇", 'S', 10, villages("新安村 安乐村 和平村 东升村 红星村 幸福村 团结村")),
            new Town("石桥镇", 'R', 8, villages("石桥村 河口村 张家村 李家湾村 桥头村 双塘村 柏树村")),
            new Town("白沙镇", 'R', 7, villages("白沙村 沙湾村 金沙村 滩头村 沙坪村 竹园村")),
            new Town("龙潭镇", 'S', 9, villages("龙潭村 龙泉村 潭口村 青龙村 卧龙村 龙井村 新塘村")),
            new Town("清溪镇", 'R', 6, villages("清溪村 溪口村 上溪村 下溪村 溪头村 茶园村")),
            new Town("桃源镇", 'R', 6, villages("桃源村 桃花村 源头村 杏花村 梨园村 果园村")),
            new Town("马鞍镇", 'R', 6, villages("马鞍村 鞍山村 马场村 马头村 高岭村 坪上村")),
            new Town("双河镇", 'S', 7, villages("双河村 河东村 河西村 汇流村 新桥村 红旗村 联合村")),
            new Town("柳林镇", 'R', 5, villages("柳林村 柳庄村 杨柳村 林场村 大庄村 小庄村")),
            new Town("青山镇", 'R', 5, villages("青山村 山口村 山背村 岭下村 纜塘村 松林村")));

    static final String[] COUNTY_PREFIX = ("安平 清河 永宁 桐城 宁远 丰泽 长乐 南屏 泰和 德兴 新丰 广平 宜川 兴安 东阳 临江 遂平 "
                    + "上林 湖口 安仁 崇义 武宁 乐安 金溪 万载 会昌 资溪 石城 铜鼓 黎川 定南 龙南 全南 宁都 瑞金 广昌 靖安 奉新 宜丰 "
                    + "南丰 都昌 彭泽 永修 德安 星子 分宜 芦溪 上栗 莲花 安福")
            .split(" ");

    static final String[] COMPANY_WORDS = ("兴旺 丰收 绿源 金穗 宏达 鑫盛 恒通 华农 富民 顺发 永盛 金泰 天丰 瑞祥 德昌 福源 "
                    + "康达 裕丰 嘉禾 新农 汇通 盛世 旺达 佳和 益农 万家 利民 源丰 山水 田园")
            .split(" ");

    static final String[] COMPANY_TRADES = ("农资有限公司 农业专业合作社 粮油贸易有限公司 建材有限公司 食品有限公司 茶业有限公司 "
                    + "养殖专业合作社 物流有限公司 竹木制品厂 机械制造有限公司 商贸有限公司 建筑工程有限公司 家庭农场 果蔬专业合作社")
            .split(" ");

    /** Shop kinds with their MCC. */
    record ShopKind(String suffix, String mcc) {}

    static final ShopKind[] SHOPS = {
        new ShopKind("超市", "5411"), new ShopKind("农资店", "5261"), new ShopKind("五金建材店", "5251"),
        new ShopKind("家电商场", "5722"), new ShopKind("服装店", "5651"), new ShopKind("饭店", "5812"),
        new ShopKind("药房", "5912"), new ShopKind("粮油批发部", "5499"), new ShopKind("烟酒商行", "5921"),
        new ShopKind("手机通讯店", "4812"), new ShopKind("加油站", "5541"), new ShopKind("摩托车行", "5571"),
        new ShopKind("批发部", "5300"), new ShopKind("卫生院", "8062"), new ShopKind("宾馆", "7011")
    };

    static final String[] MARKETS = {"城关农贸批发市场", "新安小商品批发市场"};

    /** Agricultural subsidy programmes paid through the bank. */
    static final String[] SUBSIDIES = ("耕地地力保护补贴 种粮农民一次性补贴 生态公益林补偿 退耕还林补助 农机购置补贴 "
                    + "稻谷目标价格补贴 高龄津贴 残疾人两项补贴 农村低保金 能繁母猪补贴 农业保险理赔款 森林生态效益补偿")
            .split(" ");

    private static String[] villages(String list) {
        return list.split(" ");
    }
}
