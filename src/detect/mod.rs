#![allow(missing_docs)]
//! Structured identifier detectors (placeholder until the validated detectors land).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub evidence: Evidence,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    SePersonnummer,
    SeSamordningsnummer,
    DkCpr,
    NoFodselsnummer,
    NoDNummer,
    NoHNummer,
    NoFhNummer,
    NoSyntheticTest,
    FiHetu,
    FiHetuTemporary,
    MistypedId,
    Phone,
    Email,
    StreetAddress,
    Postcode,
    BirthDate,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    Checksum,
    DateAndContext,
    DateAndDashForm,
    Shape,
    Context,
}
#[derive(Debug, Clone, Copy)]
pub struct DetectCtx {
    pub today_year: u16,
    pub today_month: u8,
    pub today_day: u8,
}
pub fn find_all(_text: &str, _ctx: &DetectCtx, _out: &mut Vec<Candidate>) {}
