//! MCP: the tools — each named and shaped as docs/SPEC.md says, described for a model, and
//! answered by the application: the structured content is the JSON the matching `/api` route
//! returns (the same types, serialised once), with its schema as the output schema, and a short
//! text rendering beside it.

use std::sync::{Arc, LazyLock};

use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde::Serialize;
use serde_json::Value;

use super::args::{self, Arg, ArgKind, ToolError};
use super::{schema, text};
use crate::app::requests::LinkBody;
use crate::app::views::{ClauseView, PostList};
use crate::app::{App, ErrorCode, SearchRequest};
use crate::citation::{Links, Resolution};
use crate::eligibility::{Answer, Facts};
use crate::search::{MAX_LIMIT, Results};

/// What every answer's text reminds the model of.
const CAVEATS: &str = "The Chinese text is authoritative; the English is talentdex's own \
    unofficial translation unless a document says otherwise. Verdicts are computed from the \
    facts given and are not an official determination.";

const ID_HELP: &str = "Clause IDs are `<doc>/<path>`: `bj2022` (the 2022 Beijing notice), \
    `bj2022-a1` (Annex 1, Beijing's Category A criteria), `bj2022-a2` (Annex 2, the 25 posts), \
    `cn2017-a` (the national Category A criteria); `bj2022-a1/2.8` is item 8 of category 二 of \
    Annex 1, `bj2022-a2/6` post 6, `bj2022-a2/6.2` its degree requirement.";

const LANGS: &[&str] = &["zh", "en", "auto"];
const KINDS: &[&str] = &[
    "document",
    "article",
    "category",
    "item",
    "post",
    "requirement",
];

const SEARCH_ARGS: &[Arg] = &[
    Arg {
        name: "query",
        param: "q",
        kind: ArgKind::String,
        required: true,
        description: "What to look for, in Chinese or English (toneless pinyin works too), or a \
            citation or clause ID.",
    },
    Arg {
        name: "lang",
        param: "lang",
        kind: ArgKind::OneOf(LANGS),
        required: false,
        description: "Read the query as Chinese, English, or by its script (auto, the default).",
    },
    Arg {
        name: "doc",
        param: "doc",
        kind: ArgKind::String,
        required: false,
        description: "Only this document's clauses: bj2022, bj2022-a1, bj2022-a2 or cn2017-a.",
    },
    Arg {
        name: "kind",
        param: "kind",
        kind: ArgKind::OneOf(KINDS),
        required: false,
        description: "Only clauses of this kind.",
    },
    Arg {
        name: "limit",
        param: "limit",
        kind: ArgKind::Integer {
            maximum: Some(MAX_LIMIT),
        },
        required: false,
        description: "How many hits (default 10).",
    },
];

const CLAUSE_ARGS: &[Arg] = &[Arg {
    name: "id",
    param: "id",
    kind: ArgKind::String,
    required: true,
    description: "A clause ID such as bj2022-a1/2.8 or bj2022-a2/6, or a bare document ID.",
}];

const RESOLVE_ARGS: &[Arg] = &[Arg {
    name: "citation",
    param: "cite",
    kind: ArgKind::String,
    required: true,
    description: "A citation as a document writes it: 附件1第二条第8项, 附件2第6项, \
        Annex 1, II(8), Annex 2, No. 6, Notice art. 3, or a clause ID.",
}];

const POSTS_ARGS: &[Arg] = &[Arg {
    name: "industry",
    param: "industry",
    kind: ArgKind::String,
    required: false,
    description: "Only the posts of this industry, by its Chinese or English name \
        (集成电路, Integrated Circuits).",
}];

/// A tool's name, description and schemas.
struct Spec {
    name: &'static str,
    title: &'static str,
    description: String,
    input: JsonObject,
    output: JsonObject,
}

fn specs() -> Vec<Spec> {
    vec![
        Spec {
            name: "search",
            title: "Search the talent rules",
            description: format!(
                "Search every clause of the Beijing foreign-talent rules (the 2022 notice 国科办才\
                〔2022〕177号, its Annex 1 criteria for high-end talent, Annex 2's catalogue of 25 \
                urgently needed posts) and the national Category A criteria, in Chinese or \
                English. Use it first for any question about who counts as a foreign high-end \
                (Category A) or urgently needed talent in Beijing, then `get_clause` on a hit's ID \
                for its full text. Hits come best first with IDs, citations in both languages and \
                page paths; `confident: false` means the rules may not answer the question. \
                {ID_HELP} {CAVEATS}"
            ),
            input: args::input_schema(SEARCH_ARGS),
            output: schema::of::<Results<'static>>(),
        },
        Spec {
            name: "get_clause",
            title: "Read one clause",
            description: format!(
                "One clause by its ID: its text in Chinese and English, its citation in both \
                languages, its page path, its parent and children, breadcrumbs and related \
                clauses (such as the national clause a Beijing clause adapts). A post \
                (bj2022-a2/N) adds its industry, name, requirements and checks. Use it to quote \
                or cite a clause found by `search` or `resolve_citation`. {ID_HELP} {CAVEATS}"
            ),
            input: args::input_schema(CLAUSE_ARGS),
            output: schema::of::<ClauseView<'static>>(),
        },
        Spec {
            name: "resolve_citation",
            title: "Resolve a citation",
            description: format!(
                "Turn one citation, Chinese or English, into the clause it names. The status is \
                `found` (with `id`), `ambiguous` (every candidate listed), `not_found` (well \
                formed, but no such clause) or `invalid` (not a citation). Use it when a text or \
                a person cites a clause by number. {ID_HELP}"
            ),
            input: args::input_schema(RESOLVE_ARGS),
            output: schema::of::<Resolution<'static>>(),
        },
        Spec {
            name: "link_citations",
            title: "Find the citations in a text",
            description: format!(
                "Find every citation in a passage (Chinese or English) and resolve each: its \
                span in characters (Unicode code points, end exclusive), status and clause ID. \
                A page lists at most 1,000; when `next` is present, call again with the same \
                text and `start` = `next`. Use it to annotate or check a document that cites \
                these rules. {ID_HELP}"
            ),
            input: schema::of::<LinkBody>(),
            output: schema::of::<Links<'static>>(),
        },
        Spec {
            name: "check_eligibility",
            title: "Check an applicant's eligibility",
            description: format!(
                "Judge an applicant's facts (every one optional: age, degree, major, \
                years_experience with experience_field, salary_multiple, awards, founder, \
                company, `meets` for what only the applicant can attest, `post` to narrow to \
                one post, `as_of` for the date) against every Category A criterion and every \
                Annex 2 post. Each verdict is `met`, `not_met` or `unknown` (a needed fact was \
                not given: the reason says which) and says whether its rule is `in_force` on \
                `as_of` (the Beijing documents' trial ended 2024-12-31). The summary gives \
                Category A (外国高端人才) and Category B (外国专业人才) overall. An absent fact \
                is not stated; `false` and `[]` mean no. {CAVEATS}"
            ),
            input: schema::of::<Facts>(),
            output: schema::of::<Answer>(),
        },
        Spec {
            name: "list_posts",
            title: "List the urgently needed posts",
            description: format!(
                "The catalogue of Annex 2 (北京市外籍\"急需紧缺\"人才岗位目录): every post, or \
                those of one industry, with its number, name and industry in both languages, \
                its requirements (ability, degree and major, experience, other) and the checks \
                `check_eligibility` applies. Post N has the ID bj2022-a2/N. {CAVEATS}"
            ),
            input: args::input_schema(POSTS_ARGS),
            output: schema::of::<PostList<'static>>(),
        },
    ]
}

/// The tools as `tools/list` answers them, built once.
pub fn list() -> &'static [Tool] {
    static TOOLS: LazyLock<Vec<Tool>> = LazyLock::new(|| {
        let read_only = ToolAnnotations::new()
            .read_only(true)
            .destructive(false)
            .idempotent(true)
            .open_world(false);
        specs()
            .into_iter()
            .map(|s| {
                Tool::new(s.name, s.description, Arc::new(s.input))
                    .with_title(s.title)
                    .with_raw_output_schema(Arc::new(s.output))
                    .with_annotations(read_only.clone())
            })
            .collect()
    });
    &TOOLS
}

/// What a tool answered: the API's JSON and its text rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    pub structured: Value,
    pub text: String,
}

fn answered<T: Serialize>(value: &T, text: String) -> Result<Answered, ToolError> {
    let structured = serde_json::to_value(value).map_err(|e| {
        ToolError::new(
            ErrorCode::Internal,
            format!("cannot serialise the answer: {e}"),
        )
    })?;
    Ok(Answered { structured, text })
}

/// Run tool `name` (one of `list`) on its arguments; `None` for a tool there is not.
pub fn call(
    app: &App,
    name: &str,
    arguments: Option<JsonObject>,
) -> Option<Result<Answered, ToolError>> {
    let answer = match name {
        "search" => search(app, arguments),
        "get_clause" => get_clause(app, arguments),
        "resolve_citation" => resolve_citation(app, arguments),
        "link_citations" => link_citations(app, arguments),
        "check_eligibility" => check_eligibility(app, arguments),
        "list_posts" => list_posts(app, arguments),
        _ => return None,
    };
    Some(answer)
}

fn search(app: &App, arguments: Option<JsonObject>) -> Result<Answered, ToolError> {
    let pairs = args::pairs("search", arguments, SEARCH_ARGS)?;
    let request = SearchRequest::from_pairs(pairs)?;
    let results = app.search(&request)?;
    answered(&results, text::search(&results))
}

fn get_clause(app: &App, arguments: Option<JsonObject>) -> Result<Answered, ToolError> {
    let mut pairs = args::pairs("get_clause", arguments, CLAUSE_ARGS)?;
    let id = args::take(&mut pairs, "id").unwrap_or_default();
    let view = app.clause_view(app.clause(id.trim())?);
    answered(&view, text::clause(app.corpus(), &view))
}

fn resolve_citation(app: &App, arguments: Option<JsonObject>) -> Result<Answered, ToolError> {
    let mut pairs = args::pairs("resolve_citation", arguments, RESOLVE_ARGS)?;
    let citation = args::take(&mut pairs, "cite")
        .ok_or_else(|| ToolError::new(ErrorCode::MissingCite, "give the citation as `citation`"))?;
    let resolution = app.resolve(&citation)?;
    answered(&resolution, text::resolution(&resolution))
}

fn link_citations(app: &App, arguments: Option<JsonObject>) -> Result<Answered, ToolError> {
    // The body of `POST /api/link`: JSON of another shape is its `bad_body`.
    let body: LinkBody = serde_json::from_value(Value::Object(arguments.unwrap_or_default()))
        .map_err(|e| ToolError::new(ErrorCode::BadBody, e.to_string()))?;
    let links = app.link(&body.text, body.start)?;
    answered(&links, text::links(&links))
}

fn check_eligibility(app: &App, arguments: Option<JsonObject>) -> Result<Answered, ToolError> {
    let facts = Facts::from_value(Value::Object(arguments.unwrap_or_default()))?;
    let answer = app.check(&facts)?;
    answered(&answer, text::answer(&answer))
}

fn list_posts(app: &App, arguments: Option<JsonObject>) -> Result<Answered, ToolError> {
    let mut pairs = args::pairs("list_posts", arguments, POSTS_ARGS)?;
    let industry = args::take(&mut pairs, "industry").filter(|i| !i.trim().is_empty());
    let list = app.post_list(industry.as_deref())?;
    answered(&list, text::posts(&list))
}

/// The arguments' enums and the application's agree.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Language;
    use crate::model::Kind;

    #[test]
    fn the_argument_enums_are_what_the_parsers_take() {
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(KINDS, kinds.as_slice());
        for lang in LANGS {
            assert!(Language::parse_choice(lang).is_some(), "{lang}");
        }
    }
}
