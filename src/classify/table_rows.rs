//! Tables inside the article of a text dump: consecutive lines at one
//! indentation whose text the converter aligned in columns (a benchmark's
//! figures, a comparison, a spec sheet). Each row alone is a short line
//! of figures or labels, so the shape rules remove most of them; a table
//! between the article's kept lines is the article's.

use super::Kind;
use crate::blocks::{Block, LineShape};
use crate::rules::text_recall::{MAX_LINES_FROM_TABLE, MIN_TABLE_CELLS, MIN_TABLE_ROWS};

/// The end (exclusive) of the run of lines starting at `start`: lines of
/// one paragraph (no blank line between) at one indentation.
fn run_end(blocks: &[Block], lines: &[LineShape], start: usize) -> usize {
    let (Some(first), Some(layout)) = (blocks.get(start), lines.get(start)) else {
        return start + 1;
    };
    let mut end = start + 1;
    while blocks.get(end).is_some_and(|b| b.group == first.group)
        && lines.get(end).is_some_and(|l| l.indent == layout.indent)
    {
        end += 1;
    }
    end
}

/// True if most lines of the run are rows of cells.
fn is_table(lines: &[LineShape], run: std::ops::Range<usize>) -> bool {
    let rows = run.len();
    let with_cells = lines
        .get(run)
        .unwrap_or_default()
        .iter()
        .filter(|l| l.cells >= MIN_TABLE_CELLS)
        .count();
    rows >= MIN_TABLE_ROWS && 2 * with_cells > rows
}

/// Gives back the rows of tables set between the article's first and last
/// kept lines. `own_kinds` are the lines' kinds on their own.
pub fn restore(blocks: &[Block], lines: &[LineShape], own_kinds: &[Kind], kinds: &mut [Kind]) {
    let first = kinds.iter().position(|k| *k == Kind::Body);
    let last = kinds.iter().rposition(|k| *k == Kind::Body);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let mut start = first + 1;
    while start < last {
        let end = run_end(blocks, lines, start);
        let near_article = |i: usize| kinds.get(i) == Some(&Kind::Body);
        let beside = (start.saturating_sub(MAX_LINES_FROM_TABLE)..start).any(near_article)
            || (end..end + MAX_LINES_FROM_TABLE).any(near_article);
        if end <= last && is_table(lines, start..end) && beside {
            for i in start..end {
                if own_kinds.get(i) == Some(&Kind::Body)
                    && let Some(kind) = kinds.get_mut(i)
                {
                    *kind = Kind::Body;
                }
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::{P1, P2, P3, text_body};

    /// A layout-keeping dump with `rows` set deeper than the article,
    /// between its first and second paragraphs.
    fn page(rows: &[&str]) -> String {
        let table: String = rows.iter().map(|r| format!("          {r}\n")).collect();
        format!("  * Home\n\n      {P1}\n\n{table}\n      {P2}\n\n      {P3}\n")
    }

    #[test]
    fn a_table_between_the_article_paragraphs_is_the_article() {
        // Each row is a heading-like line with an empty section and sits
        // off the article's indentation: the line rules remove them all.
        let rows = [
            "file           fast      slow",
            "apache_builds  2.3 GB/s  0.098 GB/s",
            "gsoc-2018      3.3 GB/s  0.091 GB/s",
        ];
        let collapsed = [
            "file fast slow",
            "apache_builds 2.3 GB/s 0.098 GB/s",
            "gsoc-2018 3.3 GB/s 0.091 GB/s",
        ];
        let mut expected = vec![P1];
        expected.extend(collapsed);
        expected.extend([P2, P3]);
        assert_eq!(text_body(&page(&rows)), expected);
    }

    #[test]
    fn lines_without_columns_are_no_table() {
        let rows = [
            "Related",
            "Budget Vote Delayed Again",
            "Mayor Opens New Bridge",
        ];
        // Teaser titles, one per line: the rows of no table.
        let body = text_body(&page(&rows));
        assert!(
            !body
                .iter()
                .any(|l| l == "Related" || l == "Budget Vote Delayed Again"),
            "{body:?}"
        );
    }
}
