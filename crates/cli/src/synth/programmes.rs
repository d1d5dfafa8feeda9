//! Programmes that recur across years: a reply may commit to one in its
//! next steps, and a later reply may report on one in its body, so that the
//! follow-ups of a commitment (回头看) can be checked against what the
//! corpus was written with.
//!
//! Drawn from a random source of their own, so adding them left every other
//! draw of a reply as it was.

use super::rng::Rng;

/// Names no template uses, each ending in a programme word and starting
/// with no verb or particle (see `dafu_bundle::xrefs::programmes`).
pub(super) const NAMES: &[&str] = &[
    "启明星培育计划",
    "扬帆远航人才计划",
    "探月追光基金",
    "海棠创新券平台",
    "云帆科创基金",
    "星河揭榜专项",
    "明珠引航计划",
    "紫竹协同平台",
    "青藤育苗计划",
    "银杏成果基金",
    "蓝湾中试平台",
    "金桥攻关专项",
    "白鹭雏鹰计划",
    "玉兰先锋基金",
    "晨曦青年计划",
    "鲲鹏算力平台",
    "琥珀材料专项",
    "灯塔转移基金",
    "朝阳原创工程",
    "松柏银龄计划",
];

/// What a reply says of the programmes.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Programmes {
    /// Its first commitment continues this programme.
    pub(super) commits: Option<usize>,
    /// Its body reports on this programme.
    pub(super) reports: Option<usize>,
}

impl Programmes {
    pub(super) fn draw(seed: u64, index: u64) -> Programmes {
        let mut rng = Rng::new(seed ^ 0x5EED_F011_0E05, index);
        let mut one = |p: f64| rng.chance(p).then(|| rng.next() as usize % NAMES.len());
        Programmes {
            commits: one(0.35),
            reports: one(0.35),
        }
    }
}

/// The yearly budget of programme `p`, as written: 1.37亿元, 1.74亿元 …
/// (three figures, different for every programme, rare in the templates).
pub(super) fn budget(p: usize) -> String {
    let cents = 137 + 37 * p as u64;
    format!("{}.{:02}亿元", cents / 100, cents % 100)
}

/// The sentence a commitment continues programme `p` with.
pub(super) fn commitment(p: usize) -> String {
    format!("持续实施{}，每年安排{}，滚动支持重点项目。", NAMES[p], budget(p))
}

/// The sentence a body reports on programme `p` with, in `year`.
pub(super) fn report(p: usize, year: u16) -> String {
    format!(
        "{}自{}年启动以来，每年安排{}，已滚动支持一批重点项目。",
        NAMES[p],
        year - 1,
        budget(p)
    )
}
