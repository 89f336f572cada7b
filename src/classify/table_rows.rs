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
    if std::env::var_os("TAB_OFF").is_some() {
        return;
    }
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
        if end <= last && is_table(lines, start..end) && (beside || std::env::var_os("TAB_FAR").is_some()) {
            for i in start..end {
                if own_kinds.get(i) == Some(&Kind::Body) {
                    if let Some(kind) = kinds.get_mut(i) {
                        *kind = Kind::Body;
                    }
                }
            }
        }
        start = end;
    }
}
