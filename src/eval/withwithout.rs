//! trafilatura's with/without snippet metric, page by page: after
//! whitespace is collapsed, a "with" snippet found is a true positive (else a
//! false negative), a "without" snippet found a false positive (else a true
//! negative). Aggregation sums the counts over all pages ([`summarise`]).

use super::report::{PageScore, Snippet, Summary};
use super::text::{collapse_whitespace, tokens};

/// Scores one page against its snippets.
pub fn score_page(
    id: &str,
    url: Option<&str>,
    with: &[String],
    without: &[String],
    prediction: Option<&str>,
) -> PageScore {
    let output = collapse_whitespace(prediction.unwrap_or_default());
    let (found_with, missed) = partition_found(with, &output);
    let (found_without, clean) = partition_found(without, &output);
    PageScore {
        id: id.to_string(),
        url: url.map(str::to_string),
        predicted: prediction.is_some(),
        error: None,
        tp: found_with.len(),
        fp: found_without.len(),
        fn_: missed.len(),
        tn: clean.len(),
        exact: missed.is_empty() && found_without.is_empty(),
        missed,
        leaked: found_without,
    }
}

/// Splits `snippets` (whitespace-collapsed) into those found in `output`
/// and those not.
fn partition_found(snippets: &[String], output: &str) -> (Vec<Snippet>, Vec<Snippet>) {
    snippets
        .iter()
        .map(|s| collapse_whitespace(s))
        .map(|text| Snippet {
            tokens: tokens(&text).len(),
            text,
        })
        .partition(|snippet| output.contains(&snippet.text))
}

/// Micro-averaged figures: counts summed over pages, then precision
/// `tp/(tp+fp)`, recall `tp/(tp+fn)`, F1 `2tp/(2tp+fp+fn)`, accuracy
/// `(tp+tn)/all`. A zero denominator gives 0 (score.py would raise for F1).
pub fn summarise(pages: &[PageScore]) -> Summary {
    let sum = |field: fn(&PageScore) -> usize| pages.iter().map(field).sum::<usize>() as f64;
    let (tp, fp, fn_, tn) = (sum(|p| p.tp), sum(|p| p.fp), sum(|p| p.fn_), sum(|p| p.tn));
    let divide = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    Summary {
        f1: divide(2.0 * tp, 2.0 * tp + fp + fn_),
        precision: divide(tp, tp + fp),
        recall: divide(tp, tp + fn_),
        accuracy: divide(tp + tn, tp + fp + fn_ + tn),
    }
}
