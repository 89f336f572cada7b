//! Vocabularies and thresholds of the heuristics, as documented data.
pub mod quotes;
