//! One component per view of the navigation bar.

pub mod about;
pub mod charts;
pub mod commitments;
pub mod figures;
pub mod replies;
