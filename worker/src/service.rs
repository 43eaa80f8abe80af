//! The operations that both the JSON API (`api`) and the desk pages (`desk_pages`) perform, so
//! that neither calls into the other: accounts, questions to the expert, and the review of
//! proposals. The content workflow (`editorial`) is of the same layer. Every SQL statement is in
//! `db`.

pub mod accounts;
pub mod appointments;
pub mod bank;
pub mod bank_desk;
pub mod labs;
pub mod monitoring;
pub mod questions;
pub mod review;
