//! Web: the checks on a JSON body that serde's derive does not make — the body is one object
//! (a derived struct would also accept an array of its fields), and no object gives a key twice
//! (serde keeps the last, silently).

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// `Err` with a sentence for people when `body` is not one JSON object (checked only where the
/// handler's type would take another shape).
pub fn object(body: &[u8]) -> Result<(), String> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        Ok(())
    } else {
        Err("the body must be a JSON object".into())
    }
}

/// `Err` with a sentence for people when an object of `body` (already parsed once) gives a key
/// twice.
pub fn check(body: &[u8]) -> Result<(), String> {
    serde_json::from_slice::<Strict>(body)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Any JSON value, refusing duplicate keys at every depth.
struct Strict;

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Strict, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_str<E>(self, _: &str) -> Result<Strict, E> {
        Ok(Strict)
    }
    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        while seq.next_element::<Strict>()?.is_some() {}
        Ok(Strict)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("key `{key}` given twice")));
            }
            map.next_value::<Strict>()?;
        }
        Ok(Strict)
    }
}

#[cfg(test)]
mod tests {
    use super::{check, object};

    /// Issue 13: `{"text":"a","text":"b"}` was accepted, the last key winning.
    #[test]
    fn duplicate_keys_are_refused_at_any_depth() {
        assert!(check(br#"{"text":"a"}"#).is_ok());
        let e = check(br#"{"text":"a","text":"b"}"#).unwrap_err();
        assert!(e.contains("`text` given twice"), "{e}");
        assert!(check(br#"{"a":{"b":1,"b":2}}"#).is_err());
        assert!(
            check(br#"{"a":[{"b":1},{"b":2}]}"#).is_ok(),
            "not across objects"
        );
    }

    /// Issue 13: `/api/link` accepted an undocumented `["…"]` body.
    #[test]
    fn only_an_object_is_an_object() {
        assert!(object(br#"["text"]"#).is_err());
        assert!(object(b" \n{}").is_ok());
        assert!(object(b"\"text\"").is_err());
    }
}
