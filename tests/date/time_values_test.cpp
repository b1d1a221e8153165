// §21.4.1.3 - §21.4.1.31: the fields of time values, MakeTime / MakeDay /
// MakeDate / MakeFullYear / TimeClip at the edges of the time value range.
#include <cmath>
#include <limits>

#include "abstract_ops/date_time.h"
#include "fixture.h"

namespace lockstep::testing {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kMaxTime = 8.64e15;

using TimeValueTest = DateTest;

TEST_F(TimeValueTest, FieldsOfTheEpochAndOfNegativeTimes)
{
    EXPECT_EQ(YearFromTime(0), 1970);
    EXPECT_EQ(MonthFromTime(0), 0);
    EXPECT_EQ(DateFromTime(0), 1);
    EXPECT_EQ(WeekDay(0), 4);  // a Thursday
    // One millisecond before the epoch is the last of 1969.
    EXPECT_EQ(Day(-1), -1);
    EXPECT_EQ(TimeWithinDay(-1), msPerDay - 1);
    EXPECT_EQ(YearFromTime(-1), 1969);
    EXPECT_EQ(MonthFromTime(-1), 11);
    EXPECT_EQ(DateFromTime(-1), 31);
    EXPECT_EQ(HourFromTime(-1), 23);
    EXPECT_EQ(MinFromTime(-1), 59);
    EXPECT_EQ(SecFromTime(-1), 59);
    EXPECT_EQ(msFromTime(-1), 999);
    EXPECT_EQ(WeekDay(-1), 3);
    EXPECT_FALSE(std::signbit(msFromTime(-1000)));  // modulo gives +0, not -0
}

TEST_F(TimeValueTest, LeapYearsOfTheGregorianCalendar)
{
    EXPECT_EQ(DaysInYear(2000), 366);
    EXPECT_EQ(DaysInYear(1900), 365);
    EXPECT_EQ(DaysInYear(2100), 365);
    EXPECT_EQ(DaysInYear(2024), 366);
    EXPECT_EQ(DaysInYear(0), 366);
    EXPECT_EQ(DaysInYear(-4), 366);
    EXPECT_EQ(DaysInYear(-100), 365);
    EXPECT_EQ(DayFromYear(1970), 0);
    EXPECT_EQ(DayFromYear(1971), 365);
    EXPECT_EQ(DayFromYear(1969), -365);
    EXPECT_EQ(DayFromYear(2000), 10957);
    const double feb29 = 951782400000;  // 2000-02-29T00:00Z
    EXPECT_EQ(InLeapYear(feb29), 1);
    EXPECT_EQ(MonthFromTime(feb29), 1);
    EXPECT_EQ(DateFromTime(feb29), 29);
    EXPECT_EQ(DateFromTime(feb29 + msPerDay), 1);
    EXPECT_EQ(MonthFromTime(feb29 + msPerDay), 2);
    EXPECT_EQ(WeekDay(feb29), 2);  // a Tuesday
    EXPECT_EQ(DayWithinYear(feb29 + 306 * msPerDay), 365);  // 31 December of a leap year
}

TEST_F(TimeValueTest, FieldsAtBothEndsOfTheTimeValueRange)
{
    // -271821-04-20T00:00Z (a Tuesday) and +275760-09-13T00:00Z (a Saturday).
    EXPECT_EQ(YearFromTime(-kMaxTime), -271821);
    EXPECT_EQ(MonthFromTime(-kMaxTime), 3);
    EXPECT_EQ(DateFromTime(-kMaxTime), 20);
    EXPECT_EQ(WeekDay(-kMaxTime), 2);
    EXPECT_EQ(YearFromTime(kMaxTime), 275760);
    EXPECT_EQ(MonthFromTime(kMaxTime), 8);
    EXPECT_EQ(DateFromTime(kMaxTime), 13);
    EXPECT_EQ(WeekDay(kMaxTime), 6);
    EXPECT_EQ(DateTimeStringFormat(-kMaxTime), "-271821-04-20T00:00:00.000Z");
    EXPECT_EQ(DateTimeStringFormat(kMaxTime), "+275760-09-13T00:00:00.000Z");
    EXPECT_EQ(DateTimeStringFormat(-62198755200000), "-000001-01-01T00:00:00.000Z");
    EXPECT_EQ(DateTimeStringFormat(-62167219200000), "0000-01-01T00:00:00.000Z");
    EXPECT_EQ(DateTimeStringFormat(253402300800000), "+010000-01-01T00:00:00.000Z");
}

TEST_F(TimeValueTest, MakeDayWithHugeAndOutOfRangeArguments)
{
    EXPECT_EQ(MakeDay(agent, 1970, 0, 1), 0);
    EXPECT_EQ(MakeDay(agent, 275760, 8, 13), 1e8);
    // The first of April -271821 lies outside the time value range, yet
    // MakeDay can still name the 20th, the first day inside it.
    EXPECT_EQ(MakeDay(agent, -271821, 3, 20), -1e8);
    // Months beyond 11 and below 0 carry into the year.
    EXPECT_EQ(MakeDay(agent, 2016, 12, 1), MakeDay(agent, 2017, 0, 1));
    EXPECT_EQ(MakeDay(agent, 2016, -1, 1), MakeDay(agent, 2015, 11, 1));
    EXPECT_EQ(MakeDay(agent, 2016, 144, 1), MakeDay(agent, 2028, 0, 1));
    // Dates overflow the month either way.
    EXPECT_EQ(MakeDay(agent, 2016, 0, 33), MakeDay(agent, 2016, 1, 2));
    EXPECT_EQ(MakeDay(agent, 2016, 2, -27), MakeDay(agent, 2016, 1, 2));
    // Fractions are truncated toward zero.
    EXPECT_EQ(MakeDay(agent, 2016.9, 0.9, 1.9), MakeDay(agent, 2016, 0, 1));
    // Years whose first day is not an exact millisecond count: NaN.
    EXPECT_TRUE(std::isnan(MakeDay(agent, 1e20, 0, 1)));
    EXPECT_TRUE(std::isnan(MakeDay(agent, -1e20, 0, 1)));
    EXPECT_TRUE(std::isnan(MakeDay(agent, 1e308, 1e308, 1)));
    EXPECT_TRUE(std::isnan(MakeDay(agent, 0, 1.7976931348623157e308, 1)));
    // A date far past the year's range is still a day number (MakeDate clips it later).
    EXPECT_EQ(MakeDay(agent, 1970, 0, 213503982336), 213503982335);
    EXPECT_TRUE(std::isnan(MakeDay(agent, kInfinity, 0, 1)));
    EXPECT_TRUE(std::isnan(MakeDay(agent, 2016, kNaN, 1)));
    EXPECT_TRUE(std::isnan(MakeDay(agent, 2016, 0, -kInfinity)));
}

TEST_F(TimeValueTest, MakeTimeAndMakeDateUseFloatingPointInTheSpecsOrder)
{
    EXPECT_EQ(MakeTime(agent, 1, 2, 3, 4), 3723004);
    EXPECT_EQ(MakeTime(agent, 1.9, -2.9, 3.5, 4.99), 3600000 - 120000 + 3000 + 4);
    // ((h × msPerHour + m × msPerMinute) + s × msPerSecond) + milli, rounding at every step.
    EXPECT_EQ(MakeDate(0, MakeTime(agent, 80063993375, 29, 1, -288230376151711740)), 29312);
    EXPECT_EQ(MakeDate(213503982335, -18446744073709552000.0), 34447360);
    EXPECT_TRUE(std::isnan(MakeTime(agent, kInfinity, 0, 0, 0)));
    EXPECT_TRUE(std::isnan(MakeTime(agent, 0, 0, 0, kNaN)));
    EXPECT_TRUE(std::isnan(MakeDate(1e305, 0)));  // overflows to +∞
    EXPECT_TRUE(std::isnan(MakeDate(kNaN, 0)));
    EXPECT_TRUE(std::isnan(MakeDate(0, kInfinity)));
}

TEST_F(TimeValueTest, MakeFullYearMapsTwoDigitYearsToThe1900s)
{
    EXPECT_EQ(MakeFullYear(agent, 0), 1900);
    EXPECT_EQ(MakeFullYear(agent, 99), 1999);
    EXPECT_EQ(MakeFullYear(agent, 99.9), 1999);
    EXPECT_EQ(MakeFullYear(agent, -0.5), 1900);  // truncates to 0
    EXPECT_EQ(MakeFullYear(agent, 100), 100);
    EXPECT_EQ(MakeFullYear(agent, -1), -1);
    EXPECT_EQ(MakeFullYear(agent, kInfinity), kInfinity);
    EXPECT_TRUE(std::isnan(MakeFullYear(agent, kNaN)));
}

TEST_F(TimeValueTest, TimeClipKeepsExactlyTheTimeValueRange)
{
    EXPECT_EQ(TimeClip(agent, kMaxTime), kMaxTime);
    EXPECT_EQ(TimeClip(agent, -kMaxTime), -kMaxTime);
    EXPECT_TRUE(std::isnan(TimeClip(agent, kMaxTime + 1)));
    EXPECT_TRUE(std::isnan(TimeClip(agent, -kMaxTime - 1)));
    EXPECT_TRUE(std::isnan(TimeClip(agent, kInfinity)));
    EXPECT_TRUE(std::isnan(TimeClip(agent, kNaN)));
    EXPECT_EQ(TimeClip(agent, 1.9), 1);
    EXPECT_EQ(TimeClip(agent, -1.9), -1);
    double zero = TimeClip(agent, -0.0);
    EXPECT_EQ(zero, 0);
    EXPECT_FALSE(std::signbit(zero));  // -0 becomes +0
    EXPECT_FALSE(std::signbit(TimeClip(agent, -0.5)));
}

}  // namespace
}  // namespace lockstep::testing
