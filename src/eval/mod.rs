//! Benchmark scoring for `decant eval`.
