// §21.4.1.32 Date Time String Format and §21.4.3.2 Date.parse: every form
// of the format, its edge cases, and the strings toString / toUTCString /
// toISOString produce.
#include <cmath>

#include "fixture.h"

namespace lockstep::testing {
namespace {

constexpr double kHour = 3600000;

class DateParseTest : public DateTest {
protected:
    ScopedTimeZone utc{"UTC"};
};

TEST_F(DateParseTest, DateOnlyFormsAreUTC)
{
    ScopedTimeZone tz("America/New_York");  // must not matter
    EXPECT_EQ(parse("1970"), 0);
    EXPECT_EQ(parse("1970-01"), 0);
    EXPECT_EQ(parse("1970-01-01"), 0);
    EXPECT_EQ(parse("2000-02-29"), 951782400000);
    EXPECT_EQ(parse("2014-03"), 1393632000000);
}

TEST_F(DateParseTest, DateTimeFormsWithAndWithoutOffsets)
{
    EXPECT_EQ(parse("1970-01-01T00:00Z"), 0);
    EXPECT_EQ(parse("1970-01-01T00:00:01Z"), 1000);
    EXPECT_EQ(parse("1970-01-01T00:00:00.123Z"), 123);
    EXPECT_EQ(parse("1970-01-01T05:30+05:30"), 0);
    EXPECT_EQ(parse("1969-12-31T19:00:00.000-05:00"), 0);
    EXPECT_EQ(parse("1970T01:00Z"), kHour);  // date-time after a year-only date
    EXPECT_EQ(parse("1970-02T01:00Z"), 31 * 24 * kHour + kHour);
    {
        ScopedTimeZone tz("Asia/Kolkata");
        EXPECT_EQ(parse("1970-01-01T05:30"), 0);  // local time
        EXPECT_EQ(parse("1970-01-01T05:30:00.000"), 0);
    }
}

TEST_F(DateParseTest, TwentyFourHundredIsTheEndOfTheDay)
{
    EXPECT_EQ(parse("1995-02-04T24:00Z"), parse("1995-02-05T00:00Z"));
    EXPECT_EQ(parse("1995-02-04T24:00:00.000Z"), 791942400000);
    EXPECT_TRUE(std::isnan(parse("1995-02-04T24:00:01Z")));
    EXPECT_TRUE(std::isnan(parse("1995-02-04T24:00:00.001Z")));
    EXPECT_TRUE(std::isnan(parse("1995-02-04T24:01Z")));
    EXPECT_TRUE(std::isnan(parse("1995-02-04T25:00Z")));
}

TEST_F(DateParseTest, ExpandedYears)
{
    EXPECT_EQ(parse("+001970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parse("+000000-01-01T00:00:00Z"), -62167219200000);
    EXPECT_EQ(parse("-000001-01-01T00:00:00Z"), -62198755200000);
    EXPECT_EQ(parse("-271821-04-20T00:00:00.000Z"), -8.64e15);
    EXPECT_EQ(parse("+275760-09-13T00:00:00.000Z"), 8.64e15);
    EXPECT_EQ(parse("+275760-09-13T01:00:00.000+01:00"), 8.64e15);
    // Outside the time value range: NaN, not a fallback.
    EXPECT_TRUE(std::isnan(parse("-271821-04-19T23:59:59.999Z")));
    EXPECT_TRUE(std::isnan(parse("+275760-09-13T00:00:00.001Z")));
    EXPECT_TRUE(std::isnan(parse("+999999-01-01")));
    // The year 0 is +000000; -000000 is not in the format.
    EXPECT_TRUE(std::isnan(parse("-000000-01-01T00:00:00Z")));
    EXPECT_TRUE(std::isnan(parse("-000000")));
    EXPECT_TRUE(std::isnan(parse("+01970-01-01")));  // five digits
    EXPECT_TRUE(std::isnan(parse("+0001970-01-01")));  // seven digits
}

TEST_F(DateParseTest, OutOfBoundsAndNonconformingStringsAreNaN)
{
    for (const char* bad : {"", "197", "19700", "1970-1", "1970-00", "1970-13", "1970-01-00", "1970-01-32",
                            "2019-02-29", "2019-04-31", "1970-01-01T", "1970-01-01T1:00", "1970-01-01T00",
                            "1970-01-01T00:60", "1970-01-01T00:00:60", "1970-01-01T00:00:00.1Z",
                            "1970-01-01T00:00:00.1234Z", "1970-01-01T00:00+24:00", "1970-01-01T00:00+05",
                            "1970-01-01T00:00+0530", "1970-01-01Z", "1970-01-01 00:00Z", "1970-01-01t00:00z",
                            " 1970-01-01", "1970-01-01 ", "Thu Jan 01 1970 00:00:00 GMT+0000 extra", "tomorrow",
                            "Xyz Jan 01 1970", "Thu Foo 01 1970", "Thu Jan 32 1970"})
        EXPECT_TRUE(std::isnan(parse(bad))) << '"' << bad << '"';
}

TEST_F(DateParseTest, ParseReadsWhatToStringToUTCStringAndToISOStringProduce)
{
    const double samples[] = {0, 1e12, -1e12, 951782400000, -62198755200000, -8.64e15, 8.64e15, -1e14};
    for (const char* zone : {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"}) {
        ScopedTimeZone tz(zone);
        for (double tv : samples) {
            Value d = construct({num(tv)});
            for (const char* method : {"toString", "toUTCString", "toISOString"}) {
                std::string s = string(d, method);
                double parsed = parse(s.c_str());
                // Before 1900 the zones have local mean time offsets with
                // seconds, which toString cannot show.
                if (std::string(method) == "toString" && tv < -2208988800000 && std::string(zone) != "UTC") continue;
                EXPECT_EQ(parsed, tv) << zone << " " << method << " " << s;
            }
        }
    }
    EXPECT_EQ(parse("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
    EXPECT_EQ(parse("Thu Jan 01 1970 05:30:00 GMT+0530 (India Standard Time)"), 0);
    EXPECT_EQ(parse("Thu Jan 01 1970"), 0);  // toDateString: local midnight
    EXPECT_EQ(parse("Fri Dec 31 -0001 00:00:00 GMT+0000"), -62167219200000 - 24 * kHour);
}

}  // namespace
}  // namespace lockstep::testing
