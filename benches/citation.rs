//! Benchmark of the citation layer: link every citation in a ~100 KB passage (target ≤ 10 ms), and
//! resolve single citations. Run with `cargo bench --bench citation`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use talentdex::citation::Citations;
use talentdex::model::Corpus;

/// The passage's size in bytes of UTF-8.
const PASSAGE_BYTES: usize = 100 * 1024;

/// Realistic prose in both languages, with citations of every form, a few not found, and the
/// numbers, quotes and common words a citation scanner must pass over.
const PROSE: &[&str] = &[
    "根据《国家外专局 人力资源社会保障部 外交部 公安部关于全面实施外国人来华工作许可制度的通知》（外专发〔2017〕40号），",
    "申请人符合附件1第二条第8项、第9项规定的条件，并于2023年1月1日提交材料。",
    "芯片设计工程师（附件2第6项）须具备职业能力要求所列经验；参见附件2第6项职业能力要求及序号7。",
    "《北京市外籍“急需紧缺”人才岗位目录（试行）》第25项其他要求另有规定，通知第三条规定试行2年。",
    "现将有关事项通知如下：外国高端人才（A类）按《外国人来华工作分类标准（试行）》A类（二）第8项认定。",
    "Under Annex 1, II.8 and II.9, and Annex 2, No. 6, ability requirements, the applicant qualifies. ",
    "Notice Guo Ke Ban Cai [2022] No. 177, art. 3 sets a two-year trial; see also Annex 1, Category III, item 9. ",
    "The Classification Standards for Foreigners Working in China, Category A, IV.1 cover founders with 35% shares. ",
    "A citation of Annex 2, No. 26 finds no post, and bj2022-a1/2.8 is the canonical ID of the Nobel item. ",
    "计点积分在85分以上的（附件１第六条），或依据《民法典》第一千二百五十九条计算期限。",
];

/// Text built to make a careless scanner backtrack: unclosed 《 titles, name prefixes that never
/// finish, long numeral runs, and openers and separators without a citation after them.
const ADVERSARIAL: &[&str] = &[
    "《北京市外籍“急需紧缺”人才岗位",
    "Notice of the General Office of the Ministry of Science and ",
    "第一二三四五六七八九十百千一二三四五六七八九十百千",
    "附件附件附件“「『《〔【((((",
    "Annex 1, II. II. II, II, (((( 8 8 8 8 ",
    "国科办才〔2022〕177",
];

fn repeat_to_size(pieces: &[&str]) -> String {
    let mut text = String::with_capacity(PASSAGE_BYTES + 512);
    for piece in pieces.iter().cycle() {
        if text.len() >= PASSAGE_BYTES {
            break;
        }
        text.push_str(piece);
    }
    text
}

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    talentdex::corpus::load(&dir).expect("the corpus loads")
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    // The tables are compiled once, as the search engine does; `compile` times that step.
    let citations = Citations::new(&corpus);
    let text = repeat_to_size(PROSE);
    let adversarial = repeat_to_size(ADVERSARIAL);
    let found = citations.link(&text).expect("links").citations.len();
    eprintln!(
        "passage: {} bytes, {} characters, {found} citations",
        text.len(),
        text.chars().count()
    );

    let mut group = c.benchmark_group("citation");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("link_100kb", |b| {
        b.iter(|| citations.link(black_box(&text)).expect("links"))
    });
    group.throughput(Throughput::Bytes(adversarial.len() as u64));
    group.bench_function("link_100kb_adversarial", |b| {
        b.iter(|| citations.link(black_box(&adversarial)).expect("links"))
    });
    group.finish();

    c.bench_function("resolve_one", |b| {
        b.iter(|| {
            citations.resolve(black_box(
                "《外国人来华工作分类标准（试行）》A类（二）第8项",
            ))
        })
    });
    c.bench_function("compile", |b| b.iter(|| Citations::new(black_box(&corpus))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
