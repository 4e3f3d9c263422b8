// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "pressroom/model/common.hpp"

namespace {
using pressroom::DateTime;
using pressroom::parse_date_time;
using pressroom::Precision;

TEST(DateTime, ParsesEachPrecision) {
  EXPECT_EQ(parse_date_time("1951")->precision(), Precision::year);
  EXPECT_EQ(parse_date_time("2015-03")->precision(), Precision::month);
  EXPECT_EQ(parse_date_time("2024-03-12")->precision(), Precision::day);
  EXPECT_EQ(parse_date_time("2024-03-12T09:30")->precision(), Precision::minute);
  EXPECT_EQ(parse_date_time("2024-03-12T09:30:00+01:00")->precision(), Precision::second);
  EXPECT_EQ(parse_date_time("2024-03-12T09:30:00.25Z")->precision(), Precision::fraction);
}

TEST(DateTime, KeepsOffsetAndZone) {
  const auto d = parse_date_time("2024-03-12T09:30:00+01:00[Europe/Zurich]");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->utc_offset_minutes, 60);
  EXPECT_EQ(d->zone, "Europe/Zurich");
  EXPECT_EQ(to_string(*d), "2024-03-12T09:30:00+01:00[Europe/Zurich]");
}

TEST(DateTime, RoundTripsCanonicalForms) {
  for (const char* s : {"1951", "2015-03", "2024-03-12", "2024-03-12T09:30", "2024-03-12T09:30:05Z",
                        "2024-03-12T09:30:05.5-05:30", "2000-02-29T23:59:60Z",
                        "2024-03-12T09:30:05.123456789+14:00"}) {
    const auto d = parse_date_time(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(to_string(*d), s);
  }
}

TEST(DateTime, RejectsImpossibleDatesWithoutNormalising) {
  EXPECT_FALSE(parse_date_time("2023-02-30"));
  EXPECT_FALSE(parse_date_time("1900-02-29"));
  EXPECT_FALSE(parse_date_time("2024-13-01"));
  EXPECT_FALSE(parse_date_time("2024-03-12T24:00"));
  EXPECT_FALSE(parse_date_time("2024-03-12T09:60"));
  EXPECT_FALSE(parse_date_time("0000"));
  EXPECT_TRUE(parse_date_time("2024-02-29"));
}

TEST(DateTime, RejectsMalformedText) {
  for (const char* s : {"", "15", "2015-3", "2015-03-1", "2015/03/01", "2015-03-01T",
                        "2015-03-01T9:30", "2015-03-01T09:30+1", "2015-03-01T09:30:00.Z",
                        "2015-03-01 junk", "2015-03-01T09:30[", "2015-03-01T09:30[]"}) {
    EXPECT_FALSE(parse_date_time(s)) << s;
  }
}

TEST(DateTime, ValidityNeedsAPrefixOfParts) {
  DateTime d;
  d.year = 2024;
  d.day = 3;
  EXPECT_FALSE(is_valid(d));
  d.month = 2;
  EXPECT_TRUE(is_valid(d));
  d.utc_offset_minutes = 60;
  EXPECT_FALSE(is_valid(d));  // an offset needs a time of day
}
}  // namespace
