//! Sentences and paragraphs about work done, with and without figures.

use std::fmt::Write as _;

use super::generator::Gen;
use super::words::{
    ACTIVITIES, CN_NUM, DIGIT_NAMES, FIELDS, FUNDS, NOUNS, ORGS, PLATFORMS, SUBJECTS, THINGS,
    TOPICS, VERBS,
};

/// What a figure sentence may mention, drawn before its template:
/// field, field2, topic, org, platform, thing, subject, noun.
type Cast = [&'static str; 8];

impl Gen {
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
    pub(super) fn figure_sentence(&mut self) -> String {
        let cast = [
            self.pick(FIELDS),
            self.pick(FIELDS),
            self.pick(TOPICS),
            self.pick(ORGS),
            self.pick(PLATFORMS),
            self.pick(THINGS),
            self.pick(SUBJECTS),
            self.pick(NOUNS),
        ];
        // Eighteen templates, in two functions only to keep each short.
        match self.rng.int(0, 17) {
            k @ 0..=8 => self.figure_template_low(k, cast),
            k => self.figure_template_high(k, cast),
        }
    }

    /// Templates 0–8 of `figure_sentence`.
    fn figure_template_low(&mut self, k: u64, cast: Cast) -> String {
        let [field, field2, topic, org, platform, thing, subject, noun] = cast;
        match k {
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
            _ => unreachable!("template {k}"),
        }
    }

    /// Templates 9–17 of `figure_sentence`.
    fn figure_template_high(&mut self, k: u64, cast: Cast) -> String {
        let [field, field2, topic, org, platform, thing, subject, noun] = cast;
        match k {
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

    pub(super) fn body_paragraph(&mut self, sentences: u64) -> String {
        let mut p = String::new();
        for _ in 0..sentences {
            p.push_str(&self.done_sentence());
        }
        p
    }

    /// 一是…。二是…。 inside one body paragraph, sometimes with bold leads.
    pub(super) fn enumerated_paragraph(&mut self) -> String {
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
}
