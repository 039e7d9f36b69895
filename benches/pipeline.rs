//! Criterion benches, per stage and end to end, with `Throughput::Bytes`.
//!
//! ```text
//! cargo bench --bench pipeline                 # all groups
//! cargo bench --bench pipeline -- --quick      # a fast look
//! cargo bench --bench pipeline -- html         # one group
//! ```
//!
//! Inputs: the project's own pages in `fixtures/text/`, HTML pages built
//! from them in a portal-like template (navigation, scripts, sidebar,
//! footer), and, when present, the pages of `../shared/corpus` (added to
//! the same groups). Every group reports bytes of input per second.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use vnarticle::batch::{self, RunOptions, Source};
use vnarticle::{Extractor, Format, Input};

struct Pages {
    text: Vec<(String, Vec<u8>)>,
    html: Vec<(String, Vec<u8>)>,
}

fn read_dir(dir: &Path, ext: &str) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths.into_iter().filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?))).collect()
}

/// A portal page around a text page's lines: the first line as the title,
/// the rest as paragraphs, with the chrome portals carry.
fn portal_html(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default();
    let mut h = String::from(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width\"><link rel=\"stylesheet\" href=\"/css/site.css\">",
    );
    h.push_str(&format!("<title>{title} - Cổng thông tin điện tử</title><script>"));
    for i in 0..300 {
        h.push_str(&format!("var m{i}=document.getElementById('menu{i}');if(m{i}){{m{i}.className='x';}}\n"));
    }
    h.push_str(
        "</script></head><body><header><div class=\"logo\">Cổng thông tin điện tử tỉnh</div><nav><ul>",
    );
    for i in 0..60 {
        h.push_str(&format!("<li><a href=\"/chuyen-muc/{i}\">Chuyên mục {i}</a></li>"));
    }
    h.push_str(
        "</ul></nav></header><main><div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> / Tin tức</div>",
    );
    h.push_str(&format!("<article><h1 class=\"title\">{title}</h1><div class=\"content\">"));
    for line in lines {
        h.push_str(&format!("<p style=\"text-align:justify\"><span>{line}</span></p>"));
    }
    h.push_str("</div></article><aside><h3>Tin liên quan</h3><ul>");
    for i in 0..40 {
        h.push_str(&format!(
            "<li><a href=\"/tin/{i}.html\">Hội nghị triển khai nhiệm vụ năm {}</a></li>",
            2000 + i
        ));
    }
    h.push_str("</ul></aside></main><footer><p>Bản quyền thuộc Ủy ban nhân dân tỉnh. Địa chỉ: số 1 đường Trần Hưng Đạo.</p></footer></body></html>");
    h
}

fn pages() -> Pages {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = read_dir(&root.join("fixtures/text"), "txt");
    let mut html: Vec<(String, Vec<u8>)> = text
        .iter()
        .map(|(name, bytes)| {
            (format!("{name}.html"), portal_html(&String::from_utf8_lossy(bytes)).into_bytes())
        })
        .collect();
    text.extend(read_dir(&root.join("../shared/corpus/text"), "txt"));
    html.extend(read_dir(&root.join("../shared/corpus/html"), "html"));
    Pages { text, html }
}

fn bytes(set: &[(String, Vec<u8>)]) -> u64 {
    set.iter().map(|(_, b)| b.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let pages = pages();
    let extractor = Extractor::new();
    let decoded_text: Vec<String> =
        pages.text.iter().map(|(_, b)| vnarticle::decode::decode(b, None, false).unwrap().text).collect();
    let decoded_html: Vec<String> =
        pages.html.iter().map(|(_, b)| vnarticle::decode::decode(b, None, true).unwrap().text).collect();
    let articles: Vec<_> = decoded_text.iter().map(|t| vnarticle::page::text::read(t, None)).collect();
    let bodies: Vec<(String, Option<String>)> =
        articles.iter().map(|a| (vnarticle::normalize::body(&a.paragraphs), a.published.clone())).collect();
    let body_bytes: u64 = bodies.iter().map(|(b, _)| b.len() as u64).sum();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes(&pages.text)));
    g.bench_function("decode/text", |b| {
        b.iter(|| {
            for (_, p) in &pages.text {
                black_box(vnarticle::decode::decode(p, None, false).ok());
            }
        })
    });
    g.bench_function("page_reader/text", |b| {
        b.iter(|| {
            for t in &decoded_text {
                black_box(vnarticle::page::text::read(t, None));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes(&pages.html)));
    g.bench_function("decode/html", |b| {
        b.iter(|| {
            for (_, p) in &pages.html {
                black_box(vnarticle::decode::decode(p, None, true).ok());
            }
        })
    });
    g.bench_function("page_reader/html", |b| {
        b.iter(|| {
            for t in &decoded_html {
                black_box(vnarticle::page::html::read(t, None));
            }
        })
    });
    g.throughput(Throughput::Bytes(body_bytes));
    g.bench_function("normalize/body", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(vnarticle::normalize::body(&a.paragraphs));
            }
        })
    });
    g.bench_function("extract_body", |b| {
        b.iter(|| {
            for (body, published) in &bodies {
                black_box(extractor.extract_body(body, published.as_deref()));
            }
        })
    });
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let pages = pages();
    let extractor = Extractor::new();
    let mut g = c.benchmark_group("end_to_end");
    for (name, set, format) in [("text", &pages.text, Format::Text), ("html", &pages.html, Format::Html)] {
        let inputs: Vec<Input> =
            set.iter().map(|(id, b)| Input::new(id.clone(), format, b.clone())).collect();
        g.throughput(Throughput::Bytes(bytes(set)));
        g.bench_with_input(BenchmarkId::new("extract", name), &inputs, |b, inputs| {
            b.iter(|| {
                for input in inputs {
                    black_box(extractor.extract(input).ok());
                }
            })
        });
        g.bench_with_input(BenchmarkId::new("extract_and_serialize", name), &inputs, |b, inputs| {
            b.iter(|| {
                for input in inputs {
                    if let Ok(r) = extractor.extract(input) {
                        black_box(serde_json::to_string(&r).ok());
                    }
                }
            })
        });
    }
    // the batch runner on one thread, as the command line drives it:
    // sources, ordered workers, JSON lines written to memory
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let all: Vec<(String, Vec<u8>, Format)> = pages
        .text
        .iter()
        .map(|(i, b)| (i.clone(), b.clone(), Format::Text))
        .chain(pages.html.iter().map(|(i, b)| (i.clone(), b.clone(), Format::Html)))
        .collect();
    g.throughput(Throughput::Bytes(all.iter().map(|(_, b, _)| b.len() as u64).sum()));
    g.bench_function("batch_run/1_thread", |b| {
        b.iter(|| {
            let sources =
                all.iter().map(|(id, bytes, f)| Source::Ready(Input::new(id.clone(), *f, bytes.clone())));
            let mut out = Vec::with_capacity(1 << 20);
            black_box(
                batch::run_with(&extractor, sources, &pool, &RunOptions::default(), &mut out, |_| {}).ok(),
            );
        })
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! { name = benches; config = config(); targets = stages, end_to_end }
criterion_main!(benches);
