//! Pages as ordered text blocks with features; HTML and plain text meet here.
