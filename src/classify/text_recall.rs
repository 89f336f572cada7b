//! Gives back to a text dump's body the article lines that the shape and
//! neighbourhood rules removed one by one, where a run of them has a shape
//! of its own that only an article has. Each shape is one module; this
//! runs them in order after [`super::text_shape`].

use super::{Kind, numbered_lists, quantity_lists};
use crate::blocks::{Block, LineShape};

/// Runs every recall rule on the kinds the other rules left. `own_kinds`
/// are the lines' kinds on their own.
pub fn apply(blocks: &[Block], _lines: &[LineShape], own_kinds: &[Kind], kinds: &mut [Kind]) {
    quantity_lists::restore(blocks, own_kinds, kinds);
    numbered_lists::restore(blocks, own_kinds, kinds);
}
