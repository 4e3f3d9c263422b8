// SPDX-License-Identifier: MIT
// The progress line: bytes done of the total, records, rate and time left, redrawn with '\r'
// at most ten times a second, and cleared at the end.
#include <chrono>
#include <cstdio>

#include <unistd.h>

#include "cli.hpp"

namespace pressroom::cli {

namespace {
constexpr std::uint64_t min_bytes = std::uint64_t{4} << 20;  // inputs over 4 MB
constexpr std::int64_t redraw_ns = 100'000'000;              // at most 10 times a second

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1e6);
  return buf;
}
}  // namespace

ProgressMode progress_mode(const Args& args) {
  ProgressMode mode = ProgressMode::automatic;
  for (const auto& option : args.options) {
    if (option.first == "--progress") mode = ProgressMode::always;
    if (option.first == "--no-progress") mode = ProgressMode::never;
  }
  return mode;
}

Progress::Progress(std::string name, std::optional<std::uint64_t> total, ProgressMode mode)
    : name_(std::move(name)), total_(total) {
  switch (mode) {
    case ProgressMode::never:
      enabled_ = false;
      break;
    case ProgressMode::always:
      enabled_ = true;
      break;
    case ProgressMode::automatic:
      enabled_ = total && *total > min_bytes && ::isatty(2) == 1;
      break;
  }
  if (enabled_) {
    start_ns_ = now_ns();
    last_draw_ns_ = start_ns_;
  }
}

Progress::~Progress() { finish(); }

void Progress::next_input(std::string name) {
  base_ += current_;
  current_ = 0;
  name_ = std::move(name);
}

void Progress::bytes(std::uint64_t done) {
  if (!enabled_) return;
  current_ = done;
  maybe_draw(false);
}

void Progress::record() {
  if (!enabled_) return;
  ++records_;
  if ((records_ & 255) == 0) maybe_draw(false);
}

void Progress::records(std::uint64_t n) {
  if (!enabled_) return;
  records_ += n;
  maybe_draw(false);
}

void Progress::maybe_draw(bool force) {
  const std::int64_t now = now_ns();
  if (!force && now - last_draw_ns_ < redraw_ns) return;
  last_draw_ns_ = now;
  const std::uint64_t done = base_ + current_;
  const double seconds = static_cast<double>(now - start_ns_) / 1e9;
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;  // bytes/s
  std::string line = "\r" + printable(name_) + ": " + megabytes(done);
  if (total_) line += " / " + megabytes(*total_);
  line += " MB";
  if (records_ > 0) line += ", " + std::to_string(records_) + " records";
  char buf[64];
  std::snprintf(buf, sizeof buf, ", %.1f MB/s", rate / 1e6);
  line += buf;
  if (total_ && rate > 0 && done <= *total_) {
    const auto left = static_cast<std::uint64_t>(static_cast<double>(*total_ - done) / rate);
    std::snprintf(buf, sizeof buf, ", %llu:%02llu left", static_cast<unsigned long long>(left / 60),
                  static_cast<unsigned long long>(left % 60));
    line += buf;
  }
  const std::size_t width = line.size();
  if (width < last_width_) line.append(last_width_ - width, ' ');
  last_width_ = width;
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  std::string clear = "\r";
  clear.append(last_width_, ' ');
  clear += '\r';
  std::fwrite(clear.data(), 1, clear.size(), stderr);
  std::fflush(stderr);
  drawn_ = false;
  last_width_ = 0;
}

}  // namespace pressroom::cli
