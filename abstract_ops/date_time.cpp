// ECMA-262 §21.4.1 Overview of Date Objects and Definitions of Abstract Operations.
#include "abstract_ops/date_time.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>

#include "abstract_ops/type_conversion.h"
#include "runtime/completion.h"
#include "runtime/value.h"
#include "spec/step.h"

namespace lockstep {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// x modulo y for y > 0: the result has the sign of y (§5.2.5).
double modulo(double x, double y)
{
    double r = std::fmod(x, y);
    return r < 0 ? r + y : r + 0.0;  // + 0.0: -0 modulo y is +0
}

// ---- the host's time zone rules (the C library's: TZ, else /etc/localtime) ----

// The UTC offset of the system time zone at an instant, in seconds.
int64_t system_offset_seconds(int64_t epochSeconds)
{
    time_t time = time_t(epochSeconds);
    struct tm fields;
    if (!localtime_r(&time, &fields)) return 0;
    return fields.tm_gmtoff;
}

constexpr EpochNanoseconds kNanosecondsPerSecond = 1000000000;
constexpr EpochNanoseconds kNanosecondsPerDay = 86400 * kNanosecondsPerSecond;

int64_t floor_seconds(EpochNanoseconds ns)
{
    EpochNanoseconds q = ns / kNanosecondsPerSecond;
    if (ns % kNanosecondsPerSecond < 0) q -= 1;
    return int64_t(q);
}

EpochNanoseconds system_offset_nanoseconds(EpochNanoseconds epochNanoseconds)
{
    return system_offset_seconds(floor_seconds(epochNanoseconds)) * kNanosecondsPerSecond;
}

// The instant T (epoch seconds) at which the system time zone's offset
// changes from the offset at `before` to the offset at `after` (before < after,
// different offsets): the first second whose offset differs from before's.
int64_t transition_between(int64_t before, int64_t after)
{
    int64_t offsetBefore = system_offset_seconds(before);
    while (after - before > 1) {
        int64_t middle = before + (after - before) / 2;
        if (system_offset_seconds(middle) == offsetBefore)
            before = middle;
        else
            after = middle;
    }
    return after;
}

// The name of the host's zone: the target of the /etc/localtime link
// (…/zoneinfo/Europe/Berlin → "Europe/Berlin"), else the first line of
// /etc/timezone (where Debian names it when /etc/localtime is a copy), else "UTC".
std::string host_zone_name()
{
    char target[4096];
    ssize_t n = readlink("/etc/localtime", target, sizeof target - 1);
    if (n > 0) {
        std::string path(target, size_t(n));
        size_t at = path.find("zoneinfo/");
        if (at != std::string::npos) return path.substr(at + 9);
    }
    std::ifstream file("/etc/timezone");
    std::string line;
    if (std::getline(file, line) && !line.empty()) return line;
    return "UTC";
}

// ECMA-402's AvailableNamedTimeZoneIdentifiers resolves these Links to "UTC".
bool is_utc_alias(std::string_view name)
{
    static constexpr std::string_view aliases[] = {
        "UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu",
        "Etc/Greenwich", "Greenwich", "Etc/GMT0", "GMT0", "Etc/GMT+0", "GMT+0", "Etc/GMT-0", "GMT-0", "UTC0", ""};
    return std::find(std::begin(aliases), std::end(aliases), name) != std::end(aliases);
}

std::u16string ascii_to_utf16(std::string_view ascii) { return std::u16string(ascii.begin(), ascii.end()); }

// ---- the grammars' digits ----

// Reads exactly `count` decimal digits at `i`, advancing past them.
bool read_digits(std::u16string_view s, size_t& i, size_t count, int& value)
{
    if (s.size() - i < count) return false;
    value = 0;
    for (size_t k = 0; k < count; ++k) {
        char16_t c = s[i + k];
        if (c < u'0' || c > u'9') return false;
        value = value * 10 + (c - u'0');
    }
    i += count;
    return true;
}

bool read_char(std::u16string_view s, size_t& i, char16_t c)
{
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    return true;
}

// The Parse Nodes of a UTCOffset (§21.4.1.33) that ParseTimeZoneOffsetString reads.
struct UTCOffsetParse {
    char16_t sign;
    int hour;
    std::optional<int> minute, second;
    std::u16string_view fraction;  // TemporalDecimalFraction, separator included
};

// ParseText(offsetString, |UTCOffset|): nullopt is a List of errors.
std::optional<UTCOffsetParse> parse_utc_offset(std::u16string_view s)
{
    UTCOffsetParse result{};
    size_t i = 0;
    if (s.empty() || (s[0] != u'+' && s[0] != u'-')) return std::nullopt;
    result.sign = s[i++];
    if (!read_digits(s, i, 2, result.hour) || result.hour > 23) return std::nullopt;
    if (i == s.size()) return result;
    // HourSubcomponents[+Extended] or [~Extended]: the separators all ":" or all absent.
    bool extended = s[i] == u':';
    auto minute_second = [&](std::optional<int>& out) {
        int value;
        if (extended && !read_char(s, i, u':')) return false;
        if (!read_digits(s, i, 2, value) || value > 59) return false;
        out = value;
        return true;
    };
    if (!minute_second(result.minute)) return std::nullopt;
    if (i == s.size()) return result;
    if (!minute_second(result.second)) return std::nullopt;
    if (i == s.size()) return result;
    if (s[i] != u'.' && s[i] != u',') return std::nullopt;
    size_t digits = s.size() - i - 1;
    if (digits < 1 || digits > 9) return std::nullopt;
    for (size_t k = i + 1; k < s.size(); ++k)
        if (s[k] < u'0' || s[k] > u'9') return std::nullopt;
    result.fraction = s.substr(i);
    return result;
}

// Cumulative days before month mn (0-11) in a common year.
constexpr double kDaysBeforeMonth[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

}  // namespace

// §21.4.1.3 Day ( t )
double Day(double t)
{
    SPEC_ALGORITHM("sec-day");
    STEP("1");
    return std::floor(t / msPerDay);
}

// §21.4.1.4 TimeWithinDay ( t )
double TimeWithinDay(double t)
{
    SPEC_ALGORITHM("sec-timewithinday");
    STEP("1");
    return modulo(t, msPerDay);
}

// §21.4.1.5 DaysInYear ( y )
double DaysInYear(double y)
{
    SPEC_ALGORITHM("sec-daysinyear");
    STEP("1");
    double ry = y;
    STEP("2");
    if (modulo(ry, 400) == 0) return 366;
    STEP("3");
    if (modulo(ry, 100) == 0) return 365;
    STEP("4");
    if (modulo(ry, 4) == 0) return 366;
    STEP("5");
    return 365;
}

// §21.4.1.6 DayFromYear ( y )
double DayFromYear(double y)
{
    SPEC_ALGORITHM("sec-dayfromyear");
    STEP("1");
    double ry = y;
    STEP("2");
    STEP("3");
    double numYears1 = ry - 1970;
    STEP("4");
    double numYears4 = std::floor((ry - 1969) / 4);
    STEP("5");
    double numYears100 = std::floor((ry - 1901) / 100);
    STEP("6");
    double numYears400 = std::floor((ry - 1601) / 400);
    STEP("7");
    return 365 * numYears1 + numYears4 - numYears100 + numYears400;
}

// §21.4.1.7 TimeFromYear ( y )
double TimeFromYear(double y)
{
    SPEC_ALGORITHM("sec-timefromyear");
    STEP("1");
    return msPerDay * DayFromYear(y);
}

// §21.4.1.8 YearFromTime ( t )
double YearFromTime(double t)
{
    SPEC_ALGORITHM("sec-yearfromtime");
    STEP("1");
    // From the mean Gregorian year (365.2425 days) an estimate off by at
    // most one, then the largest y with TimeFromYear(y) ≤ t.
    double y = std::floor(t / (msPerDay * 365.2425)) + 1970;
    while (TimeFromYear(y) > t) y -= 1;
    while (TimeFromYear(y + 1) <= t) y += 1;
    return y;
}

// §21.4.1.9 DayWithinYear ( t )
double DayWithinYear(double t)
{
    SPEC_ALGORITHM("sec-daywithinyear");
    STEP("1");
    return Day(t) - DayFromYear(YearFromTime(t));
}

// §21.4.1.10 InLeapYear ( t )
double InLeapYear(double t)
{
    SPEC_ALGORITHM("sec-inleapyear");
    STEP("1");
    return DaysInYear(YearFromTime(t)) == 366 ? 1 : 0;
}

// §21.4.1.11 MonthFromTime ( t )
double MonthFromTime(double t)
{
    SPEC_ALGORITHM("sec-monthfromtime");
    STEP("1");
    double inLeapYear = InLeapYear(t);
    STEP("2");
    double dayWithinYear = DayWithinYear(t);
    STEP("3");
    if (dayWithinYear < 31) return 0;
    STEP("4");
    if (dayWithinYear < 59 + inLeapYear) return 1;
    STEP("5");
    if (dayWithinYear < 90 + inLeapYear) return 2;
    STEP("6");
    if (dayWithinYear < 120 + inLeapYear) return 3;
    STEP("7");
    if (dayWithinYear < 151 + inLeapYear) return 4;
    STEP("8");
    if (dayWithinYear < 181 + inLeapYear) return 5;
    STEP("9");
    if (dayWithinYear < 212 + inLeapYear) return 6;
    STEP("10");
    if (dayWithinYear < 243 + inLeapYear) return 7;
    STEP("11");
    if (dayWithinYear < 273 + inLeapYear) return 8;
    STEP("12");
    if (dayWithinYear < 304 + inLeapYear) return 9;
    STEP("13");
    if (dayWithinYear < 334 + inLeapYear) return 10;
    STEP("14");
    SPEC_ASSERT(dayWithinYear < 365 + inLeapYear);
    STEP("15");
    return 11;
}

// §21.4.1.12 DateFromTime ( t )
double DateFromTime(double t)
{
    SPEC_ALGORITHM("sec-datefromtime");
    STEP("1");
    double inLeapYear = InLeapYear(t);
    STEP("2");
    double dayWithinYear = DayWithinYear(t);
    STEP("3");
    double month = MonthFromTime(t);
    STEP("4");
    if (month == 0) return dayWithinYear + 1;
    STEP("5");
    if (month == 1) return dayWithinYear - 30;
    STEP("6");
    if (month == 2) return dayWithinYear - 58 - inLeapYear;
    STEP("7");
    if (month == 3) return dayWithinYear - 89 - inLeapYear;
    STEP("8");
    if (month == 4) return dayWithinYear - 119 - inLeapYear;
    STEP("9");
    if (month == 5) return dayWithinYear - 150 - inLeapYear;
    STEP("10");
    if (month == 6) return dayWithinYear - 180 - inLeapYear;
    STEP("11");
    if (month == 7) return dayWithinYear - 211 - inLeapYear;
    STEP("12");
    if (month == 8) return dayWithinYear - 242 - inLeapYear;
    STEP("13");
    if (month == 9) return dayWithinYear - 272 - inLeapYear;
    STEP("14");
    if (month == 10) return dayWithinYear - 303 - inLeapYear;
    STEP("15");
    SPEC_ASSERT(month == 11);
    STEP("16");
    return dayWithinYear - 333 - inLeapYear;
}

// §21.4.1.13 WeekDay ( t )
double WeekDay(double t)
{
    SPEC_ALGORITHM("sec-weekday");
    STEP("1");
    return modulo(Day(t) + 4, 7);
}

// §21.4.1.14 HourFromTime ( t )
double HourFromTime(double t)
{
    SPEC_ALGORITHM("sec-hourfromtime");
    STEP("1");
    return modulo(std::floor(t / msPerHour), HoursPerDay);
}

// §21.4.1.15 MinFromTime ( t )
double MinFromTime(double t)
{
    SPEC_ALGORITHM("sec-minfromtime");
    STEP("1");
    return modulo(std::floor(t / msPerMinute), MinutesPerHour);
}

// §21.4.1.16 SecFromTime ( t )
double SecFromTime(double t)
{
    SPEC_ALGORITHM("sec-secfromtime");
    STEP("1");
    return modulo(std::floor(t / msPerSecond), SecondsPerMinute);
}

// §21.4.1.17 msFromTime ( t )
double msFromTime(double t)
{
    SPEC_ALGORITHM("sec-msfromtime");
    STEP("1");
    return modulo(t, msPerSecond);
}

// §21.4.1.18 GetUTCEpochNanoseconds
EpochNanoseconds GetUTCEpochNanoseconds(Agent& agent, double year, double month, double day, double hour,
                                        double minute, double second, double millisecond, double microsecond,
                                        double nanosecond)
{
    SPEC_ALGORITHM("sec-getutcepochnanoseconds");
    STEP("1");
    double date = MakeDay(agent, year, month - 1, day);
    STEP("2");
    double time = MakeTime(agent, hour, minute, second, millisecond);
    STEP("3");
    double ms = MakeDate(date, time);
    STEP("4");
    SPEC_ASSERT(std::isfinite(ms) && std::trunc(ms) == ms);
    STEP("5");
    return EpochNanoseconds(ms) * 1000000 + EpochNanoseconds(microsecond) * 1000 + EpochNanoseconds(nanosecond);
}

// §21.4.1.20 GetNamedTimeZoneEpochNanoseconds
std::vector<EpochNanoseconds> GetNamedTimeZoneEpochNanoseconds(Agent& agent, std::u16string_view timeZoneIdentifier,
                                                               double year, double month, double day, double hour,
                                                               double minute, double second, double millisecond,
                                                               double microsecond, double nanosecond)
{
    SPEC_ALGORITHM("sec-getnamedtimezoneepochnanoseconds");
    if (timeZoneIdentifier == u"UTC") {
        STEP("1");
        STEP("2");
        EpochNanoseconds epochNanoseconds = GetUTCEpochNanoseconds(agent, year, month, day, hour, minute, second,
                                                                   millisecond, microsecond, nanosecond);
        STEP("3");
        return {epochNanoseconds};
    }
    // The system time zone, with the host's political rules: the wall-clock
    // time read as UTC, less each offset in force a day either side (no zone
    // changes its offset twice within two days), is a candidate; it is an
    // answer if that offset is the one in force at it.
    EpochNanoseconds wallClock = GetUTCEpochNanoseconds(agent, year, month, day, hour, minute, second, millisecond,
                                                        microsecond, nanosecond);
    std::vector<EpochNanoseconds> instants;
    for (EpochNanoseconds probe : {wallClock - kNanosecondsPerDay, wallClock + kNanosecondsPerDay}) {
        EpochNanoseconds offset = GetNamedTimeZoneOffsetNanoseconds(timeZoneIdentifier, probe);
        EpochNanoseconds candidate = wallClock - offset;
        if (GetNamedTimeZoneOffsetNanoseconds(timeZoneIdentifier, candidate) == offset &&
            std::find(instants.begin(), instants.end(), candidate) == instants.end())
            instants.push_back(candidate);
    }
    std::sort(instants.begin(), instants.end());
    return instants;
}

// §21.4.1.21 GetNamedTimeZoneOffsetNanoseconds
EpochNanoseconds GetNamedTimeZoneOffsetNanoseconds(std::u16string_view timeZoneIdentifier,
                                                   EpochNanoseconds epochNanoseconds)
{
    SPEC_ALGORITHM("sec-getnamedtimezoneoffsetnanoseconds");
    if (timeZoneIdentifier == u"UTC") {
        STEP("1");
        STEP("2");
        return 0;
    }
    // The system time zone (the only other one lockstep knows): the C library's rules.
    return system_offset_nanoseconds(epochNanoseconds);
}

// §21.4.1.24 SystemTimeZoneIdentifier ( )
std::u16string SystemTimeZoneIdentifier()
{
    SPEC_ALGORITHM("sec-systemtimezoneidentifier");
    STEP("1");  // lockstep follows the host's time zone, not only UTC
    STEP("2");
    // TZ (":Europe/Berlin" and "Europe/Berlin" alike), else the host's
    // zone — what localtime_r consults. The host's zone does not change
    // while a process runs (the C library reads it once, too).
    static const std::string hostZone = host_zone_name();
    const char* tz = std::getenv("TZ");
    std::string_view name = tz ? std::string_view(tz) : std::string_view(hostZone);
    if (!name.empty() && name[0] == ':') name.remove_prefix(1);
    std::u16string systemTimeZoneString = is_utc_alias(name) ? u"UTC" : ascii_to_utf16(name);
    STEP("3");
    return systemTimeZoneString;
}

std::string SystemTimeZoneName(double tv)
{
    std::u16string identifier = SystemTimeZoneIdentifier();
    if (identifier == u"UTC") return "UTC";
    if (IsTimeZoneOffsetString(identifier)) return std::string(identifier.begin(), identifier.end());
    time_t time = time_t(std::floor(tv / msPerSecond));
    struct tm fields;
    if (!localtime_r(&time, &fields) || !fields.tm_zone) return "UTC";
    return fields.tm_zone;
}

// §21.4.1.25 LocalTime ( t )
double LocalTime(double t)
{
    SPEC_ALGORITHM("sec-localtime");
    STEP("1");
    std::u16string systemTimeZoneIdentifier = SystemTimeZoneIdentifier();
    EpochNanoseconds offsetNs;
    STEP("2");
    if (IsTimeZoneOffsetString(systemTimeZoneIdentifier)) {
        STEP("2.a");
        offsetNs = ParseTimeZoneOffsetString(systemTimeZoneIdentifier);
    } else {
        STEP("3");
        STEP("3.a");
        offsetNs = GetNamedTimeZoneOffsetNanoseconds(systemTimeZoneIdentifier, EpochNanoseconds(t) * 1000000);
    }
    STEP("4");
    double offsetMs = double(offsetNs / 1000000);  // C++ division truncates
    STEP("5");
    return t + offsetMs;
}

// §21.4.1.26 UTC ( t )
double UTC(Agent& agent, double t)
{
    SPEC_ALGORITHM("sec-utc-t");
    STEP("1");
    if (!std::isfinite(t)) return NaN;
    // Beyond the time value range by more than any UTC offset, the result is
    // outside it for every offset (every caller TimeClips it to NaN), and the
    // fields of t below would not be those of a time value.
    if (std::fabs(t) > 8.64e15 + 10 * msPerDay) return NaN;
    STEP("2");
    std::u16string systemTimeZoneIdentifier = SystemTimeZoneIdentifier();
    EpochNanoseconds offsetNs;
    STEP("3");
    if (IsTimeZoneOffsetString(systemTimeZoneIdentifier)) {
        STEP("3.a");
        offsetNs = ParseTimeZoneOffsetString(systemTimeZoneIdentifier);
    } else {
        STEP("4");
        STEP("4.a");
        std::vector<EpochNanoseconds> possibleInstants = GetNamedTimeZoneEpochNanoseconds(
            agent, systemTimeZoneIdentifier, YearFromTime(t), MonthFromTime(t) + 1, DateFromTime(t), HourFromTime(t),
            MinFromTime(t), SecFromTime(t), msFromTime(t), 0, 0);
        STEP("4.b");
        EpochNanoseconds disambiguatedInstant;
        STEP("4.c");
        if (!possibleInstants.empty()) {
            STEP("4.c.i");
            disambiguatedInstant = possibleInstants[0];
        } else {
            STEP("4.d");
            STEP("4.d.i");
            STEP("4.d.ii");
            // tBefore: the local time 1 ms before the gap that holds t. The
            // transition lies between t read with the offset after it and t
            // read with the offset before it.
            int64_t localSeconds = int64_t(std::floor(t / msPerSecond));
            int64_t offsetBefore = system_offset_seconds(localSeconds - 86400);
            int64_t offsetAfter = system_offset_seconds(localSeconds + 86400);
            int64_t transition = transition_between(localSeconds - offsetAfter, localSeconds - offsetBefore);
            double tBefore = double(transition + system_offset_seconds(transition - 1)) * msPerSecond - 1;
            std::vector<EpochNanoseconds> possibleInstantsBefore = GetNamedTimeZoneEpochNanoseconds(
                agent, systemTimeZoneIdentifier, YearFromTime(tBefore), MonthFromTime(tBefore) + 1,
                DateFromTime(tBefore), HourFromTime(tBefore), MinFromTime(tBefore), SecFromTime(tBefore),
                msFromTime(tBefore), 0, 0);
            SPEC_ASSERT(!possibleInstantsBefore.empty());
            STEP("4.d.iii");
            disambiguatedInstant = possibleInstantsBefore.back();
        }
        STEP("4.e");
        offsetNs = GetNamedTimeZoneOffsetNanoseconds(systemTimeZoneIdentifier, disambiguatedInstant);
    }
    STEP("5");
    double offsetMs = double(offsetNs / 1000000);
    STEP("6");
    return t - offsetMs;
}

// §21.4.1.27 MakeTime ( hour, min, sec, ms )
double MakeTime(Agent& agent, double hour, double min, double sec, double ms)
{
    SPEC_ALGORITHM("sec-maketime");
    STEP("1");
    if (!std::isfinite(hour) || !std::isfinite(min) || !std::isfinite(sec) || !std::isfinite(ms)) return NaN;
    STEP("2");
    double h = MUST(ToIntegerOrInfinity(agent, Value::number(hour)));
    STEP("3");
    double m = MUST(ToIntegerOrInfinity(agent, Value::number(min)));
    STEP("4");
    double s = MUST(ToIntegerOrInfinity(agent, Value::number(sec)));
    STEP("5");
    double milli = MUST(ToIntegerOrInfinity(agent, Value::number(ms)));
    STEP("6");
    return ((h * msPerHour + m * msPerMinute) + s * msPerSecond) + milli;
}

// §21.4.1.28 MakeDay ( year, month, date )
double MakeDay(Agent& agent, double year, double month, double date)
{
    SPEC_ALGORITHM("sec-makeday");
    STEP("1");
    if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NaN;
    STEP("2");
    double y = MUST(ToIntegerOrInfinity(agent, Value::number(year)));
    STEP("3");
    double m = MUST(ToIntegerOrInfinity(agent, Value::number(month)));
    STEP("4");
    double dt = MUST(ToIntegerOrInfinity(agent, Value::number(date)));
    STEP("5");
    double ym = y + std::floor(m / 12);
    STEP("6");
    if (!std::isfinite(ym)) return NaN;
    STEP("7");
    double mn = modulo(m, 12);
    STEP("8");
    // The first day of month mn of year ym. "Finite time value" is read as
    // a finite integral Number exact to the millisecond (|t| ≤ 2^53): wider
    // than the Date range, so that the first of a month just outside it can
    // still name a day inside it (Date.UTC(-271821, 3, 20) is the minimum).
    double leapDay = mn >= 2 && DaysInYear(ym) == 366 ? 1 : 0;
    double t = TimeFromYear(ym) + (kDaysBeforeMonth[size_t(mn)] + leapDay) * msPerDay;
    if (!(std::fabs(t) <= 9007199254740992.0)) return NaN;
    STEP("9");
    return Day(t) + dt - 1;
}

// §21.4.1.29 MakeDate ( day, time )
double MakeDate(double day, double time)
{
    SPEC_ALGORITHM("sec-makedate");
    STEP("1");
    if (!std::isfinite(day) || !std::isfinite(time)) return NaN;
    STEP("2");
    double tv = day * msPerDay + time;
    STEP("3");
    if (!std::isfinite(tv)) return NaN;
    STEP("4");
    return tv;
}

// §21.4.1.30 MakeFullYear ( year )
double MakeFullYear(Agent& agent, double year)
{
    SPEC_ALGORITHM("sec-makefullyear");
    STEP("1");
    if (std::isnan(year)) return NaN;
    STEP("2");
    double truncated = MUST(ToIntegerOrInfinity(agent, Value::number(year)));
    STEP("3");
    if (truncated >= 0 && truncated <= 99) return 1900 + truncated;
    STEP("4");
    return truncated;
}

// §21.4.1.31 TimeClip ( time )
double TimeClip(Agent& agent, double time)
{
    SPEC_ALGORITHM("sec-timeclip");
    STEP("1");
    if (!std::isfinite(time)) return NaN;
    STEP("2");
    if (std::fabs(time) > 8.64e15) return NaN;
    STEP("3");
    return MUST(ToIntegerOrInfinity(agent, Value::number(time)));
}

// §21.4.1.32 Date Time String Format: YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z]],
// where YYYY may be an expanded year ±YYYYYY and Z is "Z" or ±HH:mm.
std::optional<double> ParseDateTimeStringFormat(Agent& agent, std::u16string_view s)
{
    size_t i = 0;
    int year, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        bool negative = s[i++] == u'-';
        if (!read_digits(s, i, 6, year)) return std::nullopt;
        if (negative && year == 0) return std::nullopt;  // §21.4.1.32.1: -000000 is not the year 0
        if (negative) year = -year;
    } else if (!read_digits(s, i, 4, year)) {
        return std::nullopt;
    }
    if (read_char(s, i, u'-')) {
        if (!read_digits(s, i, 2, month) || month < 1 || month > 12) return std::nullopt;
        if (read_char(s, i, u'-')) {
            if (!read_digits(s, i, 2, day) || day < 1) return std::nullopt;
            double firstOfMonth = MakeDay(agent, year, month - 1, 1);
            double daysInMonth = MakeDay(agent, year, month, 1) - firstOfMonth;
            if (day > daysInMonth) return std::nullopt;
        }
    }
    bool dateTimeForm = read_char(s, i, u'T');
    std::optional<double> offsetMs;
    if (dateTimeForm) {
        if (!read_digits(s, i, 2, hour) || hour > 24) return std::nullopt;
        if (!read_char(s, i, u':') || !read_digits(s, i, 2, minute) || minute > 59) return std::nullopt;
        if (read_char(s, i, u':')) {
            if (!read_digits(s, i, 2, second) || second > 59) return std::nullopt;
            if (read_char(s, i, u'.') && !read_digits(s, i, 3, millisecond)) return std::nullopt;
        }
        // 24:00 is the midnight that ends the day, and only that instant.
        if (hour == 24 && (minute != 0 || second != 0 || millisecond != 0)) return std::nullopt;
        if (read_char(s, i, u'Z')) {
            offsetMs = 0;
        } else if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
            double sign = s[i++] == u'-' ? -1 : 1;
            int offsetHours, offsetMinutes;
            if (!read_digits(s, i, 2, offsetHours) || offsetHours > 23) return std::nullopt;
            if (!read_char(s, i, u':') || !read_digits(s, i, 2, offsetMinutes) || offsetMinutes > 59)
                return std::nullopt;
            offsetMs = sign * (offsetHours * msPerHour + offsetMinutes * msPerMinute);
        }
    }
    if (i != s.size()) return std::nullopt;
    double t = MakeDate(MakeDay(agent, year, month - 1, day), MakeTime(agent, hour, minute, second, millisecond));
    if (offsetMs)
        t -= *offsetMs;
    else if (dateTimeForm)
        t = UTC(agent, t);  // date-time forms without an offset are local time
    return TimeClip(agent, t);
}

std::string DateTimeStringFormat(double tv)
{
    double year = YearFromTime(tv);
    char buffer[40];
    const char* yearFormat = year >= 0 && year <= 9999 ? "%04.0f" : year < 0 ? "-%06.0f" : "+%06.0f";
    int n = std::snprintf(buffer, sizeof buffer, yearFormat, std::fabs(year));
    std::snprintf(buffer + n, sizeof buffer - size_t(n), "-%02d-%02dT%02d:%02d:%02d.%03dZ", int(MonthFromTime(tv)) + 1,
                  int(DateFromTime(tv)), int(HourFromTime(tv)), int(MinFromTime(tv)), int(SecFromTime(tv)),
                  int(msFromTime(tv)));
    return buffer;
}

// §21.4.1.33.1 IsTimeZoneOffsetString ( offsetString )
bool IsTimeZoneOffsetString(std::u16string_view offsetString)
{
    SPEC_ALGORITHM("sec-istimezoneoffsetstring");
    STEP("1");
    std::optional<UTCOffsetParse> parseResult = parse_utc_offset(offsetString);
    STEP("2");
    if (!parseResult) return false;
    STEP("3");
    return true;
}

// §21.4.1.33.2 ParseTimeZoneOffsetString ( offsetString )
EpochNanoseconds ParseTimeZoneOffsetString(std::u16string_view offsetString)
{
    SPEC_ALGORITHM("sec-parsetimezoneoffsetstring");
    STEP("1");
    std::optional<UTCOffsetParse> parseResult = parse_utc_offset(offsetString);
    STEP("2");
    SPEC_ASSERT(parseResult.has_value());
    STEP("3");
    STEP("4");
    char16_t parsedSign = parseResult->sign;
    EpochNanoseconds sign;
    STEP("5");
    if (parsedSign == u'-') {
        STEP("5.a");
        sign = -1;
    } else {
        STEP("6");
        STEP("6.a");
        sign = 1;
    }
    STEP("7");
    STEP("8");
    STEP("9");
    STEP("10");
    EpochNanoseconds hours = parseResult->hour;
    EpochNanoseconds minutes, seconds, nanoseconds;
    STEP("11");
    if (!parseResult->minute) {
        STEP("11.a");
        minutes = 0;
    } else {
        STEP("12");
        STEP("12.a");
        STEP("12.b");
        minutes = *parseResult->minute;
    }
    STEP("13");
    if (!parseResult->second) {
        STEP("13.a");
        seconds = 0;
    } else {
        STEP("14");
        STEP("14.a");
        STEP("14.b");
        seconds = *parseResult->second;
    }
    STEP("15");
    if (parseResult->fraction.empty()) {
        STEP("15.a");
        nanoseconds = 0;
    } else {
        STEP("16");
        STEP("16.a");
        STEP("16.b");
        std::u16string fraction = std::u16string(parseResult->fraction) + u"000000000";
        STEP("16.c");
        std::u16string_view nanosecondsString = std::u16string_view(fraction).substr(1, 9);
        STEP("16.d");
        nanoseconds = EpochNanoseconds(StringToNumber(nanosecondsString));
    }
    STEP("17");
    return sign * (((hours * 60 + minutes) * 60 + seconds) * kNanosecondsPerSecond + nanoseconds);
}

}  // namespace lockstep
