//! The streaming parallel pipeline: read pages in bounded chunks, extract
//! them on rayon's pool, write results in input order.
