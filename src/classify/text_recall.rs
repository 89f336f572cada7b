//! Gives back to a text dump's body the article lines that the shape and
//! neighbourhood rules removed one by one, where a run of them has a shape
//! of its own that only an article has. Each shape is one module; this
//! runs them in order after [`super::text_shape`].

use super::{Kind, dump_headings, dump_openers, numbered_lists, quantity_lists, table_rows};
use crate::blocks::{Block, LineShape};

/// Runs every recall rule on the kinds the other rules left. `own_kinds`
/// are the lines' kinds on their own.
pub fn apply(blocks: &[Block], lines: &[LineShape], own_kinds: &[Kind], kinds: &mut [Kind]) {
    quantity_lists::restore(blocks, own_kinds, kinds);
    numbered_lists::restore(blocks, own_kinds, kinds);
    table_rows::restore(blocks, lines, own_kinds, kinds);
    dump_headings::restore(blocks, lines, own_kinds, kinds);
    dump_openers::restore(blocks, lines, own_kinds, kinds);
}
