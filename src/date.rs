//! Article dates: the forms editors write (ISO and Vietnamese day/month),
//! Vietnam time when no zone is given, and the `19/02/2020 | 07:02` display.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};

/// Vietnam time, UTC+07:00: the zone of a date written without one.
pub fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("+07:00 is a valid offset")
}

/// The forms accepted, for error messages.
pub const FORMS: &str = "19/02/2020 07:02, 19/02/2020, 2020-02-19 07:02, 2020-02-19, \
                         2020-02-19T07:02:00+07:00";

/// Parse a date in any accepted form. The error says what is wrong in words
/// an editor understands.
pub fn parse(input: &str) -> Result<DateTime<FixedOffset>, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err(crate::t!("date-empty"));
    }
    let (date_part, rest) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim()),
        None => (s, ""),
    };
    let date = parse_day(date_part, input)?;
    let (time, zone) = if rest.is_empty() {
        (NaiveTime::MIN, None)
    } else {
        parse_time_and_zone(rest, input)?
    };
    let zone = zone.unwrap_or_else(vietnam);
    zone.from_local_datetime(&date.and_time(time))
        .single()
        .ok_or_else(|| crate::t!("date-no-moment", input = input))
}

fn parse_day(part: &str, input: &str) -> Result<NaiveDate, String> {
    let unknown = || crate::t!("date-unknown", input = input);
    let (y, m, d) = if part.contains('-') {
        let mut it = part.split('-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        if it.next().is_some() {
            return Err(unknown());
        }
        (y, m, d)
    } else if part.contains('/') {
        let mut it = part.split('/');
        let (d, m, y) = (it.next(), it.next(), it.next());
        if it.next().is_some() {
            return Err(unknown());
        }
        (y, m, d)
    } else {
        return Err(unknown());
    };
    let num = |p: Option<&str>, max_len: usize| -> Result<u32, String> {
        let p = p.ok_or_else(unknown)?;
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(unknown());
        }
        p.parse().map_err(|_| unknown())
    };
    let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
    if y < 1000 {
        return Err(crate::t!("date-year-digits", input = input));
    }
    if !(1..=12).contains(&m) {
        return Err(crate::t!("date-no-month", input = input, month = m));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| crate::t!("date-no-day", input = input, month = m, year = y, day = d))
}

fn parse_time_and_zone(
    rest: &str,
    input: &str,
) -> Result<(NaiveTime, Option<FixedOffset>), String> {
    let split = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (time, zone) = (&rest[..split], rest[split..].trim());
    let bad_time = || crate::t!("date-bad-time", input = input, time = time);
    let parts: Vec<&str> = time.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return Err(bad_time());
    }
    let field = |p: &str| -> Result<u32, String> {
        let p = p.split('.').next().unwrap_or(p);
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad_time());
        }
        p.parse().map_err(|_| bad_time())
    };
    let h = field(parts[0])?;
    let m = field(parts[1])?;
    let sec = if parts.len() == 3 {
        field(parts[2])?
    } else {
        0
    };
    let time = NaiveTime::from_hms_opt(h, m, sec).ok_or_else(bad_time)?;
    let zone = if zone.is_empty() {
        None
    } else {
        Some(
            parse_zone(zone)
                .ok_or_else(|| crate::t!("date-bad-zone", input = input, zone = zone))?,
        )
    };
    Ok((time, zone))
}

fn parse_zone(z: &str) -> Option<FixedOffset> {
    if z == "Z" || z == "z" {
        return FixedOffset::east_opt(0);
    }
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// `19/02/2020`, in Vietnam time.
pub fn display_day(d: &DateTime<FixedOffset>) -> String {
    // Written out rather than with `format("%d/%m/%Y")`, which parses its
    // pattern on every call: this runs for every article.
    let d = d.with_timezone(&vietnam());
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// `07:02`, in Vietnam time.
pub fn display_time(d: &DateTime<FixedOffset>) -> String {
    let d = d.with_timezone(&vietnam());
    format!("{:02}:{:02}", d.hour(), d.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse(s).unwrap().to_rfc3339()
    }

    #[test]
    fn every_form_parses_in_vietnam_time() {
        let want = "2020-02-19T07:02:00+07:00";
        assert_eq!(iso("2020-02-19T07:02:00+07:00"), want);
        assert_eq!(iso("2020-02-19 07:02"), want);
        assert_eq!(iso("19/02/2020 07:02"), want);
        assert_eq!(iso("2020-02-19T07:02"), want);
        assert_eq!(iso("2020-02-19"), "2020-02-19T00:00:00+07:00");
        assert_eq!(iso("19/02/2020"), "2020-02-19T00:00:00+07:00");
        assert_eq!(iso("9/2/2020"), "2020-02-09T00:00:00+07:00");
        assert_eq!(iso("  2020-02-19 07:02:30 "), "2020-02-19T07:02:30+07:00");
    }

    #[test]
    fn explicit_zones_are_kept() {
        assert_eq!(iso("2020-02-19T00:02:00Z"), "2020-02-19T00:02:00+00:00");
        assert_eq!(iso("2020-02-19 07:02 +0900"), "2020-02-19T07:02:00+09:00");
        let d = parse("2020-02-19T00:02:00Z").unwrap();
        assert_eq!(display_time(&d), "07:02");
    }

    #[test]
    fn other_zones_are_displayed_in_vietnam_time() {
        let d = parse("2020-02-19T00:30:00Z").unwrap();
        assert_eq!(
            (display_day(&d), display_time(&d)),
            ("19/02/2020".into(), "07:30".into())
        );
        // A UTC evening is the next morning in Vietnam.
        let d = parse("2020-04-30T20:00:00Z").unwrap();
        assert_eq!(
            (display_day(&d), display_time(&d)),
            ("01/05/2020".into(), "03:00".into())
        );
        let d = parse("2020-02-18T19:02:00-05:00").unwrap();
        assert_eq!(
            (display_day(&d), display_time(&d)),
            ("19/02/2020".into(), "07:02".into())
        );
    }

    #[test]
    fn impossible_dates_are_errors_not_moved() {
        let e = parse("30/02/2020").unwrap_err();
        assert_eq!(
            e,
            crate::t!(
                "date-no-day",
                input = "30/02/2020",
                month = 2u32,
                year = 2020u32,
                day = 30u32
            )
        );
        assert!(parse("2021-02-29").is_err());
        assert!(parse("2020-02-29").is_ok());
        assert!(parse("19/13/2020").unwrap_err().contains("13"));
        assert!(parse("2020-02-19 25:00").is_err());
    }

    #[test]
    fn garbage_is_refused() {
        for s in [
            "",
            "hôm qua",
            "2020",
            "19.02.2020",
            "20-02-19",
            "2020-02-19 07:02 PM",
        ] {
            assert!(parse(s).is_err(), "{s:?} should be refused");
        }
    }

    #[test]
    fn display_is_day_month_year() {
        let d = parse("2020-02-19 07:02").unwrap();
        assert_eq!(display_day(&d), "19/02/2020");
        assert_eq!(display_time(&d), "07:02");
    }
}
