//! Web: query strings read strictly. Percent-escapes that do not decode to UTF-8 are a 400 (a
//! lenient decoder would turn them into U+FFFD and search for that). The tracking tags a shared
//! link picks up (WeChat's `from=singlemessage&isappinstalled=0`, `utm_*` …) are dropped here,
//! for the API and the pages alike (SPEC: "Links get shared").

use crate::web::http::error::ErrorCode;
use percent_encoding::percent_decode_str;

use crate::web::ApiError;

/// The tracking parameters that sharing adds to links, ignored everywhere (SPEC).
pub const TRACKING: [&str; 6] = ["from", "isappinstalled", "spm", "scene", "fbclid", "gclid"];
/// The prefix of the campaign tags (`utm_source`, `utm_medium` …), ignored too.
pub const TRACKING_PREFIX: &str = "utm_";

/// Whether `name` is a tracking parameter, not one a reader should see.
pub fn is_tracking(name: &str) -> bool {
    TRACKING.contains(&name) || name.starts_with(TRACKING_PREFIX)
}

/// The `name=value` pairs of a query string, in order, `+` read as a space, tracking
/// parameters left out.
pub fn parse(raw: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let mut pairs = Vec::new();
    for pair in raw.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = decode(name)?;
        if !is_tracking(&name) {
            pairs.push((name, decode(value)?));
        }
    }
    Ok(pairs)
}

/// The raw query string without its tracking parameters, for readers that deserialize it
/// themselves; a name that does not decode is kept, for the reader to refuse.
pub fn without_tracking(raw: &str) -> String {
    raw.split('&')
        .filter(|pair| {
            let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
            !decode(name).is_ok_and(|name| is_tracking(&name))
        })
        .collect::<Vec<_>>()
        .join("&")
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
    fn drops_the_tracking_tags_of_shared_links() {
        // Why: WeChat appends `from=singlemessage&isappinstalled=0`, and pages and the API
        // answered 400 to every link shared through it (issue 14).
        let shared = "q=chip&from=singlemessage&isappinstalled=0&utm_source=x&utm%5Fmedium=y\
                      &spm=a.b&scene=1&fbclid=F&gclid=G";
        assert_eq!(
            parse(Some(shared)).unwrap(),
            vec![("q".to_string(), "chip".to_string())]
        );
        assert_eq!(without_tracking(shared), "q=chip");
        // Only those names: a parameter that merely contains one is kept (and refused later).
        let kept = "fromage=1&utm=2&scenery=3&%FF=4";
        assert_eq!(without_tracking(kept), kept);
        assert_eq!(parse(Some("fromage=1")).unwrap()[0].0, "fromage");
    }

    #[test]
    fn refuses_invalid_utf8() {
        let err = parse(Some("q=%FF%FE")).unwrap_err();
        assert_eq!((err.status.as_u16(), err.code.as_str()), (400, "bad_query"));
        assert!(parse(Some("%C3=x")).is_err());
    }
}
