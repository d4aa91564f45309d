//! Which month is "now".
//!
//! Ongoing periods and durations depend on today's date, so a build is only
//! reproducible when today is pinned: `--today YYYY-MM` wins, then the
//! `SOURCE_DATE_EPOCH` convention of reproducible builds (read in UTC, so
//! the same on every machine), then the clock, read in the local time zone:
//! a 이력서 signed at 8 a.m. in Seoul carries that day, not yesterday's.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};
use crate::model::YearMonth;

/// Resolves today from the flag, the environment, or the system clock.
pub fn resolve(flag: Option<&str>) -> Result<YearMonth> {
    if let Some(text) = flag {
        return YearMonth::parse(text).ok_or_else(|| {
            Error::new(format!("`--today {text}` is not a month")).with_hint("write it as `--today 2026-11`")
        });
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch.trim().parse().map_err(|_| {
            Error::new(format!("SOURCE_DATE_EPOCH=`{epoch}` is not a number of seconds"))
                .with_hint("set it to a Unix timestamp, such as `SOURCE_DATE_EPOCH=1700000000`, or unset it")
        })?;
        return Ok(from_unix_seconds(seconds));
    }
    Ok(from_unix_seconds(local_now()))
}

/// The clock as local seconds: Unix time moved by the local zone's offset.
fn local_now() -> i64 {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    seconds + local_offset(seconds)
}

/// Korea's offset from UTC (Asia/Seoul has had no daylight saving since 1988).
const KOREA: i64 = 9 * 3600;

/// Seconds east of UTC of the local time zone at `seconds`: the system's
/// zone where it has one (`TZ`, or `/etc/localtime`), else Korea's, where
/// most applications this tool makes are signed.
fn local_offset(seconds: i64) -> i64 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let has_zone = std::env::var_os("TZ").is_some() || std::path::Path::new("/etc/localtime").exists();
        if has_zone {
            let time = seconds as libc::time_t;
            // SAFETY: `tm` is plain data that `localtime_r` fills in; it
            // keeps no pointer to it, and nothing in this process sets `TZ`.
            let mut tm: libc::tm = unsafe { std::mem::zeroed() };
            if !unsafe { libc::localtime_r(&time, &mut tm) }.is_null() {
                return tm.tm_gmtoff;
            }
        }
    }
    let _ = seconds;
    KOREA
}

/// The day of the month today, for what is signed and dated (the 이력서
/// form): from `SOURCE_DATE_EPOCH` or the clock, and unknown when
/// `--today` pins only a month.
pub fn day(flag: Option<&str>) -> Option<u8> {
    if flag.is_some() {
        return None;
    }
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch.trim().parse().ok()?,
        Err(_) => local_now(),
    };
    Some(civil(seconds).2)
}

/// The UTC month of a Unix timestamp.
fn from_unix_seconds(seconds: i64) -> YearMonth {
    let (year, month, _) = civil(seconds);
    YearMonth { year, month, year_only: false }
}

/// Year, month and day of a Unix timestamp (Howard Hinnant's
/// civil-from-days).
fn civil(seconds: i64) -> (u16, u8, u8) {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year.clamp(1000, 9999) as u16, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_timestamps() {
        assert_eq!(from_unix_seconds(0).to_string(), "1970-01");
        assert_eq!(from_unix_seconds(1_795_651_200).to_string(), "2026-11"); // 2026-11-26
        assert_eq!(from_unix_seconds(951_782_400).to_string(), "2000-02"); // 2000-02-29
        assert_eq!(civil(951_782_400), (2000, 2, 29));
        assert_eq!(civil(1_795_651_200), (2026, 11, 26));
    }

    #[test]
    fn flag_wins_and_is_checked() {
        assert_eq!(resolve(Some("2026-11")).unwrap().to_string(), "2026-11");
        assert!(resolve(Some("November")).is_err());
    }
}
