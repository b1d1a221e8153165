// §21.4.1.20 - §21.4.1.26 and §21.4.1.33: the local time zone (TZ set in
// each test with setenv + tzset), DST transitions, UTC offset strings.
#include <cmath>

#include "abstract_ops/date_time.h"
#include "fixture.h"

namespace lockstep::testing {
namespace {

constexpr double kHour = 3600000;

using TimeZoneTest = DateTest;

TEST_F(TimeZoneTest, SystemTimeZoneIdentifierFollowsTZ)
{
    {
        ScopedTimeZone tz("America/New_York");
        EXPECT_EQ(SystemTimeZoneIdentifier(), u"America/New_York");
    }
    {
        ScopedTimeZone tz(":Europe/Berlin");
        EXPECT_EQ(SystemTimeZoneIdentifier(), u"Europe/Berlin");
    }
    for (const char* alias : {"UTC", "Etc/UTC", "GMT", "Etc/GMT", ""}) {
        ScopedTimeZone tz(alias);
        EXPECT_EQ(SystemTimeZoneIdentifier(), u"UTC") << alias;
        EXPECT_EQ(LocalTime(1e12), 1e12);
    }
}

TEST_F(TimeZoneTest, LocalTimeUsesTheOffsetInForceAtTheInstant)
{
    ScopedTimeZone tz("America/New_York");
    const double winter = 1451606400000;  // 2016-01-01T00:00Z: EST
    const double summer = 1592222400000;  // 2020-06-15T12:00Z: EDT
    EXPECT_EQ(LocalTime(winter), winter - 5 * kHour);
    EXPECT_EQ(LocalTime(summer), summer - 4 * kHour);
    EXPECT_EQ(UTC(agent, LocalTime(winter)), winter);
    EXPECT_EQ(UTC(agent, LocalTime(summer)), summer);
}

TEST_F(TimeZoneTest, SkippedLocalTimesUseTheOffsetBeforeTheTransition)
{
    // 2017-03-12 02:30 does not exist in New York (clocks go 02:00 → 03:00):
    // it is read as 02:30 EST, i.e. 07:30Z.
    ScopedTimeZone tz("America/New_York");
    const double local = 1489285800000;  // 2017-03-12T02:30 as if UTC
    EXPECT_TRUE(GetNamedTimeZoneEpochNanoseconds(agent, u"America/New_York", 2017, 3, 12, 2, 30, 0, 0, 0, 0).empty());
    EXPECT_EQ(UTC(agent, local), 1489303800000);
    EXPECT_EQ(LocalTime(UTC(agent, local)), local + kHour);  // 03:30 EDT
    // The last millisecond before the gap is still EST.
    EXPECT_EQ(UTC(agent, local - 30 * 60000 - 1), 1489302000000 - 1);
}

TEST_F(TimeZoneTest, RepeatedLocalTimesUseTheOffsetBeforeTheTransition)
{
    // 2017-11-05 01:30 happens twice in New York; the first (EDT, 05:30Z) wins.
    ScopedTimeZone tz("America/New_York");
    auto instants = GetNamedTimeZoneEpochNanoseconds(agent, u"America/New_York", 2017, 11, 5, 1, 30, 0, 0, 0, 0);
    ASSERT_EQ(instants.size(), 2u);
    EXPECT_TRUE(instants[0] == EpochNanoseconds(1509859800000) * 1000000);
    EXPECT_TRUE(instants[1] == EpochNanoseconds(1509863400000) * 1000000);
    const double local = 1509845400000;  // 2017-11-05T01:30 as if UTC
    EXPECT_EQ(UTC(agent, local), 1509859800000);
}

TEST_F(TimeZoneTest, AWholeSkippedDay)
{
    // Samoa skipped 30 December 2011 (-10:00 → +14:00). Noon that day is
    // read with the offset before: 22:00Z, which is noon on the 31st there.
    ScopedTimeZone tz("Pacific/Apia");
    const double local = 1325246400000;  // 2011-12-30T12:00 as if UTC
    EXPECT_EQ(UTC(agent, local), 1325282400000);
    EXPECT_EQ(LocalTime(UTC(agent, local)), local + 24 * kHour);
    EXPECT_EQ(UTC(agent, 1325203199000), 1325203199000 + 10 * kHour);  // 29 December 23:59:59, -10:00
}

TEST_F(TimeZoneTest, AnOffsetAsTheSystemTimeZone)
{
    ScopedTimeZone tz("+05:30");
    EXPECT_EQ(SystemTimeZoneIdentifier(), u"+05:30");
    EXPECT_EQ(LocalTime(0), 5.5 * kHour);
    EXPECT_EQ(UTC(agent, 5.5 * kHour), 0);
    EXPECT_EQ(string(construct({num(0)}), "toString"), "Thu Jan 01 1970 05:30:00 GMT+0530 (+05:30)");
}

TEST_F(TimeZoneTest, PosixRulesAndSouthernHemisphereZones)
{
    {
        // A POSIX TZ rule (no tz database needed): US rules since 2007.
        ScopedTimeZone tz("EST5EDT,M3.2.0,M11.1.0");
        EXPECT_EQ(UTC(agent, 1489285800000), 1489303800000);
        EXPECT_EQ(LocalTime(1592222400000), 1592222400000 - 4 * kHour);
    }
    {
        // Lord Howe Island shifts by 30 minutes; its DST is in the southern summer.
        ScopedTimeZone tz("Australia/Lord_Howe");
        EXPECT_EQ(LocalTime(1592222400000), 1592222400000 + 10.5 * kHour);  // June: +10:30
        EXPECT_EQ(LocalTime(1451606400000), 1451606400000 + 11 * kHour);    // January: +11:00
    }
    {
        ScopedTimeZone tz("Asia/Kolkata");
        EXPECT_EQ(LocalTime(0), 5.5 * kHour);
    }
}

TEST_F(TimeZoneTest, DateMethodsSeeTheLocalTimeZone)
{
    ScopedTimeZone tz("America/New_York");
    Value d = construct({num(2017), num(2), num(12), num(2), num(30)});
    EXPECT_EQ(number(d, "getTime"), 1489303800000);
    EXPECT_EQ(number(d, "getHours"), 3);  // 02:30 does not exist; it is 03:30 EDT
    EXPECT_EQ(number(d, "getTimezoneOffset"), 240);
    EXPECT_EQ(string(d, "toString"), "Sun Mar 12 2017 03:30:00 GMT-0400 (EDT)");
    Value winter = construct({num(2017), num(0), num(15)});
    EXPECT_EQ(number(winter, "getTimezoneOffset"), 300);
    EXPECT_EQ(string(winter, "toTimeString"), "00:00:00 GMT-0500 (EST)");
    // setHours keeps the date and recomputes the offset.
    EXPECT_EQ(number(d, "setHours", {num(12)}), 1489336200000);  // 12:30 EDT = 16:30Z
    // Date-only strings are UTC; date-time strings without an offset are local.
    EXPECT_EQ(parse("2017-01-15"), 1484438400000);
    EXPECT_EQ(parse("2017-01-15T00:00"), 1484438400000 + 5 * kHour);
    // What toString produces, Date.parse reads back.
    EXPECT_EQ(parse("Sun Mar 12 2017 03:30:00 GMT-0400 (EDT)"), 1489303800000);
    EXPECT_EQ(parse("Sun Mar 12 2017 03:30:00"), 1489303800000);  // local time
}

TEST_F(TimeZoneTest, TimeZoneOffsetStrings)
{
    EXPECT_TRUE(IsTimeZoneOffsetString(u"+05:30"));
    EXPECT_TRUE(IsTimeZoneOffsetString(u"-0530"));
    EXPECT_TRUE(IsTimeZoneOffsetString(u"+05"));
    EXPECT_TRUE(IsTimeZoneOffsetString(u"+23:59:59.123456789"));
    EXPECT_TRUE(IsTimeZoneOffsetString(u"-235959,1"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u"+24:00"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u"+05:60"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u"+05:3"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u"+05:3015"));  // mixed separators
    EXPECT_FALSE(IsTimeZoneOffsetString(u"+0530.5"));  // a fraction needs seconds
    EXPECT_FALSE(IsTimeZoneOffsetString(u"+23:59:59.1234567890"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u"05:30"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u"UTC"));
    EXPECT_FALSE(IsTimeZoneOffsetString(u""));
    const EpochNanoseconds second = 1000000000;
    EXPECT_TRUE(ParseTimeZoneOffsetString(u"+05:30") == 19800 * second);
    EXPECT_TRUE(ParseTimeZoneOffsetString(u"-0530") == -19800 * second);
    EXPECT_TRUE(ParseTimeZoneOffsetString(u"+01:00:01.5") == 3601 * second + 500000000);
    EXPECT_TRUE(ParseTimeZoneOffsetString(u"-00:00:00,000000001") == -1);
}

}  // namespace
}  // namespace lockstep::testing
