//! Numerals shared by the model (rendering citations) and the citation resolver (reading them):
//! Chinese numerals (二, 十八, 二十五) and Roman numerals (II, xviii).

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// Chinese numerals are rendered and read up to this bound; clause numbers never come near it.
const MAX_CHINESE: u32 = 999;
/// Roman numerals likewise.
const MAX_ROMAN: u32 = 3999;

/// `8` → `八`, `18` → `十八`, `25` → `二十五`, `100` → `一百`. `None` outside 1..=999.
pub fn chinese_numeral(n: u32) -> Option<String> {
    if n == 0 || n > MAX_CHINESE {
        return None;
    }
    let (hundreds, tens, ones) = (n / 100, (n / 10) % 10, n % 10);
    let mut s = String::new();
    if hundreds > 0 {
        s.push(DIGITS[hundreds as usize]);
        s.push('百');
        if tens == 0 && ones > 0 {
            s.push('零');
        }
    }
    if tens > 0 {
        if !(tens == 1 && hundreds == 0) {
            s.push(DIGITS[tens as usize]);
        }
        s.push('十');
    }
    if ones > 0 {
        s.push(DIGITS[ones as usize]);
    }
    Some(s)
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        '两' => Some(2),
        _ => DIGITS.iter().position(|&d| d == c).map(|p| p as u32),
    }
}

/// `十八` → 18, `二十五` → 25, `一百零八` → 108. Whole string or `None`.
pub fn parse_chinese_numeral(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        // 零 only fills a gap after a unit ("一百零八").
        if c == '零' && pending.is_none() && last_unit != u32::MAX {
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            _ => {
                if pending.is_some() {
                    // Two digits in a row ("二五") is not a numeral here.
                    return None;
                }
                pending = Some(digit_value(c)?);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        let multiplier = match pending.take() {
            Some(0) => return None,
            Some(d) => d,
            None if unit == 10 && total == 0 => 1,
            None => return None,
        };
        total += multiplier * unit;
        last_unit = unit;
    }
    if let Some(d) = pending {
        total += d;
    }
    (total > 0 && total <= MAX_CHINESE).then_some(total)
}

const ROMAN: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// `2` → `II`. `None` outside 1..=3999.
pub fn roman_numeral(mut n: u32) -> Option<String> {
    if n == 0 || n > MAX_ROMAN {
        return None;
    }
    let mut s = String::new();
    for (value, letters) in ROMAN {
        while n >= value {
            s.push_str(letters);
            n -= value;
        }
    }
    Some(s)
}

/// `II`, `ii`, `xviii` → the number, only for a canonically written numeral.
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let mut rest = upper.as_str();
    let mut total = 0;
    for (value, letters) in ROMAN {
        while let Some(r) = rest.strip_prefix(letters) {
            total += value;
            rest = r;
        }
    }
    if !rest.is_empty() || total == 0 {
        return None;
    }
    // Reject non-canonical spellings such as "IIII" or "VX".
    (roman_numeral(total).as_deref() == Some(upper.as_str())).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_round_trips_every_number_in_range() {
        for n in 1..=MAX_CHINESE {
            let s = chinese_numeral(n).unwrap();
            assert_eq!(parse_chinese_numeral(&s), Some(n), "{n} -> {s}");
        }
        assert_eq!(chinese_numeral(18).unwrap(), "十八");
        assert_eq!(chinese_numeral(25).unwrap(), "二十五");
        assert_eq!(chinese_numeral(0), None);
    }

    #[test]
    fn chinese_rejects_malformed() {
        for bad in ["", "二五", "十十", "零", "百", "x", "十二十"] {
            assert_eq!(parse_chinese_numeral(bad), None, "{bad}");
        }
        assert_eq!(parse_chinese_numeral("两"), Some(2));
    }

    #[test]
    fn roman_round_trips_and_rejects_non_canonical() {
        for n in 1..=MAX_ROMAN {
            assert_eq!(parse_roman(&roman_numeral(n).unwrap()), Some(n));
        }
        assert_eq!(parse_roman("xviii"), Some(18));
        for bad in ["", "IIII", "VX", "IC", "ABC"] {
            assert_eq!(parse_roman(bad), None, "{bad}");
        }
    }
}
