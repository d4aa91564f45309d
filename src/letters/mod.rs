//! Letters and their limits: counting as portals count (see [`count`]),
//! limits as portals state them (see [`limit`]), and each answer measured
//! against its limit, for `resume letter count` and `resume check`. It
//! knows nothing of the résumé: the model's letters use it
//! ([`crate::model::answers`]).

pub mod count;
pub mod limit;

pub use count::{Counts, Encoding};
pub use limit::{Limit, Unit, Verdict, thousands};
