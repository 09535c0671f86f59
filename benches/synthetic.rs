//! Benchmarks: a generator of synthetic corpora in the corpus format (corpus/FORMAT.md), for
//! measuring search at scale. A corpus `factor` times today's is the real corpus (its documents
//! and data files, so every real query still has its answer) plus `factor - 1` synthetic copies
//! of each document: the same numbering, kinds and levels, unique document and clause IDs, and
//! bilingual text recombined from the real clauses' own phrases — a post's ability items, degree
//! and experience sentences drawn whole from the real posts, so they still read as requirements.
//! Deterministic for a seed. Used by `benches/scale.rs`; not part of the library.

use std::fs;
use std::io;
use std::path::Path;

/// The real corpus's files that are not documents but are copied with them (search data, awards,
/// concepts: the synthetic documents add clauses, not data).
fn is_document(name: &str) -> bool {
    name.ends_with(".md") && !name.starts_with('_') && name != "FORMAT.md" && name != "README.md"
}

/// Fragments per synthetic sentence: at least one, at most this many.
const MOST_FRAGMENTS: usize = 3;
/// Ability items of a synthetic post: between these.
const ABILITIES: (usize, usize) = (3, 7);

/// SplitMix64: a small, good, dependency-free generator (the figures must not depend on a
/// random crate's version).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One real document: its file name, front matter lines and body lines.
struct Source {
    stem: String,
    front: Vec<String>,
    body: Vec<String>,
    /// Whether its first level is the post catalogue's (`kind = "post"`).
    posts: bool,
}

/// What synthetic text is drawn from: phrases of every clause, and the post parts whole.
#[derive(Default)]
struct Pools {
    zh: Vec<String>,
    en: Vec<String>,
    abilities: Vec<(String, String)>,
    education: Vec<(String, String)>,
    experience: Vec<(String, String)>,
    post_titles: Vec<(String, String)>,
}

fn value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.strip_prefix("- ")?
        .strip_prefix(key)?
        .strip_prefix(": ")
}

/// The number of `#` opening a heading line and the path after them.
fn heading(line: &str) -> Option<(usize, &str)> {
    let depth = line.chars().take_while(|&c| c == '#').count();
    (depth > 0).then(|| (depth, line[depth..].trim()))
}

fn read_sources(real: &Path) -> io::Result<Vec<Source>> {
    let mut names: Vec<String> = fs::read_dir(real)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| is_document(n))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = fs::read_to_string(real.join(&name))?;
            let mut lines = text.lines().map(str::to_string);
            let mut front = Vec::new();
            // The opening `+++`, then the front matter up to the closing one.
            lines.next();
            for line in lines.by_ref() {
                if line == "+++" {
                    break;
                }
                front.push(line);
            }
            let body: Vec<String> = lines.collect();
            let posts = front
                .iter()
                .find(|l| l.contains("kind ="))
                .is_some_and(|l| l.contains("\"post\""));
            let stem = name.trim_end_matches(".md").to_string();
            Ok(Source {
                stem,
                front,
                body,
                posts,
            })
        })
        .collect()
}

fn split_fragments(text: &str, separators: &[char], out: &mut Vec<String>, min_chars: usize) {
    for piece in text.split(|c| separators.contains(&c)) {
        let piece = piece.trim();
        if piece.chars().count() >= min_chars {
            out.push(piece.to_string());
        }
    }
}

fn pools(sources: &[Source]) -> Pools {
    let mut pools = Pools::default();
    for source in sources {
        // The path of the clause being read, and its post title while reading a post.
        let mut path = String::new();
        let mut title_zh = None;
        let mut zh = None;
        for line in &source.body {
            if let Some((_, p)) = heading(line) {
                path = p.to_string();
                continue;
            }
            let part = source.posts && path.contains('.');
            let part_number = path.rsplit('.').next().unwrap_or("");
            if let Some(t) = value(line, "title.zh") {
                title_zh = Some(t.to_string());
            } else if let Some(t) = value(line, "title.en") {
                if source.posts
                    && !part
                    && let Some(z) = title_zh.take()
                {
                    pools.post_titles.push((z, t.to_string()));
                }
            } else if let Some(t) = value(line, "zh") {
                split_fragments(t, &['，', '；', '。', '：', '、'], &mut pools.zh, 2);
                zh = Some(t.to_string());
            } else if let Some(en) = value(line, "en") {
                split_fragments(en, &[',', ';', '.', ':'], &mut pools.en, 8);
                let Some(zh) = zh.take() else { continue };
                if !part {
                    continue;
                }
                let pair = (zh.clone(), en.to_string());
                match part_number {
                    "1" => {
                        let z: Vec<&str> = zh.trim_end_matches('。').split('；').collect();
                        let e: Vec<&str> = en.trim_end_matches('.').split("; ").collect();
                        if z.len() == e.len() {
                            let items = z.iter().zip(&e);
                            pools
                                .abilities
                                .extend(items.map(|(z, e)| (z.to_string(), e.to_string())));
                        }
                    }
                    "2" => pools.education.push(pair),
                    "3" => pools.experience.push(pair),
                    _ => {}
                }
            }
        }
    }
    pools
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn sentence(rng: &mut Rng, pool: &[String], join: &str, end: &str) -> String {
    let n = 1 + rng.below(MOST_FRAGMENTS);
    let parts: Vec<&str> = (0..n).map(|_| rng.pick(pool).as_str()).collect();
    format!("{}{end}", capitalised(&parts.join(join)))
}

/// The synthetic copy `copy` of `source`, as a corpus file: its ID and its text.
fn synthetic(source: &Source, copy: usize, pools: &Pools, rng: &mut Rng) -> (String, String) {
    let id = format!("s{copy:03}-{}", source.stem);
    let mut out = String::new();
    out.push_str("+++\n");
    out.push_str(&format!("id = \"{id}\"\n"));
    out.push_str(&format!(
        "title = {{ zh = \"合成文件{copy}（{stem}）\", en = \"Synthetic document {copy} ({stem})\" }}\n",
        stem = source.stem
    ));
    out.push_str(&format!(
        "short = {{ zh = \"合成{copy}-{stem}\", en = \"Synthetic {copy}-{stem}\" }}\n",
        stem = source.stem
    ));
    out.push_str("issuer = { zh = \"合成数据\", en = \"Synthetic data\" }\n");
    out.push_str(&format!("number = \"合成〔{copy}〕{}号\"\n", source.stem));
    out.push_str("issued = 2022-12-30\neffective = 2023-01-01\n");
    out.push_str("source = \"benches/synthetic.rs: recombined from the real corpus's phrases\"\n");
    out.push_str("translation = \"unofficial\"\n");
    out.push_str(&format!(
        "citation = {{ zh = \"合成{copy}-{stem}\", en = \"Synthetic {copy}-{stem}\" }}\n",
        stem = source.stem
    ));
    // The levels, verbatim: the same numbering and kinds as the real document.
    let mut in_levels = false;
    for line in &source.front {
        if line.starts_with("levels") {
            in_levels = true;
        }
        if in_levels {
            out.push_str(line);
            out.push('\n');
            if line.trim() == "]" {
                in_levels = false;
            }
        }
    }
    out.push_str("+++\n");

    let mut path = String::new();
    // A post's English title, and a part's English text, chosen with the Chinese line before.
    let mut post_title = None;
    let mut pending_en = None;
    for line in &source.body {
        if let Some((depth, p)) = heading(line) {
            path = p.to_string();
            if depth == 1 {
                out.push_str(&format!("# Synthetic {copy} | {id}\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        let part = source.posts && path.contains('.');
        let part_number = path.rsplit('.').next().unwrap_or("");
        let generated = if value(line, "title.zh").is_some() {
            if source.posts && !part {
                let (zh, en) = rng.pick(&pools.post_titles).clone();
                post_title = Some(en);
                Some(format!("- title.zh: {zh}"))
            } else if part {
                Some(line.clone())
            } else {
                Some(format!("- title.zh: {}", sentence(rng, &pools.zh, "", "")))
            }
        } else if value(line, "title.en").is_some() {
            match (source.posts && !part, post_title.take()) {
                (true, Some(en)) => Some(format!("- title.en: {en}")),
                _ if part => Some(line.clone()),
                _ => Some(format!("- title.en: {}", sentence(rng, &pools.en, " ", ""))),
            }
        } else if value(line, "zh").is_some() || value(line, "en").is_some() {
            let zh = value(line, "zh").is_some();
            Some(match (part, part_number) {
                (true, "1") if zh => {
                    // Ability items in pairs, so both languages have the same number: the zh
                    // line decides them, the en line follows.
                    let n = ABILITIES.0 + rng.below(ABILITIES.1 - ABILITIES.0 + 1);
                    let items: Vec<&(String, String)> =
                        (0..n).map(|_| rng.pick(&pools.abilities)).collect();
                    let zh: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
                    let en: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
                    pending_en = Some(format!("{}.", capitalised(&en.join("; "))));
                    format!("- zh: {}。", zh.join("；"))
                }
                (true, "1") => format!("- en: {}", pending_en.take().unwrap_or_default()),
                (true, "2" | "3") if zh => {
                    let pool = if part_number == "2" {
                        &pools.education
                    } else {
                        &pools.experience
                    };
                    let (z, e) = rng.pick(pool).clone();
                    pending_en = Some(e);
                    format!("- zh: {z}")
                }
                (true, "2" | "3") => format!("- en: {}", pending_en.take().unwrap_or_default()),
                // The 其他要求 column keeps its real text.
                (true, _) => line.clone(),
                (false, _) if zh => format!("- zh: {}", sentence(rng, &pools.zh, "，", "。")),
                (false, _) => format!("- en: {}", sentence(rng, &pools.en, ", ", ".")),
            })
        } else if value(line, "adapts").is_some()
            || value(line, "change").is_some()
            || value(line, "aliases").is_some()
        {
            // Links to other documents and clause aliases belong to the real clauses.
            None
        } else {
            Some(line.clone())
        };
        if let Some(g) = generated {
            out.push_str(&g);
            out.push('\n');
        }
    }
    (id, out)
}

/// Write into `out` a corpus `factor` times the real one in `real`: the real files and
/// `factor - 1` synthetic copies of each document. Answers the number of documents written.
pub fn write(real: &Path, out: &Path, factor: usize, seed: u64) -> io::Result<usize> {
    fs::create_dir_all(out)?;
    for entry in fs::read_dir(real)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            fs::copy(entry.path(), out.join(entry.file_name()))?;
        }
    }
    let sources = read_sources(real)?;
    let pools = pools(&sources);
    let mut rng = Rng::new(seed);
    let mut documents = sources.len();
    for copy in 1..factor.max(1) {
        for source in &sources {
            let (id, text) = synthetic(source, copy, &pools, &mut rng);
            fs::write(out.join(format!("{id}.md")), text)?;
            documents += 1;
        }
    }
    Ok(documents)
}
