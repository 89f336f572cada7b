//! Command-line arguments → validated [`crate::Config`], and the commands.
