//! The scrapinghub article-extraction-benchmark metric, page by page: 4-gram
//! token shingles as multisets give tp/fp/fn; the token sequences give exact
//! matches; runs of unmatched tokens give readable missed and leaked text.
//! Aggregation over pages is in [`summarise`].

use std::collections::HashMap;

use super::report::{PageScore, Snippet, Summary};
use super::text::{collapse_whitespace, token_spans};

/// Tokens per shingle (the benchmark's `n=4`).
const SHINGLE_TOKENS: usize = 4;

/// One text's tokens as interned ids, with their byte spans in the text.
struct TokenSeq<'a> {
    text: &'a str,
    spans: Vec<(usize, usize)>,
    ids: Vec<u32>,
}

/// Tokenises `truth` and `prediction` with one shared id per distinct token.
fn intern_pair<'a>(truth: &'a str, prediction: &'a str) -> (TokenSeq<'a>, TokenSeq<'a>) {
    let mut vocabulary: HashMap<&'a str, u32> = HashMap::new();
    let mut seq = |text: &'a str| {
        let spans = token_spans(text);
        let ids = spans
            .iter()
            .map(|&(start, end)| {
                let token = text.get(start..end).unwrap_or_default();
                let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                *vocabulary.entry(token).or_insert(next)
            })
            .collect();
        TokenSeq { text, spans, ids }
    };
    let truth_seq = seq(truth);
    let prediction_seq = seq(prediction);
    (truth_seq, prediction_seq)
}

/// The shingles of a token sequence, in order: every window of 4 tokens, or
/// the whole sequence as one shingle when it has 1 to 3 tokens (score.py's
/// `range(max(1, len - n + 1))` with empty shingles dropped).
fn shingles(ids: &[u32]) -> Vec<&[u32]> {
    if ids.is_empty() {
        Vec::new()
    } else if ids.len() < SHINGLE_TOKENS {
        vec![ids]
    } else {
        ids.windows(SHINGLE_TOKENS).collect()
    }
}

/// Multiset of shingles.
fn count<'a>(shingles: &[&'a [u32]]) -> HashMap<&'a [u32], usize> {
    let mut counts = HashMap::new();
    for &shingle in shingles {
        *counts.entry(shingle).or_insert(0) += 1;
    }
    counts
}

/// Shingles of `a` beyond their count in `b` (the multiset difference size).
fn excess(a: &HashMap<&[u32], usize>, b: &HashMap<&[u32], usize>) -> usize {
    a.iter()
        .map(|(shingle, &n)| n.saturating_sub(b.get(shingle).copied().unwrap_or(0)))
        .sum()
}

/// Scores one page: shingle tp/fp/fn, exact token match, and the missed
/// (truth not predicted) and leaked (predicted, not truth) token runs.
pub fn score_page(id: &str, url: Option<&str>, truth: &str, prediction: Option<&str>) -> PageScore {
    let (truth_seq, prediction_seq) = intern_pair(truth, prediction.unwrap_or_default());
    let truth_shingles = shingles(&truth_seq.ids);
    let prediction_shingles = shingles(&prediction_seq.ids);
    let truth_counts = count(&truth_shingles);
    let prediction_counts = count(&prediction_shingles);
    let fp = excess(&prediction_counts, &truth_counts);
    let fn_ = excess(&truth_counts, &prediction_counts);
    PageScore {
        id: id.to_string(),
        url: url.map(str::to_string),
        predicted: prediction.is_some(),
        error: None,
        tp: prediction_shingles.len() - fp,
        fp,
        fn_,
        tn: 0,
        exact: truth_seq.ids == prediction_seq.ids,
        missed: unmatched_runs(&truth_seq, &truth_shingles, &prediction_counts),
        leaked: unmatched_runs(&prediction_seq, &prediction_shingles, &truth_counts),
    }
}

/// Runs of tokens of `seq` that no matched shingle covers, as text. Shingles
/// are matched in order against the other side's multiset, so a token is
/// reported only when every shingle around it is unmatched: one wrong word
/// shows as that word, a dropped paragraph as that paragraph.
fn unmatched_runs(
    seq: &TokenSeq,
    own_shingles: &[&[u32]],
    other_counts: &HashMap<&[u32], usize>,
) -> Vec<Snippet> {
    let mut available = other_counts.clone();
    let mut covered = vec![false; seq.ids.len()];
    for (start, shingle) in own_shingles.iter().enumerate() {
        let Some(left) = available.get_mut(shingle).filter(|n| **n > 0) else {
            continue;
        };
        *left -= 1;
        let end = (start + shingle.len()).min(covered.len());
        covered
            .get_mut(start..end)
            .into_iter()
            .flatten()
            .for_each(|c| *c = true);
    }
    let mut runs = Vec::new();
    let mut run_start: Option<usize> = None;
    for (index, &is_covered) in covered.iter().chain([&true]).enumerate() {
        match (is_covered, run_start) {
            (false, None) => run_start = Some(index),
            (true, Some(first)) => {
                runs.push(snippet_of(seq, first, index));
                run_start = None;
            }
            _ => {}
        }
    }
    runs
}

/// The text from token `first` to the end of token `end - 1`.
fn snippet_of(seq: &TokenSeq, first: usize, end: usize) -> Snippet {
    let start_byte = seq.spans.get(first).map_or(0, |span| span.0);
    let end_byte = seq
        .spans
        .get(end.saturating_sub(1))
        .map_or(start_byte, |span| span.1);
    Snippet {
        tokens: end - first,
        text: collapse_whitespace(seq.text.get(start_byte..end_byte).unwrap_or_default()),
    }
}

/// score.py's `ratio(a, b, other)`: 1 when both error counts are zero, 0
/// when nothing was found, else `a / (a + b)`.
fn ratio(a: f64, b: f64, other: f64) -> f64 {
    if b == 0.0 && other == 0.0 {
        1.0
    } else if a == 0.0 && b == 0.0 {
        0.0
    } else {
        a / (a + b)
    }
}

/// Per-page counts normalised by their sum, so every page weighs the same.
fn normalised(page: &PageScore) -> (f64, f64, f64) {
    let sum = page.tp + page.fp + page.fn_;
    if sum == 0 {
        return (0.0, 0.0, 0.0);
    }
    let sum = sum as f64;
    (
        page.tp as f64 / sum,
        page.fp as f64 / sum,
        page.fn_ as f64 / sum,
    )
}

/// The benchmark figures over all pages: precision is the mean over pages
/// with a non-empty prediction, recall the mean over pages with a non-empty
/// truth, F1 the harmonic mean of those means, accuracy the share of exact
/// pages. An empty mean (score.py would raise) is 0.
pub fn summarise(pages: &[PageScore]) -> Summary {
    let counts: Vec<(f64, f64, f64)> = pages.iter().map(normalised).collect();
    let precision = mean(
        counts
            .iter()
            .filter(|(tp, fp, _)| tp + fp > 0.0)
            .map(|&(tp, fp, fn_)| ratio(tp, fp, fn_)),
    );
    let recall = mean(
        counts
            .iter()
            .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
            .map(|&(tp, fp, fn_)| ratio(tp, fn_, fp)),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = mean(pages.iter().map(|p| if p.exact { 1.0 } else { 0.0 }));
    Summary {
        f1,
        precision,
        recall,
        accuracy,
    }
}

/// Arithmetic mean with compensated (Neumaier) summation, close to Python's
/// exact `statistics.mean`; 0 for no values.
pub(super) fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut compensation, mut n) = (0.0f64, 0.0f64, 0usize);
    for value in values {
        let t = sum + value;
        compensation += if sum.abs() >= value.abs() {
            (sum - t) + value
        } else {
            (value - t) + sum
        };
        sum = t;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        (sum + compensation) / n as f64
    }
}
