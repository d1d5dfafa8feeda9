//! The generator: the random source, the reply's style and year, and the
//! phrases that name people and policies. Its figure and sentence phrases
//! live in `figures.rs` and `sentences.rs`.

use super::programmes::Programmes;
use super::rng::Rng;
use super::words::{FIELDS, GIVEN, SURNAMES, TOPICS, VERBS};

pub(super) struct Style {
    /// Spaces around numbers: "2024 年", "超 500 亿元".
    pub(super) spaced: bool,
    /// Markdown marks: "# 上海市科学技术委员会", "---".
    pub(super) markdown: bool,
    /// Write one figure with full-width digits.
    pub(super) fullwidth: bool,
}

pub(super) struct Gen {
    pub(super) rng: Rng,
    pub(super) style: Style,
    pub(super) year: u16,
    /// The recurring programmes it names (see `programmes.rs`).
    pub(super) programmes: Programmes,
}

impl Gen {
    /// The generator for reply `index`; the style is its first three draws.
    pub(super) fn new(seed: u64, index: u64) -> Self {
        let mut rng = Rng::new(seed, index);
        // Year and kind cycle with the index, so that document numbers
        // 沪科提复〔year〕k号 are unique across the corpus, as real ones are.
        let year = 2023 + ((index % 8) / 2) as u16;
        let style = Style {
            spaced: rng.chance(0.4),
            markdown: rng.chance(0.35),
            fullwidth: rng.chance(0.08),
        };
        Gen {
            rng,
            style,
            year,
            programmes: Programmes::draw(seed, index),
        }
    }

    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.rng.pick(items)
    }

    pub(super) fn sp(&self) -> &'static str {
        if self.style.spaced {
            " "
        } else {
            ""
        }
    }

    /// `h` as a line of its own, behind `marks` ("##") in a markdown style.
    pub(super) fn heading(&self, marks: &str, h: &str) -> String {
        if self.style.markdown {
            format!("{marks} {h}")
        } else {
            h.to_string()
        }
    }

    /// `heading`, bold in a markdown style: "## **一、…**".
    pub(super) fn bold_heading(&self, marks: &str, h: &str) -> String {
        if self.style.markdown {
            format!("{marks} **{h}**")
        } else {
            h.to_string()
        }
    }

    pub(super) fn name(&mut self) -> String {
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

    pub(super) fn policy(&mut self) -> String {
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
}
