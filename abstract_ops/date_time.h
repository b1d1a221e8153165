// ECMA-262 §21.4.1 Overview of Date Objects and Definitions of Abstract
// Operations: time values, their fields, the local time zone, and the Date
// Time String Format.
// https://tc39.es/ecma262/#sec-overview-of-date-objects-and-definitions-of-abstract-operations
//
// Time values and the Numbers these operations take and return are doubles
// (the spec's Numbers; NaN is *NaN*). The BigInts of epoch nanoseconds and
// the integers of offset nanoseconds are EpochNanoseconds: exact, since a
// time value in nanoseconds (< 2^73) fits 128 bits.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep {

class Agent;

using EpochNanoseconds = __int128;

// §21.4.1.2 Time-related Constants
inline constexpr double HoursPerDay = 24;
inline constexpr double MinutesPerHour = 60;
inline constexpr double SecondsPerMinute = 60;
inline constexpr double msPerSecond = 1000;
inline constexpr double msPerMinute = 60000;
inline constexpr double msPerHour = 3600000;
inline constexpr double msPerDay = 86400000;

// §21.4.1.3 - §21.4.1.17: the fields of a finite time value t.
double Day(double t);
double TimeWithinDay(double t);
double DaysInYear(double y);
double DayFromYear(double y);
double TimeFromYear(double y);
double YearFromTime(double t);
double DayWithinYear(double t);
double InLeapYear(double t);
double MonthFromTime(double t);
double DateFromTime(double t);
double WeekDay(double t);
double HourFromTime(double t);
double MinFromTime(double t);
double SecFromTime(double t);
double msFromTime(double t);

// §21.4.1.18 GetUTCEpochNanoseconds ( year, month, day, hour, minute, second,
//                                      millisecond, microsecond, nanosecond )
EpochNanoseconds GetUTCEpochNanoseconds(Agent&, double year, double month, double day, double hour, double minute,
                                        double second, double millisecond, double microsecond, double nanosecond);
// §21.4.1.20 GetNamedTimeZoneEpochNanoseconds ( timeZoneIdentifier, year, month,
//            day, hour, minute, second, millisecond, microsecond, nanosecond )
std::vector<EpochNanoseconds> GetNamedTimeZoneEpochNanoseconds(Agent&, std::u16string_view timeZoneIdentifier,
                                                               double year, double month, double day, double hour,
                                                               double minute, double second, double millisecond,
                                                               double microsecond, double nanosecond);
// §21.4.1.21 GetNamedTimeZoneOffsetNanoseconds ( timeZoneIdentifier, epochNanoseconds )
EpochNanoseconds GetNamedTimeZoneOffsetNanoseconds(std::u16string_view timeZoneIdentifier,
                                                   EpochNanoseconds epochNanoseconds);
// §21.4.1.24 SystemTimeZoneIdentifier ( ): the host's time zone, from the C
// library's settings (TZ, else /etc/localtime); "UTC" for its aliases.
// Named time zones other than "UTC" are the system time zone, whose rules
// are the C library's (localtime_r): a program that changes TZ calls tzset().
std::u16string SystemTimeZoneIdentifier();
// An implementation-defined name of the system time zone at the instant
// tv (TimeZoneString's tzName): the C library's abbreviation ("UTC", "EST").
std::string SystemTimeZoneName(double tv);

// §21.4.1.25 LocalTime ( t )
double LocalTime(double t);
// §21.4.1.26 UTC ( t )
double UTC(Agent&, double t);
// §21.4.1.27 MakeTime ( hour, min, sec, ms )
double MakeTime(Agent&, double hour, double min, double sec, double ms);
// §21.4.1.28 MakeDay ( year, month, date )
double MakeDay(Agent&, double year, double month, double date);
// §21.4.1.29 MakeDate ( day, time )
double MakeDate(double day, double time);
// §21.4.1.30 MakeFullYear ( year )
double MakeFullYear(Agent&, double year);
// §21.4.1.31 TimeClip ( time )
double TimeClip(Agent&, double time);

// §21.4.1.32 Date Time String Format: the time value a string in the format
// denotes (NaN for an instant outside the time value range), or nullopt if
// the string is not in the format. Date-only forms are UTC; date-time forms
// without a UTC offset are local time.
std::optional<double> ParseDateTimeStringFormat(Agent&, std::u16string_view string);
// The string toISOString gives for a time value tv (not NaN): the format
// with all its elements and "Z"; years outside 0-9999 expanded.
std::string DateTimeStringFormat(double tv);

// §21.4.1.33.1 IsTimeZoneOffsetString ( offsetString )
bool IsTimeZoneOffsetString(std::u16string_view offsetString);
// §21.4.1.33.2 ParseTimeZoneOffsetString ( offsetString )
EpochNanoseconds ParseTimeZoneOffsetString(std::u16string_view offsetString);

}  // namespace lockstep
