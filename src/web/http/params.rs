//! Web: query strings read strictly. Percent-escapes that do not decode to UTF-8 are a 400 (a
//! lenient decoder would turn them into U+FFFD and search for that).

use crate::web::http::error::ErrorCode;
use percent_encoding::percent_decode_str;

use crate::web::ApiError;

/// The `name=value` pairs of a query string, in order, `+` read as a space.
pub fn parse(raw: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

fn decode(part: &str) -> Result<String, ApiError> {
    let spaced = part.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            ApiError::bad_request(
                ErrorCode::BadQuery,
                format!("`{part}` is not valid UTF-8 once percent-decoded"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_pairs_in_order() {
        let pairs = parse(Some("q=%E8%8A%AF%E7%89%87+design&limit=5&&flag")).unwrap();
        assert_eq!(
            pairs,
            vec![
                ("q".into(), "芯片 design".into()),
                ("limit".into(), "5".into()),
                ("flag".into(), String::new()),
            ]
        );
        assert!(parse(None).unwrap().is_empty());
        assert_eq!(parse(Some("q=a%2Bb")).unwrap()[0].1, "a+b");
    }

    #[test]
    fn refuses_invalid_utf8() {
        let err = parse(Some("q=%FF%FE")).unwrap_err();
        assert_eq!((err.status.as_u16(), err.code.as_str()), (400, "bad_query"));
        assert!(parse(Some("%C3=x")).is_err());
    }
}
