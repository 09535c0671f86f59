//! Eligibility (model → eligibility → web/cli): thresholds as Chinese law reads them. 民法典
//! 第一千二百五十九条: "民法所称的'以上''以下''以内''届满'，包括本数；所称的'不满''超过''以外'，不包括本数。"
//! 不低于 ("not lower than") includes the number by its plain meaning.

use super::verdict::Outcome;

/// The word a rule bounds a number with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// 以上: the number or more.
    YiShang,
    /// 不低于: not lower than the number.
    BuDiYu,
    /// 以下: the number or less.
    YiXia,
    /// 以内: within the number.
    YiNei,
    /// 不满: less than the number.
    BuMan,
    /// 超过: more than the number.
    ChaoGuo,
    /// 以外: beyond the number.
    YiWai,
}

impl Word {
    pub const ALL: [Word; 7] = [
        Word::YiShang,
        Word::BuDiYu,
        Word::YiXia,
        Word::YiNei,
        Word::BuMan,
        Word::ChaoGuo,
        Word::YiWai,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Word::YiShang => "以上",
            Word::BuDiYu => "不低于",
            Word::YiXia => "以下",
            Word::YiNei => "以内",
            Word::BuMan => "不满",
            Word::ChaoGuo => "超过",
            Word::YiWai => "以外",
        }
    }

    /// Whether the number itself is admitted (民法典 第一千二百五十九条).
    pub fn includes_number(self) -> bool {
        matches!(
            self,
            Word::YiShang | Word::BuDiYu | Word::YiXia | Word::YiNei
        )
    }

    /// Whether the word sets a floor (the number or more) rather than a ceiling.
    pub fn is_floor(self) -> bool {
        matches!(
            self,
            Word::YiShang | Word::BuDiYu | Word::ChaoGuo | Word::YiWai
        )
    }
}

/// A number and the word that bounds it: `40岁以下` is `Threshold::new(40.0, Word::YiXia)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub value: f64,
    pub word: Word,
}

impl Threshold {
    pub const fn new(value: f64, word: Word) -> Self {
        Self { value, word }
    }

    /// Whether `x` is within the bound.
    pub fn admits(self, x: f64) -> bool {
        match (self.word.is_floor(), self.word.includes_number()) {
            (true, true) => x >= self.value,
            (true, false) => x > self.value,
            (false, true) => x <= self.value,
            (false, false) => x < self.value,
        }
    }

    pub fn judge(self, x: f64) -> Outcome {
        if self.admits(x) {
            Outcome::Met
        } else {
            Outcome::NotMet
        }
    }

    /// `（含40岁）` / ` (40 included)`: whether the number counts, with the quantity written out
    /// in each language (`"40岁"`, `"40"`; `"50万美元"`, `"USD 500,000"`).
    pub fn note(self, zh: &str, en: &str) -> (String, String) {
        if self.word.includes_number() {
            (format!("（含{zh}）"), format!(" ({en} included)"))
        } else {
            (format!("（不含{zh}）"), format!(" ({en} excluded)"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Regression: the inclusive words must admit the number itself and the exclusive words must
    // not, on both sides, exactly as 第一千二百五十九条 says.
    #[test]
    fn every_word_on_both_sides_of_its_number() {
        for word in Word::ALL {
            let t = Threshold::new(40.0, word);
            assert_eq!(t.admits(40.0), word.includes_number(), "{}", word.zh());
            let (inside, outside) = if word.is_floor() {
                (41.0, 39.0)
            } else {
                (39.0, 41.0)
            };
            assert!(t.admits(inside), "{} admits {inside}", word.zh());
            assert!(!t.admits(outside), "{} refuses {outside}", word.zh());
        }
    }

    #[test]
    fn notes_say_whether_the_number_counts() {
        let (zh, en) = Threshold::new(40.0, Word::YiXia).note("40岁", "40");
        assert_eq!((zh.as_str(), en.as_str()), ("（含40岁）", " (40 included)"));
        let (zh, en) = Threshold::new(30.0, Word::BuMan).note("30%", "30%");
        assert_eq!(
            (zh.as_str(), en.as_str()),
            ("（不含30%）", " (30% excluded)")
        );
    }
}
