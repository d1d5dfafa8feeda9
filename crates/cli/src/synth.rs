//! `dafu synth`: realistic synthetic replies for benchmarks and stress tests.
//!
//! Each reply is assembled from sentence templates and phrase lists written
//! in the style of the commission's replies: both kinds (提案 沪科提复 /
//! 建议 沪科建复), sessions, years 2023–2026, one or many proposers, handling
//! results as words or class letters, figures of every shape (超21亿元, 166家,
//! 22.57%, 1.29 万亿元, 近80%, 3000余人, 2 倍), next-steps sections of every
//! shape (**一是…** paragraphs, 一是…；二是… inline, （一）（二） subsections,
//! items numbered 1. 2., a single sentence, none) and the extraction artefacts real
//! texts carry (page-break splits, markdown marks, stray spaces, CRLF,
//! full-width digits).
//!
//! Output is deterministic for a seed, and reply `i` does not depend on `N`:
//! `synth 500` is a prefix of `synth 2000`. Besides the texts, `manifest.json`
//! records for each file its kind, next-steps shape and the number of
//! commitments it was written with. Synthetic replies are never bundled by
//! default; point `DAFU_CORPUS` at the output folder to build the app with them.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// Writes `n` replies `synth_00000.txt`… and `manifest.json` into `out`.
pub fn run(n: usize, out: &Path, seed: u64) -> io::Result<u8> {
    if let Err(err) = fs::create_dir_all(out) {
        eprintln!("{}: error: cannot create directory: {err}", out.display());
        return Ok(crate::input::EXIT_IO);
    }
    let mut manifest = Vec::with_capacity(n);
    let mut bytes = 0usize;
    for i in 0..n {
        let reply = generate(seed, i as u64);
        let name = format!("synth_{i:05}.txt");
        let path = out.join(&name);
        if let Err(err) = fs::write(&path, &reply.text) {
            eprintln!("{}: error: cannot write: {err}", path.display());
            return Ok(crate::input::EXIT_IO);
        }
        bytes += reply.text.len();
        manifest.push(serde_json::json!({
            "file": name,
            "kind": reply.kind,
            "next_steps": reply.shape.name(),
            "commitments": reply.commitments,
            "bytes": reply.text.len(),
        }));
    }
    let path = out.join("manifest.json");
    let json = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    if let Err(err) = fs::write(&path, json + "\n") {
        eprintln!("{}: error: cannot write: {err}", path.display());
        return Ok(crate::input::EXIT_IO);
    }
    println!(
        "wrote {n} synthetic replies ({bytes} bytes) to {}",
        out.display()
    );
    Ok(crate::input::EXIT_OK)
}

/// One generated reply and what it was written with.
pub struct Synthetic {
    pub text: String,
    /// "proposal" | "suggestion".
    pub kind: &'static str,
    pub shape: Shape,
    /// Items written in the next-steps section (1 for a single sentence).
    pub commitments: usize,
}

/// How the next-steps section is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `**一是…。**…` — one paragraph per item, bold lead.
    BoldParagraphs,
    /// `一是…；二是…；三是…。` inside one paragraph.
    Inline,
    /// `（一）…` paragraphs under `二、对相关建议的答复`.
    Subsections,
    /// `1. …` paragraphs.
    Numbered,
    /// One summary sentence after 下阶段.
    Single,
    /// No next-steps section.
    None,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::BoldParagraphs => "bold_paragraphs",
            Shape::Inline => "inline",
            Shape::Subsections => "subsections",
            Shape::Numbered => "numbered",
            Shape::Single => "single",
            Shape::None => "none",
        }
    }
}

/// splitmix64: small, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: u64) -> Self {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.next() as usize % items.len()]
    }
}

const CN_NUM: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "蔡", "潘", "田", "董", "袁", "于", "余", "叶", "蒋", "杜", "苏", "魏", "程", "吕", "丁", "沈",
    "任", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦",
    "欧阳", "司马", "诸葛",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
    "秀英", "建华", "志强", "晓东", "海燕", "立新", "卫东", "文斌", "雪峰", "彦", "亮", "晟", "畅",
    "佳怡", "子涵", "一鸣", "思远", "振宇", "丽娟", "国庆", "新宇", "立行", "仁龙", "吉华", "广立",
    "轶敏", "卫标", "慧", "琳", "嘉诚", "晨曦", "宏伟", "永刚", "春梅",
];

const FIELDS: &[&str] = &[
    "集成电路",
    "生物医药",
    "人工智能",
    "量子科技",
    "脑机接口",
    "合成生物",
    "新材料",
    "低空经济",
    "智能网联汽车",
    "商业航天",
    "氢能与储能",
    "具身智能",
    "海洋装备",
    "绿色低碳",
    "数字医疗",
    "工业软件",
    "元宇宙",
    "细胞与基因治疗",
    "高端医疗器械",
    "类脑智能",
    "先进制造",
    "智能传感器",
];
const TOPICS: &[&str] = &[
    "科技成果转化",
    "科技金融服务",
    "基础研究",
    "青年科技人才培养",
    "概念验证平台建设",
    "高质量孵化器建设",
    "技术转移体系建设",
    "知识产权运用",
    "科学普及",
    "国际科技合作",
    "企业科技创新主体地位",
    "科研评价制度改革",
    "创新联合体建设",
    "研发与转化功能型平台建设",
    "大型科研仪器开放共享",
    "长三角科技创新共同体建设",
    "临床研究转化",
    "应用场景开放",
    "科技型中小企业培育",
    "新型研发机构发展",
    "产学研深度融合",
    "科技伦理治理",
    "科研经费管理改革",
    "科技创新券使用",
];
const VERBS: &[&str] = &[
    "加快", "推动", "优化", "完善", "强化", "深化", "支持", "促进", "健全", "提升",
];
const ORGS: &[&str] = &[
    "市经济信息化委",
    "市发展改革委",
    "市教委",
    "市财政局",
    "市人力资源社会保障局",
    "市卫生健康委",
    "市知识产权局",
    "市委金融办",
    "市国资委",
    "市数据局",
    "市市场监管局",
    "上海证监局",
    "市药品监管局",
    "市商务委",
    "浦东新区",
    "临港新片区管委会",
    "张江科学城",
    "徐汇区",
    "闵行区",
    "嘉定区",
];
const PLATFORMS: &[&str] = &[
    "上海技术交易所",
    "国家技术转移东部中心",
    "InnoMatch 全球技术供需对接平台",
    "上海科技创新资源数据中心",
    "上海产业技术研究院",
    "长三角国家技术创新中心",
    "上海市大型科学仪器设施共享服务平台",
    "上海市科技创业中心",
    "上海市生物医药科技发展中心",
    "上海市科学学研究所",
];
const THINGS: &[&str] = &[
    "高新技术企业",
    "科技小巨人企业",
    "专精特新企业",
    "新型研发机构",
    "市级工程技术研究中心",
    "外资研发中心",
    "大学科技园",
    "众创空间",
    "技术转移机构",
    "重点实验室",
];
const SUBJECTS: &[&str] = &[
    "高校院所",
    "科研人员",
    "科技型中小企业",
    "在孵企业",
    "技术经理人",
    "创新联合体",
    "龙头企业",
    "医疗卫生机构",
    "社会资本",
    "青年科学家",
];
const FUNDS: &[&str] = &[
    "上海未来产业基金",
    "天使投资引导基金",
    "科创接力基金",
    "成果转化引导基金",
    "产业转型升级基金",
];
const ACTIVITIES: &[&str] = &[
    "政策宣讲会",
    "银企对接活动",
    "技术路演",
    "创新挑战赛",
    "科普讲座",
    "专题培训班",
    "供需对接会",
];
const NOUNS: &[&str] = &[
    "政策体系",
    "服务网络",
    "支撑能力",
    "协同机制",
    "评价体系",
    "服务链条",
    "创新生态",
    "保障机制",
    "发展环境",
    "工作机制",
];
const DIGIT_NAMES: &[&str] = &[
    "6G",
    "3D 打印",
    "TOP100",
    "“3+6”重点产业体系",
    "5G+工业互联网",
    "G60 科创走廊",
    "第 2 期",
];

struct Style {
    /// Spaces around numbers: "2024 年", "超 500 亿元".
    spaced: bool,
    /// Markdown marks: "# 上海市科学技术委员会", "---".
    markdown: bool,
    /// Write one figure with full-width digits.
    fullwidth: bool,
}

struct Gen {
    rng: Rng,
    style: Style,
    year: u16,
}

impl Gen {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.rng.pick(items)
    }

    fn sp(&self) -> &'static str {
        if self.style.spaced {
            " "
        } else {
            ""
        }
    }

    fn name(&mut self) -> String {
        let surname = self.pick(SURNAMES);
        let given = self.pick(GIVEN);
        // A stray space inside a two-character name: "蓝 晟".
        if self.style.spaced
            && surname.chars().count() + given.chars().count() == 2
            && self.rng.chance(0.3)
        {
            format!("{surname} {given}")
        } else {
            format!("{surname}{given}")
        }
    }

    fn digits(&mut self, n: &str) -> String {
        if self.style.fullwidth && self.rng.chance(0.15) {
            n.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
                    c => c,
                })
                .collect()
        } else {
            n.to_string()
        }
    }

    /// A figure: optional qualifier, number, optional magnitude, unit.
    /// Stray spaces around the digits are added later, paragraph-wide.
    fn fig(&mut self, before: &str, number: String, tail: &str, after: &str) -> String {
        let number = self.digits(&number);
        format!("{before}{number}{tail}{after}")
    }

    fn decimal(&mut self, lo: u64, hi: u64, places: u32) -> String {
        let whole = self.rng.int(lo, hi);
        match places {
            0 => whole.to_string(),
            1 => format!("{whole}.{}", self.rng.int(1, 9)),
            _ => format!("{whole}.{:02}", self.rng.int(1, 99)),
        }
    }

    fn money(&mut self) -> String {
        match self.rng.int(0, 9) {
            0 => {
                let n = self.rng.int(2, 90).to_string();
                self.fig("超", n, "亿元", "")
            }
            1 => {
                let n = self.decimal(1, 3, 2);
                self.fig("", n, "万亿元", "")
            }
            2 => {
                let n = self.rng.int(3, 60).to_string();
                self.fig("约", n, "亿元", "")
            }
            3 => {
                let n = (self.rng.int(1, 99) * 100).to_string();
                self.fig("", n, "万元", "")
            }
            4 => {
                let n = self.rng.int(2, 30).to_string();
                self.fig("近", n, "亿元", "")
            }
            5 => {
                let n = self.decimal(10, 2400, 2);
                self.fig("累计", n, "亿元", "")
            }
            6 => {
                let n = (self.rng.int(1, 10) * 50).to_string();
                self.fig("最高", n, "万元", "")
            }
            7 => {
                let n = (self.rng.int(1, 30) * 100).to_string();
                self.fig("不超过", n, "万元", "")
            }
            8 => {
                let n = self.decimal(1, 900, 1);
                self.fig("", n, "亿元", "")
            }
            _ => {
                let n = self.rng.int(100, 900).to_string();
                self.fig("逾", n, "亿元", "")
            }
        }
    }

    fn count(&mut self, unit: &str) -> String {
        match self.rng.int(0, 9) {
            0 | 1 => {
                let n = self.rng.int(2, 400).to_string();
                self.fig("", n, unit, "")
            }
            2 => {
                let n = (self.rng.int(1, 90) * 100).to_string();
                let tail = format!("余{unit}");
                self.fig("", n, &tail, "")
            }
            3 => {
                let n = self.decimal(1, 9, 1);
                let tail = format!("万{unit}");
                self.fig("超过", n, &tail, "")
            }
            4 => {
                let n = (self.rng.int(1, 50) * 10).to_string();
                let tail = format!("多{unit}");
                self.fig("", n, &tail, "")
            }
            5 => {
                let n = (self.rng.int(1, 20) * 10).to_string();
                self.fig("", n, unit, "以上")
            }
            6 => {
                let n = self.rng.int(20, 900).to_string();
                self.fig("近", n, unit, "")
            }
            7 => {
                let n = self.rng.int(2, 60).to_string();
                self.fig("累计", n, unit, "")
            }
            8 => {
                let n = (self.rng.int(1, 30) * 100).to_string();
                self.fig("", n, unit, "左右")
            }
            _ => {
                let n = self.rng.int(1000, 13000).to_string();
                self.fig("超", n, unit, "")
            }
        }
    }

    fn percent(&mut self) -> String {
        match self.rng.int(0, 4) {
            0 => {
                let n = self.decimal(1, 60, 2);
                self.fig("", n, "%", "")
            }
            1 => {
                let n = (self.rng.int(5, 19) * 5).to_string();
                self.fig("近", n, "%", "")
            }
            2 => {
                let n = self.rng.int(10, 90).to_string();
                self.fig("", n, "%", "以上")
            }
            3 => {
                let n = self.rng.int(5, 40).to_string();
                self.fig("超过", n, "%", "")
            }
            _ => {
                let n = self.decimal(1, 30, 1);
                self.fig("", n, "%", "")
            }
        }
    }

    fn multiple(&mut self) -> String {
        let n = if self.rng.chance(0.5) {
            self.rng.int(2, 9).to_string()
        } else {
            self.decimal(1, 4, 1)
        };
        self.fig("", n, "倍", "")
    }

    /// A year in the past of the reply: "2024年" / "2024 年".
    fn past_year(&mut self) -> u16 {
        self.year - self.rng.int(1, 3) as u16
    }

    fn year_text(&mut self, year: u16) -> String {
        format!("{year}年")
    }

    /// 截至2024年底 / 截至 2025 年 2 月末.
    fn as_of(&mut self) -> String {
        let year = self.year - self.rng.int(0, 1) as u16;
        match self.rng.int(0, 2) {
            0 => format!("截至{year}年底"),
            1 => format!("截至{year}年{}月末", self.rng.int(1, 11)),
            _ => format!("截至{year}年{}月底", self.rng.int(1, 11)),
        }
    }

    fn policy(&mut self) -> String {
        let field = self.pick(FIELDS);
        let topic = self.pick(TOPICS);
        let y = self.year - self.rng.int(0, 2) as u16;
        match self.rng.int(0, 3) {
            0 => format!("《关于加快推进{field}产业创新发展的若干措施》"),
            1 => format!("《上海市{topic}专项行动方案（{y}—{}年）》", y + 3),
            2 => format!("《关于进一步{}{topic}的实施意见》", self.pick(VERBS)),
            _ => format!("《上海市{field}领域科技创新支持办法》"),
        }
    }

    /// One sentence about work already done: about a third carry figures,
    /// as in the real replies (roughly three to four figures per KB).
    fn done_sentence(&mut self) -> String {
        if self.rng.chance(0.68) {
            self.plain_sentence()
        } else {
            self.figure_sentence()
        }
    }

    /// A sentence about work done, without figures.
    fn plain_sentence(&mut self) -> String {
        let field = self.pick(FIELDS);
        let field2 = self.pick(FIELDS);
        let topic = self.pick(TOPICS);
        let topic2 = self.pick(TOPICS);
        let org = self.pick(ORGS);
        let platform = self.pick(PLATFORMS);
        let thing = self.pick(THINGS);
        let subject = self.pick(SUBJECTS);
        let noun = self.pick(NOUNS);
        let verb = self.pick(VERBS);
        match self.rng.int(0, 11) {
            0 => format!("市科委会同{org}聚焦“强化科技创新策源功能”主线，一以贯之抓落实，推动{topic}与{topic2}协同发力。"),
            1 => format!("围绕{field}、{field2}等重点领域，制定出台专项行动方案，进行系统布局，为我市产业发展提供高质量供给。"),
            2 => format!("发挥企业“出题人”作用，加强市场导向的应用性基础研究，由{subject}牵头提出指南建议，推动产学研深度合作。"),
            3 => format!("{platform}持续完善服务功能，提升确权确价、交易组织、增信溢价等方面的核心能力，{verb}{noun}。"),
            4 => format!("{org}出台{}，明确{subject}开展{topic}的责任边界，营造敢于探索、宽容失败的良好氛围。", self.policy()),
            5 => format!("支持{thing}与{subject}联合开展攻关，形成“成果筛选-概念验证-专利保护-产业对接”的服务链条。"),
            6 => format!("探索“拨投结合”“投贷联动”等创新机制，引导社会资本投早、投小、投硬科技，{verb}{topic}。"),
            7 => format!("建立{topic}工作专班，定期梳理{subject}的诉求，协调解决{field}领域的共性问题。"),
            8 => format!("推动{thing}向{subject}开放应用场景，加速{field}新技术、新产品的验证和迭代。"),
            9 => format!("深化长三角区域协同，联动苏、浙、皖相关部门，共同{verb}{topic}的{noun}。"),
            10 => format!("加强政策宣传解读，通过线上线下相结合的方式，帮助{subject}用足用好{topic}相关政策。"),
            _ => format!("强化{topic}的制度供给，完善{field}、{field2}等领域的{noun}，营造有利于{subject}潜心研究的良好环境。"),
        }
    }

    /// A sentence about work done, with one to three figures.
    fn figure_sentence(&mut self) -> String {
        let field = self.pick(FIELDS);
        let field2 = self.pick(FIELDS);
        let topic = self.pick(TOPICS);
        let org = self.pick(ORGS);
        let platform = self.pick(PLATFORMS);
        let thing = self.pick(THINGS);
        let subject = self.pick(SUBJECTS);
        let noun = self.pick(NOUNS);
        match self.rng.int(0, 17) {
            0 => {
                let as_of = self.as_of();
                let (a, b, c) = (self.count("家"), self.money(), self.percent());
                format!("{as_of}，{platform}累计服务企业{a}，促成技术交易金额{b}，同比增长{c}。")
            }
            1 => {
                let y = self.past_year();
                let yt = self.year_text(y);
                let policy = self.policy();
                let (a, b) = (self.count("项"), self.money());
                format!("{yt}，市科委会同{org}印发{policy}，围绕{field}、{field2}等重点领域，支持项目{a}，带动社会投入{b}。")
            }
            2 => {
                let (a, b) = (self.count("个"), self.count("人"));
                format!(
                    "持续推进{topic}，已布局{field}、{field2}等功能型平台{a}，集聚研发人员{b}。"
                )
            }
            3 => {
                let (a, b) = (self.count("家"), self.percent());
                format!("全市有效期内{thing}达{a}，较上年增长{b}，{subject}创新活力进一步释放。")
            }
            4 => {
                let n = self.rng.int(2, 9).to_string();
                let users = self.fig("近", n, "万人", "");
                let (a, b, c) = (self.count("项"), self.count("个"), self.percent());
                format!("{platform}注册用户已{users}，累计征集企业需求{a}，收到解决方案{b}，对接率{c}。")
            }
            5 => {
                let y = self.past_year() - 2;
                let yt = self.year_text(y);
                let (a, b) = (self.money(), self.multiple());
                format!("{field}领域规上企业营收规模达{a}，是{yt}的{b}。")
            }
            6 => {
                let activity = self.pick(ACTIVITIES);
                let (a, b) = (self.count("场"), self.count("人次"));
                format!("{org}组织开展{activity}{a}，覆盖{subject}{b}。")
            }
            7 => {
                let fund = self.pick(FUNDS);
                let (a, b, c) = (self.money(), self.count("个"), self.count("家"));
                format!("发挥{fund}作用，基金总规模{a}，已投资早期项目{b}，其中{c}完成后续融资。")
            }
            8 => {
                let a = self.count("人");
                format!("强化{topic}的制度供给，完善{field}、{field2}等领域的{noun}，惠及{subject}{a}。")
            }
            9 => {
                let digit_name = self.pick(DIGIT_NAMES);
                let a = self.count("项");
                format!("围绕{digit_name}等方向，{org}组织{subject}开展关键核心技术攻关，形成标志性成果{a}。")
            }
            10 => {
                let (a, b) = (self.count("家"), self.count("家次"));
                format!("{platform}联动长三角技术市场，已集聚专业服务机构{a}，服务企业{b}。")
            }
            11 => {
                let y = self.past_year();
                let yt = self.year_text(y);
                let (a, b) = (self.count("件"), self.percent());
                format!("{yt}，本市{field}领域发明专利授权{a}，其中高价值专利占比{b}。")
            }
            12 => {
                let a = self.count("项");
                format!("坚持需求导向和问题导向，推动{subject}与{thing}深度对接，促成{topic}合作项目{a}。")
            }
            13 => {
                let (a, b) = (self.count("户"), self.money());
                format!("“科技履约贷”“科创助力贷”等产品持续扩面，惠及科技企业{a}，发放贷款{b}。")
            }
            14 => {
                let (a, b) = (self.count("支"), self.money());
                format!(
                    "高质量孵化器自建及合作孵化基金已达{a}，总规模{b}，赋能{field}等硬科技领域。"
                )
            }
            15 => {
                let (a, b) = (self.count("次"), self.money());
                format!("大型科研仪器设施对外服务{a}，为企业节约研发成本{b}。")
            }
            16 => {
                let a = format!("{}.{}%", self.rng.int(3, 4), self.rng.int(1, 9));
                format!("全社会研发经费支出相当于全市生产总值的比例达{a}，{topic}取得积极进展。")
            }
            _ => {
                let a = self.count("家");
                format!("依托{platform}，推动{subject}参与{field}、{field2}领域的{noun}建设，服务企业{a}。")
            }
        }
    }

    fn body_paragraph(&mut self, sentences: u64) -> String {
        let mut p = String::new();
        for _ in 0..sentences {
            p.push_str(&self.done_sentence());
        }
        p
    }

    /// 一是…。二是…。 inside one body paragraph, sometimes with bold leads.
    fn enumerated_paragraph(&mut self) -> String {
        let topic = self.pick(TOPICS);
        let mut p = format!("关于“{}{topic}”的建议方面，", self.pick(VERBS));
        let n = self.rng.int(2, 4) as usize;
        let bold = self.rng.chance(0.4);
        for num in &CN_NUM[..n] {
            let lead = format!("{num}是{}{}", self.pick(VERBS), self.pick(TOPICS));
            if bold {
                let _ = write!(p, "**{lead}**。");
            } else {
                let _ = write!(p, "{lead}，");
            }
            p.push_str(&self.done_sentence());
        }
        p
    }

    fn commitment_heading(&mut self) -> String {
        let topic = self.pick(TOPICS);
        let field = self.pick(FIELDS);
        let noun = self.pick(NOUNS);
        let platform = self.pick(PLATFORMS);
        match self.rng.int(0, 5) {
            0 => format!("{}{topic}", self.pick(VERBS)),
            1 => format!("{}{field}领域{noun}", self.pick(VERBS)),
            2 => format!("推动{platform}功能提升"),
            3 => format!("{}{topic}{noun}", self.pick(VERBS)),
            4 => format!("加强{field}人才队伍建设"),
            _ => format!("持续{}{topic}", self.pick(VERBS)),
        }
    }

    fn commitment_text(&mut self) -> String {
        let mut t = String::new();
        let n = self.rng.int(1, 3);
        for _ in 0..n {
            let topic = self.pick(TOPICS);
            let subject = self.pick(SUBJECTS);
            let org = self.pick(ORGS);
            let noun = self.pick(NOUNS);
            let field = self.pick(FIELDS);
            let s = match self.rng.int(0, 5) {
                0 => format!(
                    "会同{org}进一步{}{topic}，完善{noun}，支持{subject}积极参与。",
                    self.pick(VERBS)
                ),
                1 => format!(
                    "聚焦{field}等重点领域，{}{noun}，推动更多成果落地转化。",
                    self.pick(VERBS)
                ),
                2 => {
                    let y = self.year + 2;
                    let yt = self.year_text(y);
                    let a = self.count("家");
                    format!("力争到{yt}新增{field}领域{}{a}。", self.pick(THINGS))
                }
                3 => format!(
                    "研究出台{topic}配套政策，引导{subject}加大投入，形成可复制可推广的经验。"
                ),
                4 => format!("深化与{org}的协同联动，健全{noun}，提升服务的精准性和有效性。"),
                _ => format!("鼓励{subject}围绕{field}开展探索，加快构建{noun}。"),
            };
            t.push_str(&s);
        }
        t
    }

    fn next_steps_intro(&mut self, you: &str) -> String {
        let word = self.pick(&["下一步", "下阶段", "下一阶段"]);
        let who = self.pick(&[
            "市科委将会同相关委办局",
            "我委将会同相关部门",
            "我们将会同市有关部门",
            "市科委将会同各区",
        ]);
        format!(
            "{word}，{who}，充分吸纳{}的意见建议，{}{}，重点做好以下工作。",
            if self.rng.chance(0.5) {
                you
            } else {
                self.pick(&["提案中", "建议中"])
            },
            self.pick(VERBS),
            self.pick(TOPICS)
        )
    }
}

/// Generates reply `index` of the corpus for `seed`.
pub fn generate(seed: u64, index: u64) -> Synthetic {
    let mut rng = Rng::new(seed, index);
    // Year and kind cycle with the index, so that document numbers
    // 沪科提复〔year〕k号 are unique across the corpus, as real ones are.
    let year = 2023 + ((index % 8) / 2) as u16;
    let style = Style {
        spaced: rng.chance(0.4),
        markdown: rng.chance(0.35),
        fullwidth: rng.chance(0.08),
    };
    let mut g = Gen { rng, style, year };
    let proposal = index & 1 == 0;
    let mut paras: Vec<String> = Vec::new();
    let md = g.style.markdown;
    let sp = g.sp();

    // Header lines.
    if g.rng.chance(0.8) {
        let result = g.pick(&[
            "解决采纳",
            "解决采纳",
            "解决采纳",
            "A",
            "B",
            "C",
            "D",
            "正在解决或有关工作已启动",
            "列入规划逐步解决",
            "因条件限制留作参考",
            "已解决或基本解决",
        ]);
        let trail = if md { "  " } else { "" };
        paras.push(format!("办理结果：{result}{trail}"));
        if g.rng.chance(0.9) {
            paras.push(
                g.pick(&[
                    "公开属性：主动公开·全文",
                    "公开属性：主动公开 · 全文",
                    "公开属性：主动公开",
                ])
                .to_string(),
            );
        }
    }
    paras.push(
        if md {
            "# 上海市科学技术委员会"
        } else {
            "上海市科学技术委员会"
        }
        .to_string(),
    );
    let (code, kind) = if proposal {
        ("沪科提复", "proposal")
    } else {
        ("沪科建复", "suggestion")
    };
    paras.push(format!("{code}〔{year}〕{}号", index / 8 + 1));
    if md && g.rng.chance(0.5) {
        paras.push("---".into());
    }
    let session_no = CN_NUM[((year - 2023).min(2)) as usize];
    let number = format!("{:04}", g.rng.int(1, 1400));
    let numbered = if g.rng.chance(0.5) {
        format!("第 {number} 号")
    } else {
        format!("第{number}号")
    };
    let title_line = if proposal {
        format!("对市政协十四届{session_no}次会议 {numbered}提案的答复")
    } else {
        format!("对市十六届人大{session_no}次会议 {numbered}代表建议的答复")
    };
    paras.push(if md {
        format!("## {title_line}")
    } else {
        title_line
    });

    // Addressees.
    let people = if proposal { g.rng.int(1, 4) } else { 1 } as usize;
    let mut names: Vec<String> = (0..people).map(|_| g.name()).collect();
    names.dedup();
    let more = proposal && names.len() > 1 && g.rng.chance(0.6);
    let role = if proposal { "委员" } else { "代表" };
    paras.push(format!(
        "{}{}{role}：",
        names.join("、"),
        if more { "等" } else { "" }
    ));
    let you = if names.len() > 1 {
        "你们"
    } else {
        g.pick(&["您", "你"])
    };

    // Opening.
    let body_start = paras.len();
    let field = g.pick(FIELDS);
    let topic = g.pick(TOPICS);
    let title = match g.rng.int(0, 4) {
        0 => format!("关于{}{topic}的建议", g.pick(VERBS)),
        1 => format!("关于{field}产业创新发展的建议"),
        2 => format!(
            "关于进一步{}{topic}、{}{field}发展",
            g.pick(VERBS),
            g.pick(VERBS)
        ),
        3 => format!("关于{}{field}领域{topic}", g.pick(VERBS)),
        _ => format!("关于以{topic}助力上海{field}高质量发展的建议"),
    };
    let doc = if proposal {
        "提案"
    } else {
        g.pick(&["代表建议", "建议"])
    };
    paras.push(format!(
        "{you}提出的“{title}”的{doc}收悉，{}现将办理情况答复如下：",
        g.pick(&[
            "经研究，",
            "我委会同相关部门进行了认真研究，",
            "经认真研究，",
            ""
        ])
    ));
    let topic2 = g.pick(TOPICS);
    paras.push(format!(
        "首先非常感谢{you}对本市科技创新工作，特别是对{topic2}工作的关心和支持！{}分析了本市在{topic}方面存在的不足，提出的意见建议对于进一步{}{topic2}具有较强的参考价值。",
        if proposal { "提案" } else { "建议" },
        g.pick(VERBS)
    ));

    // Body, to a length budget: mostly 1.5–6 KB, some up to ~15 KB.
    let budget = match g.rng.int(0, 9) {
        0..=3 => g.rng.int(1_000, 3_000),
        4..=7 => g.rng.int(3_000, 7_000),
        _ => g.rng.int(7_000, 12_500),
    } as usize;
    let body_shape = g.rng.int(0, 3);
    let mut body_len = 0usize;
    let mut section = 0usize;
    if body_shape == 1 {
        let h = g.pick(&[
            "一、近年相关工作情况",
            "一、主要工作开展情况",
            "一、工作推进情况",
        ]);
        paras.push(if md {
            format!("## **{h}**")
        } else {
            h.to_string()
        });
    }
    while body_len < budget {
        let p = match body_shape {
            // Plain paragraphs, some with 一是… inside.
            0 => {
                if g.rng.chance(0.4) {
                    g.enumerated_paragraph()
                } else {
                    let n = g.rng.int(2, 5);
                    g.body_paragraph(n)
                }
            }
            // （一） headings with paragraphs under them.
            1 => {
                if section < 9 && (section == 0 || g.rng.chance(0.4)) {
                    let h = format!("（{}）{}{}", CN_NUM[section], g.pick(VERBS), g.pick(TOPICS));
                    section += 1;
                    paras.push(if md { format!("### **{h}**") } else { h });
                }
                let n = g.rng.int(2, 5);
                g.body_paragraph(n)
            }
            // 1. numbered headings, markdown or not.
            2 => {
                section += 1;
                let h = format!("{section}.{sp}{}{}", g.pick(VERBS), g.pick(TOPICS));
                paras.push(if md { format!("#### **{h}**") } else { h });
                let n = g.rng.int(2, 4);
                g.body_paragraph(n)
            }
            // Bold leads starting paragraphs.
            _ => {
                let lead = format!(
                    "{}是{}{}",
                    CN_NUM[section % 10],
                    g.pick(VERBS),
                    g.pick(TOPICS)
                );
                section += 1;
                let n = g.rng.int(1, 4);
                format!("**{lead}**。{}", g.body_paragraph(n))
            }
        };
        // The first body paragraph always reports some figures.
        let p = if body_len == 0 {
            format!("{}{p}", g.figure_sentence())
        } else {
            p
        };
        body_len += p.len();
        paras.push(p);
    }
    if g.rng.chance(0.5) {
        paras.push(format!(
            "对标新时期科技创新发展新要求，本市在{}等方面依然存在短板，{}有待进一步优化。",
            g.pick(TOPICS),
            g.pick(NOUNS)
        ));
    }

    // Next steps.
    let shape = match g.rng.int(0, 11) {
        0..=2 => Shape::BoldParagraphs,
        3..=4 => Shape::Inline,
        5..=6 => Shape::Subsections,
        7..=8 => Shape::Numbered,
        9..=10 => Shape::Single,
        _ => Shape::None,
    };
    let items = g.rng.int(2, 5) as usize;
    let commitments = match shape {
        Shape::BoldParagraphs => {
            if g.rng.chance(0.3) {
                let h = g.pick(&["二、下一步工作打算", "二、下一步工作考虑"]);
                paras.push(if md { format!("## {h}") } else { h.to_string() });
            }
            paras.push(g.next_steps_intro(you));
            for num in &CN_NUM[..items] {
                let (h, t) = (g.commitment_heading(), g.commitment_text());
                paras.push(format!("**{num}是{h}。**{t}"));
            }
            items
        }
        Shape::Inline => {
            let word = g.pick(&["下一步", "下阶段"]);
            let mut p = format!(
                "{word}，{}，",
                g.pick(&[
                    "我委将会同相关委办",
                    "市科委将会同相关部门",
                    "我们将会同各区"
                ])
            );
            for (i, num) in CN_NUM[..items].iter().enumerate() {
                let (h, t) = (g.commitment_heading(), g.commitment_text());
                let t = t.trim_end_matches('。');
                let end = if i + 1 == items { "。" } else { "；" };
                if g.rng.chance(0.3) {
                    let _ = write!(p, "**{num}是{h}**，{t}{end}");
                } else {
                    let _ = write!(p, "{num}是{h}，{t}{end}");
                }
            }
            if g.rng.chance(0.5) {
                paras.push(p);
            } else {
                // Intro in its own paragraph, items in the next one.
                let (intro, rest) = p.split_once('，').unwrap();
                let (who, items_text) = rest.split_once('，').unwrap();
                paras.push(format!("{intro}，{who}，持续推动相关工作。"));
                paras.push(items_text.to_string());
            }
            items
        }
        Shape::Subsections => {
            let h = g.pick(&["二、对相关建议的答复", "二、下一步工作打算"]);
            paras.push(if md { format!("## {h}") } else { h.to_string() });
            paras.push(g.next_steps_intro(you));
            for num in &CN_NUM[..items] {
                let (h, t) = (g.commitment_heading(), g.commitment_text());
                paras.push(format!("（{num}）{h}。{t}"));
            }
            items
        }
        Shape::Numbered => {
            paras.push(g.next_steps_intro(you));
            for i in 0..items {
                let (h, t) = (g.commitment_heading(), g.commitment_text());
                paras.push(format!("{}.{sp}{h}。{t}", i + 1));
            }
            items
        }
        Shape::Single => {
            let word = g.pick(&["下阶段", "下一步", "下一阶段"]);
            paras.push(format!(
                "{word}，市科委将会同相关部门，充分汲取{you}的意见建议，{}{}，{}{}，推进创新链产业链资金链人才链深度融合。",
                g.pick(VERBS),
                g.pick(TOPICS),
                g.pick(VERBS),
                g.pick(NOUNS)
            ));
            1
        }
        Shape::None => 0,
    };

    // Closing, signature, contact, cc, print line.
    let thanks = match shape {
        Shape::None => format!("再次感谢{you}对上海科技创新工作的关心和支持！"),
        _ => g
            .pick(&[
                "感谢你们对本市科技工作的关心和支持！",
                "感谢您对本市科技工作的关心与支持！",
                "再次感谢对上海科技创新工作的关心和支持！",
            ])
            .to_string(),
    };
    paras.push(thanks);
    for p in &mut paras[body_start..] {
        *p = tidy(p, g.style.spaced);
    }
    paras.push("上海市科学技术委员会".into());
    let (month, day) = (g.rng.int(4, 9), g.rng.int(1, 28));
    let date = tidy(&format!("{year}年{month}月{day}日"), g.style.spaced);
    paras.push(date.clone());
    if g.rng.chance(0.75) {
        let contact = g.name();
        paras.push(format!("联系人姓名：{contact}"));
        paras.push(format!(
            "联系电话：{}{:04}",
            g.pick(&["2311", "6358", "2312", "5386"]),
            g.rng.int(0, 9999)
        ));
        let address = g.pick(&[
            "威海路48号",
            "威海路 48 号 10 楼",
            "人民大道 200 号",
            "人民大道200号1412室",
            "钦州路100号",
        ]);
        paras.push(format!("联系地址：{address}"));
        paras.push("邮政编码：200003".into());
    }
    if md {
        paras.push("---".into());
    }
    let cc = if proposal {
        "市政协提案办"
    } else {
        "市人大常委会代表工委"
    };
    paras.push(format!("抄送：市政府办公厅建议提案处，{cc}。"));
    if md {
        paras.push("---".into());
    }
    paras.push("上海市科委办公室".into());
    paras.push(format!("{date}印发"));

    // Page-break splits: a long paragraph broken between two Chinese characters.
    let breaks = g.rng.int(0, 3);
    for _ in 0..breaks {
        let candidates: Vec<usize> = (0..paras.len())
            .filter(|&i| paras[i].chars().count() > 120)
            .collect();
        if candidates.is_empty() {
            break;
        }
        let i = candidates[g.rng.next() as usize % candidates.len()];
        if let Some(at) = break_point(&paras[i], &mut g.rng) {
            let tail = paras[i].split_off(at);
            let gap = if g.rng.chance(0.3) { "\n\n\n" } else { "" };
            paras[i].push_str(gap);
            paras.insert(i + 1, tail);
        }
    }

    let mut text = String::from(if g.rng.chance(0.5) { "\n" } else { "" });
    text.push_str(&paras.join("\n\n"));
    text.push('\n');
    if g.rng.chance(0.05) {
        text = text.replace('\n', "\r\n");
    }
    Synthetic {
        text,
        kind,
        shape,
        commitments,
    }
}

/// Puts qualifiers after 达 where the text reads so (达超过 → 超过, 达累计 →
/// 累计达) and, for a spaced style, a space between a Han character and an
/// ASCII digit on either side: "超 500 亿元", "2024 年".
fn tidy(p: &str, spaced: bool) -> String {
    let mut p = p.to_string();
    for (from, to) in [
        ("达累计", "累计达"),
        ("达超过", "超过"),
        ("达不超过", "不超过"),
        ("达最高", "最高"),
        ("达超", "超"),
        ("达近", "近"),
        ("达约", "约"),
        ("达逾", "逾"),
    ] {
        p = p.replace(from, to);
    }
    if !spaced {
        return p;
    }
    let mut out = String::with_capacity(p.len() + 16);
    let mut prev: Option<char> = None;
    for c in p.chars() {
        if let Some(b) = prev {
            if (is_han(b) && c.is_ascii_digit()) || (b.is_ascii_digit() && is_han(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A byte offset between two Han characters in the middle part of `p`, away
/// from bold marks and figures, or None.
fn break_point(p: &str, rng: &mut Rng) -> Option<usize> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let n = chars.len();
    for _ in 0..20 {
        let k = rng.int((n / 3) as u64, (2 * n / 3) as u64) as usize;
        if k < 2 || k + 2 >= n {
            continue;
        }
        let around = &chars[k - 2..k + 2];
        if around.iter().all(|&(_, c)| is_han(c)) {
            return Some(chars[k].0);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_independent_of_count() {
        assert_eq!(generate(7, 3).text, generate(7, 3).text);
        assert_ne!(generate(7, 3).text, generate(8, 3).text);
        assert_ne!(generate(7, 3).text, generate(7, 4).text);
    }

    #[test]
    fn covers_every_shape_and_stays_in_size() {
        let replies: Vec<Synthetic> = (0..300).map(|i| generate(1, i)).collect();
        for shape in [
            Shape::BoldParagraphs,
            Shape::Inline,
            Shape::Subsections,
            Shape::Numbered,
            Shape::Single,
            Shape::None,
        ] {
            assert!(replies.iter().any(|r| r.shape == shape), "{shape:?}");
        }
        assert!(replies.iter().any(|r| r.kind == "proposal"));
        assert!(replies.iter().any(|r| r.kind == "suggestion"));
        let max = replies.iter().map(|r| r.text.len()).max().unwrap();
        let min = replies.iter().map(|r| r.text.len()).min().unwrap();
        assert!(min >= 1_500 && max <= 17_000, "sizes {min}..{max}");
        for r in &replies {
            assert!(r.text.contains("上海市科学技术委员会"));
            assert!(!r.text.contains("  \n\n  "));
        }
    }
}
