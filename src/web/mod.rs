//! Browser glue: thin functions over the browser's facilities. Every
//! decision is made in [`crate::model`]; these only read, write and
//! report what the browser did.

pub mod dom;
pub mod embed;
pub mod files;
pub mod hash;
pub mod install;
pub mod keys;
pub mod lang;
pub mod parts;
pub mod share;
pub mod storage;
