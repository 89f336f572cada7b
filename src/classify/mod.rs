//! Block classification: body or a kind of boilerplate.
