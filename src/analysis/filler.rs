//! Analysis, queries: the question and filler words of each language — words that say how a
//! question is asked (吗, 怎么, 能不能, how, which, eligible), not what it is about. They are not
//! evidence: search drops them before weighing a query. Words the clauses themselves share widely
//! (人才, talent) are not listed here: search finds those from document frequency.

use std::collections::HashSet;

use super::{Analyzer, Language};

/// Chinese question particles, pronouns, modal verbs and asking verbs, as jieba cuts them.
const ZH: &[&str] = &[
    "吗", "呢", "吧", "啊", "呀", "嘛", "么", "的", "了", "地", "得", "着", "过", "是", "有", "在",
    "和", "与", "及", "或", "还是", "就", "都", "也", "又", "才", "把", "被", "给", "对", "从",
    "怎么", "怎样", "怎么样", "如何", "为什么", "什么", "啥", "哪", "哪些", "哪个", "哪类", "哪种",
    "哪里", "哪儿", "多少", "几", "几年", "几篇", "多高", "多久", "多长", "是否", "是不是", "能不能",
    "能否", "可不可以", "算不算", "有没有", "要不要", "会不会", "可以", "能", "能够", "会", "要",
    "需要", "需", "应该", "必须", "得到", "请问", "问", "想", "想要", "我", "我们", "你", "您",
    "他", "她", "它", "他们", "自己", "这", "那", "这个", "那个", "申请", "办理", "符合", "条件",
    "算", "算是", "认定", "怎么办", "成为", "当", "做", "搞", "干", "一下", "一个",
    // The place and the activity every rule is about: in a question they say nothing.
    "北京", "中国", "来", "去", "工作",
];

/// English question words, pronouns, auxiliaries and asking verbs (stemmed like the text).
const EN: &[&str] = &[
    "how", "what", "which", "who", "whom", "whose", "when", "where", "why", "can", "could", "may",
    "might", "must", "shall", "should", "would", "do", "does", "did", "done", "i", "me", "my",
    "mine", "we", "us", "our", "you", "your", "he", "she", "him", "her", "his", "its", "am",
    "been", "being", "have", "has", "had", "get", "got", "need", "needs", "needed", "want",
    "wants", "eligible", "eligibility", "qualify", "qualifies", "qualified", "apply", "applying",
    "application", "count", "counts", "become", "any", "some", "there", "here", "so", "about",
    "please", "tell", "know", "say", "says", "mean", "means", "under", "from", "up", "all",
    "much", "many", "long", "kind", "type", "sort", "like", "also", "just",
    // The place and the activity every rule is about: in a question they say nothing.
    "work", "working", "beijing", "china", "chinese",
];

/// The filler words of both languages, as the analyser's terms.
#[derive(Debug, Clone, Default)]
pub struct Filler {
    zh: HashSet<String>,
    en: HashSet<String>,
}

impl Filler {
    pub(super) fn new(english_terms: impl Fn(&str) -> Vec<String>) -> Filler {
        let mut filler = Filler::default();
        filler.zh.extend(ZH.iter().map(|w| w.to_string()));
        for word in EN {
            filler.en.extend(english_terms(word));
        }
        filler
    }

    /// Whether `term` (an analysed term of `language`) only says how a question is asked.
    pub fn contains(&self, language: Language, term: &str) -> bool {
        match language {
            Language::Zh => self.zh.contains(term),
            Language::En => self.en.contains(term),
        }
    }
}

impl Analyzer {
    /// Whether `term` is a question or filler word of `language` (not evidence in a query).
    pub fn is_filler(&self, language: Language, term: &str) -> bool {
        self.filler.contains(language, term)
    }
}
