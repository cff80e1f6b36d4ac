/// Chinese personal names: common surnames weighted roughly by frequency, and given-name characters
/// grouped by sound so a "typo" can be the homophone a clerk types through a pinyin IME (王伟 → 王玮).
enum ChineseNames {
    struct Syllable: Sendable {
        let hanzi: String
        let pinyin: String
    }

    /// (surname, pinyin, relative weight).
    static let surnames: [(String, String, Double)] = [
        ("王", "wang", 7.1), ("李", "li", 7.0), ("张", "zhang", 6.7), ("刘", "liu", 5.4), ("陈", "chen", 4.5),
        ("杨", "yang", 3.1), ("黄", "huang", 2.2), ("赵", "zhao", 2.0), ("吴", "wu", 1.9), ("周", "zhou", 1.9),
        ("徐", "xu", 1.3), ("孙", "sun", 1.3), ("马", "ma", 1.2), ("朱", "zhu", 1.1), ("胡", "hu", 1.1),
        ("郭", "guo", 1.1), ("何", "he", 1.0), ("林", "lin", 0.9), ("高", "gao", 0.9), ("罗", "luo", 0.9),
        ("郑", "zheng", 0.8), ("梁", "liang", 0.8), ("谢", "xie", 0.7), ("宋", "song", 0.6), ("唐", "tang", 0.6),
        ("许", "xu", 0.6), ("韩", "han", 0.5), ("冯", "feng", 0.5), ("邓", "deng", 0.5), ("曹", "cao", 0.5),
        ("彭", "peng", 0.5), ("曾", "zeng", 0.5), ("肖", "xiao", 0.5), ("田", "tian", 0.4), ("董", "dong", 0.4),
        ("袁", "yuan", 0.4), ("潘", "pan", 0.4), ("于", "yu", 0.4), ("蒋", "jiang", 0.4), ("蔡", "cai", 0.4),
        ("余", "yu", 0.4), ("杜", "du", 0.4), ("叶", "ye", 0.4), ("程", "cheng", 0.4), ("苏", "su", 0.3),
        ("魏", "wei", 0.3), ("吕", "lv", 0.3), ("丁", "ding", 0.3), ("任", "ren", 0.3), ("沈", "shen", 0.3),
        ("姚", "yao", 0.3), ("卢", "lu", 0.3), ("姜", "jiang", 0.3), ("崔", "cui", 0.3), ("钟", "zhong", 0.3),
        ("谭", "tan", 0.3), ("陆", "lu", 0.3), ("汪", "wang", 0.3), ("范", "fan", 0.3), ("金", "jin", 0.3),
        ("欧阳", "ouyang", 0.05), ("司马", "sima", 0.02), ("诸葛", "zhuge", 0.01),
    ]

    /// Surnames a pinyin IME offers for the same syllable; a mistyped surname comes from here.
    static let surnameHomophones: [String: [String]] = [
        "王": ["汪"], "汪": ["王"], "张": ["章"], "刘": ["柳"], "陈": ["程"], "程": ["陈"], "杨": ["阳"],
        "黄": ["皇"], "徐": ["许"], "许": ["徐"], "林": ["琳"], "胡": ["湖"], "何": ["和"], "周": ["舟"],
        "吴": ["武"], "李": ["理"], "马": ["玛"], "于": ["余"], "余": ["于"], "姜": ["江"], "蒋": ["江"],
    ]

    /// Given-name characters; characters in one inner array sound alike.
    static let givenGroups: [[Syllable]] = {
        let raw: [[(String, String)]] = [
            [("伟", "wei"), ("玮", "wei"), ("炜", "wei")], [("芳", "fang"), ("方", "fang")], [("娜", "na"), ("纳", "na")],
            [("敏", "min"), ("民", "min")], [("静", "jing"), ("婧", "jing"), ("晶", "jing")], [("丽", "li"), ("莉", "li"), ("俐", "li")],
            [("强", "qiang")], [("磊", "lei"), ("蕾", "lei")], [("军", "jun"), ("君", "jun"), ("俊", "jun")],
            [("洋", "yang"), ("阳", "yang")], [("勇", "yong"), ("永", "yong")], [("艳", "yan"), ("燕", "yan"), ("妍", "yan")],
            [("杰", "jie"), ("洁", "jie"), ("婕", "jie")], [("娟", "juan"), ("鹃", "juan")], [("涛", "tao"), ("韬", "tao")],
            [("明", "ming"), ("铭", "ming")], [("超", "chao"), ("潮", "chao")], [("秀", "xiu")], [("霞", "xia"), ("侠", "xia")],
            [("平", "ping"), ("萍", "ping")], [("刚", "gang"), ("钢", "gang")], [("英", "ying"), ("莹", "ying"), ("颖", "ying")],
            [("华", "hua"), ("桦", "hua")], [("玉", "yu"), ("钰", "yu"), ("宇", "yu"), ("雨", "yu")], [("红", "hong"), ("宏", "hong"), ("鸿", "hong")],
            [("建", "jian"), ("健", "jian")], [("文", "wen"), ("雯", "wen")], [("辉", "hui"), ("晖", "hui"), ("慧", "hui"), ("惠", "hui")],
            [("斌", "bin"), ("彬", "bin")], [("鹏", "peng"), ("朋", "peng")], [("峰", "feng"), ("锋", "feng")],
            [("晨", "chen"), ("辰", "chen")], [("欣", "xin"), ("馨", "xin"), ("鑫", "xin")], [("怡", "yi"), ("仪", "yi"), ("毅", "yi")],
            [("佳", "jia"), ("嘉", "jia")], [("婷", "ting"), ("亭", "ting")], [("浩", "hao"), ("皓", "hao")], [("凯", "kai"), ("楷", "kai")],
            [("雪", "xue")], [("倩", "qian"), ("茜", "qian")], [("涵", "han"), ("晗", "han")], [("博", "bo"), ("波", "bo")],
            [("志", "zhi"), ("智", "zhi")], [("国", "guo")], [("海", "hai")], [("东", "dong"), ("冬", "dong")], [("子", "zi"), ("梓", "zi")],
            [("思", "si")], [("梦", "meng")], [("天", "tian")], [("立", "li"), ("力", "li")], [("成", "cheng"), ("诚", "cheng")],
            [("家", "jia")], [("晓", "xiao"), ("小", "xiao")], [("春", "chun")], [("一", "yi")], [("泽", "ze")],
            [("瑞", "rui"), ("睿", "rui")], [("安", "an")], [("新", "xin")], [("云", "yun"), ("芸", "yun")], [("琪", "qi"), ("琦", "qi")],
            [("飞", "fei"), ("菲", "fei")], [("宁", "ning")], [("亮", "liang")], [("林", "lin"), ("琳", "lin"), ("霖", "lin")],
        ]
        return raw.map { $0.map { Syllable(hanzi: $0.0, pinyin: $0.1) } }
    }()

    /// Flattened given-name characters with the index of their sound group.
    static let givenChars: [(syllable: Syllable, group: Int)] = givenGroups.enumerated().flatMap { g, members in
        members.map { ($0, g) }
    }

    static let surnameCumulative: [Double] = cumulativeWeights(surnames.map { $0.2 })
}
