//! Analysis, sound: the toneless pinyin of Chinese text (from the `pinyin` crate's readings) and
//! the same spelling folded from what people type (`lüse`, `lvse`, `LÜSE` are all `lvse`), so that
//! typed pinyin and homophone typos can be matched with the index's Chinese words.

use pinyin::ToPinyin;

use super::normalize::is_han;

/// The toneless pinyin of `word`, syllables joined, `ü` written `v` (绿色 → `lvse`); `None` when
/// a character has no reading (Latin letters, digits, rare characters).
pub fn pinyin_key(word: &str) -> Option<String> {
    let mut key = String::with_capacity(word.len() * 2);
    for c in word.chars() {
        if !is_han(c) {
            return None;
        }
        key.push_str(&fold(c.to_pinyin()?.plain()));
    }
    (!key.is_empty()).then_some(key)
}

/// Typed pinyin as a key: lowercase letters only, `ü` (or `u:`) as `v`; `None` when `text` holds
/// anything but letters (digits, Chinese, punctuation).
pub fn typed_key(text: &str) -> Option<String> {
    let folded = fold(&text.to_lowercase().replace("u:", "v"));
    (!folded.is_empty() && folded.chars().all(|c| c.is_ascii_lowercase())).then_some(folded)
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, 'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ') {
                'v'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_have_toneless_joined_pinyin() {
        assert_eq!(pinyin_key("数据库").as_deref(), Some("shujuku"));
        assert_eq!(pinyin_key("绿色建筑").as_deref(), Some("lvsejianzhu"));
        assert_eq!(pinyin_key("5G"), None);
    }

    #[test]
    fn typed_pinyin_folds_u_umlaut_and_case() {
        assert_eq!(typed_key("LüSe").as_deref(), Some("lvse"));
        assert_eq!(typed_key("lu:se").as_deref(), Some("lvse"));
        assert_eq!(typed_key("lvse").as_deref(), Some("lvse"));
        assert_eq!(typed_key("5g"), None);
    }
}
