//! stub
pub fn demo_portfolio(_s: &[String], _a: chrono::NaiveDate) -> crate::store::Portfolio { Default::default() }
pub fn large_portfolio(_s: &[String], _a: chrono::NaiveDate) -> crate::store::Portfolio { Default::default() }
