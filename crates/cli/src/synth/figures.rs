//! Figure phrases (超21亿元, 166家, 22.57%, 2 倍) and the dates around them.

use super::generator::Gen;
use Number::{Decimal, Round, Whole};

/// How the number of a figure is drawn.
#[derive(Clone, Copy)]
enum Number {
    /// A whole number in `lo..=hi`.
    Whole(u64, u64),
    /// `step` times a whole number in `lo..=hi`: 500, 3000.
    Round(u64, u64, u64),
    /// A whole number in `lo..=hi` with one or two decimal places.
    Decimal(u64, u64, u32),
}

/// One way of writing a figure: `{before}{number}{between}{unit}{after}`.
struct Form {
    before: &'static str,
    number: Number,
    between: &'static str,
    after: &'static str,
}

const fn form(
    before: &'static str,
    number: Number,
    between: &'static str,
    after: &'static str,
) -> Form {
    Form {
        before,
        number,
        between,
        after,
    }
}

const MONEY: [Form; 10] = [
    form("超", Whole(2, 90), "亿", ""),
    form("", Decimal(1, 3, 2), "万亿", ""),
    form("约", Whole(3, 60), "亿", ""),
    form("", Round(1, 99, 100), "万", ""),
    form("近", Whole(2, 30), "亿", ""),
    form("累计", Decimal(10, 2400, 2), "亿", ""),
    form("最高", Round(1, 10, 50), "万", ""),
    form("不超过", Round(1, 30, 100), "万", ""),
    form("", Decimal(1, 900, 1), "亿", ""),
    form("逾", Whole(100, 900), "亿", ""),
];

/// Plain counts are twice as likely as each other form.
const COUNT: [Form; 10] = [
    form("", Whole(2, 400), "", ""),
    form("", Whole(2, 400), "", ""),
    form("", Round(1, 90, 100), "余", ""),
    form("超过", Decimal(1, 9, 1), "万", ""),
    form("", Round(1, 50, 10), "多", ""),
    form("", Round(1, 20, 10), "", "以上"),
    form("近", Whole(20, 900), "", ""),
    form("累计", Whole(2, 60), "", ""),
    form("", Round(1, 30, 100), "", "左右"),
    form("超", Whole(1000, 13000), "", ""),
];

const PERCENT: [Form; 5] = [
    form("", Decimal(1, 60, 2), "", ""),
    form("近", Round(5, 19, 5), "", ""),
    form("", Whole(10, 90), "", "以上"),
    form("超过", Whole(5, 40), "", ""),
    form("", Decimal(1, 30, 1), "", ""),
];

impl Gen {
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
    pub(super) fn fig(&mut self, before: &str, number: String, tail: &str, after: &str) -> String {
        let number = self.digits(&number);
        format!("{before}{number}{tail}{after}")
    }

    /// A figure of one of `forms`, drawn evenly, in `unit`.
    fn figure(&mut self, forms: &[Form], unit: &str) -> String {
        let form = &forms[self.rng.int(0, forms.len() as u64 - 1) as usize];
        let n = self.number(form.number);
        let tail = format!("{}{unit}", form.between);
        self.fig(form.before, n, &tail, form.after)
    }

    fn number(&mut self, number: Number) -> String {
        match number {
            Number::Whole(lo, hi) => self.rng.int(lo, hi).to_string(),
            Number::Round(lo, hi, step) => (self.rng.int(lo, hi) * step).to_string(),
            Number::Decimal(lo, hi, places) => {
                let whole = self.rng.int(lo, hi);
                if places == 1 {
                    format!("{whole}.{}", self.rng.int(1, 9))
                } else {
                    format!("{whole}.{:02}", self.rng.int(1, 99))
                }
            }
        }
    }

    /// 超21亿元, 1.29万亿元, 最高500万元…
    pub(super) fn money(&mut self) -> String {
        self.figure(&MONEY, "元")
    }

    /// 166家, 3000余人, 超过1.2万项…
    pub(super) fn count(&mut self, unit: &str) -> String {
        self.figure(&COUNT, unit)
    }

    /// 22.57%, 近80%, 60%以上…
    pub(super) fn percent(&mut self) -> String {
        self.figure(&PERCENT, "%")
    }

    pub(super) fn multiple(&mut self) -> String {
        let n = if self.rng.chance(0.5) {
            self.number(Number::Whole(2, 9))
        } else {
            self.number(Number::Decimal(1, 4, 1))
        };
        self.fig("", n, "倍", "")
    }

    /// A year in the past of the reply: "2024年" / "2024 年".
    pub(super) fn past_year(&mut self) -> u16 {
        self.year - self.rng.int(1, 3) as u16
    }

    pub(super) fn year_text(&mut self, year: u16) -> String {
        format!("{year}年")
    }

    /// 截至2024年底 / 截至 2025 年 2 月末.
    pub(super) fn as_of(&mut self) -> String {
        let year = self.year - self.rng.int(0, 1) as u16;
        match self.rng.int(0, 2) {
            0 => format!("截至{year}年底"),
            1 => format!("截至{year}年{}月末", self.rng.int(1, 11)),
            _ => format!("截至{year}年{}月底", self.rng.int(1, 11)),
        }
    }
}
