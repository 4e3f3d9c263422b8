// SPDX-License-Identifier: MIT
// Internals of the `pressroom` command-line tool: argument parsing, input and output files,
// the progress line, diagnostics and the commands (merging is pressroom::Merger). No format logic
// lives here; everything goes through the public API of the library.
#ifndef PRESSROOM_CLI_CLI_HPP
#define PRESSROOM_CLI_CLI_HPP

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pressroom/error.hpp"
#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom::cli {

/// Exit statuses.
enum ExitCode : int { exit_ok = 0, exit_bad_input = 1, exit_usage = 2 };

// ---------------------------------------------------------------------------------------------
// Arguments

/// One option a command accepts. `canonical` is the name the command looks up ("-o" for both
/// "-o" and "--output").
struct OptionSpec {
  std::string_view name;
  std::string_view canonical;
  bool takes_value;
};

/// A parsed command line: options in the order given, and the operands.
struct Args {
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> inputs;
  /// True when option `canonical` was given.
  [[nodiscard]] bool has(std::string_view canonical) const;
  /// The last value given for `canonical`, or `fallback`.
  [[nodiscard]] std::string get(std::string_view canonical, std::string fallback = {}) const;
};

/// Parses `argv[first..argc)` against `specs`. On a usage error returns false and sets
/// `error` to a one-line message.
bool parse_args(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, Args& out,
                std::string& error);

// ---------------------------------------------------------------------------------------------
// Diagnostics

/// Prints diagnostics to stderr as `NAME:LINE:COL: SEVERITY: MESSAGE [FORMAT/CODE]` and
/// counts them. Every diagnostic goes through here: the name is escaped with printable() and
/// the rest by to_string(const Error&), so no file name or input value can start a line of its
/// own or send the terminal a control sequence.
class Reporter {
 public:
  /// Prints one diagnostic about input (or output) `name`.
  void report(std::string_view name, const Error& error);
  /// Prints every warning in `warnings`.
  void report_all(std::string_view name, const std::vector<Error>& warnings);
  /// Number of warnings printed so far.
  [[nodiscard]] std::size_t warnings() const noexcept { return warnings_; }
  /// Number of errors printed so far.
  [[nodiscard]] std::size_t errors() const noexcept { return errors_; }

 private:
  std::size_t warnings_ = 0;
  std::size_t errors_ = 0;
};

/// Writes `text` to standard output. After a failed write nothing more is written there and
/// stdout_error() tells why; main() then reports it and exits with 1.
void print_out(std::string_view text);

/// The errno of the first failed write of print_out(), 0 if none.
[[nodiscard]] int stdout_error() noexcept;

/// Writes `text` to standard error as it is (the caller escapes what came from outside).
void print_err(std::string_view text);

/// An error of code `code` from the CLI itself (format "cli", or "io" for I/O errors).
Error cli_error(ErrorCode code, std::string message);

// ---------------------------------------------------------------------------------------------
// Progress

/// When the progress line is shown.
enum class ProgressMode {
  automatic,  ///< when stderr is a terminal and the inputs are over 4 MB
  always,     ///< --progress: always (also when stderr is not a terminal)
  never       ///< --no-progress
};

/// The progress line on stderr: bytes done of the total, records, rate and time left, redrawn
/// with '\r' at most ten times a second and cleared at the end. One line covers every input
/// of a command: `next_input()` moves on to the next one.
class Progress {
 public:
  /// `total`: the size of all inputs, when known. Shown per `mode`.
  Progress(std::string name, std::optional<std::uint64_t> total,
           ProgressMode mode = ProgressMode::automatic);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();
  /// True when the line is shown.
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }
  /// Starts input `name`; `bytes()` counts from the end of the inputs before it.
  void next_input(std::string name);
  /// Bytes of the current input consumed so far.
  void bytes(std::uint64_t done);
  /// One more record read.
  void record();
  /// `n` more records read.
  void records(std::uint64_t n);
  /// Clears the line (also done by the destructor).
  void finish();

 private:
  void maybe_draw(bool force);
  std::string name_;
  std::optional<std::uint64_t> total_;
  std::uint64_t base_ = 0;     // bytes of the inputs before the current one
  std::uint64_t current_ = 0;  // bytes of the current input
  std::uint64_t records_ = 0;
  bool enabled_ = false;
  bool drawn_ = false;
  std::size_t last_width_ = 0;
  std::int64_t start_ns_ = 0;
  std::int64_t last_draw_ns_ = 0;
};

/// The progress mode of --progress / --no-progress (the last given wins).
ProgressMode progress_mode(const Args& args);

// ---------------------------------------------------------------------------------------------
// Input

/// A stream buffer reading a file descriptor (none when negative), replaying a prefix already
/// read first.
class FdInBuf : public std::streambuf {
 public:
  FdInBuf(int fd, std::string prefix);

 protected:
  int_type underflow() override;
  /// Large reads go straight from the descriptor into the caller's memory, past the buffer.
  std::streamsize xsgetn(char_type* s, std::streamsize n) override;

 public:
  /// The errno of a failed read, 0 if none. A failed read throws, so that the istream over
  /// this buffer sets badbit instead of taking the failure for the end of the input.
  [[nodiscard]] int error() const noexcept { return error_; }

 private:
  // Records a read error and throws it (see error()).
  [[noreturn]] void fail(int err);
  int error_ = 0;
  int fd_;
  std::string buffer_;
  bool prefix_pending_ = true;
};

/// An input file ("-" = standard input), opened with its first 8 KiB read for detection.
class Input {
 public:
  /// Opens `path` and reads its head.
  static Result<std::unique_ptr<Input>> open(const std::string& path);
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
  ~Input();
  /// The name diagnostics use: the path, or `<stdin>`.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The path as given ("-" for standard input); empty for stdin when detecting.
  [[nodiscard]] std::string_view detect_path() const noexcept;
  /// The first bytes (up to 8 KiB).
  [[nodiscard]] std::string_view head() const noexcept { return head_; }
  /// The size of a regular file; nullopt for pipes and terminals.
  [[nodiscard]] std::optional<std::uint64_t> size() const noexcept { return size_; }
  /// Reads the whole input (the head included); at most `max_bytes`.
  Result<std::string> read_all(std::uint64_t max_bytes, Progress& progress);
  /// A stream over the whole input (the head included). Call once, instead of `read_all`.
  std::istream& stream();
  /// The error that stopped stream() before the end of the input (a failed read), if any.
  [[nodiscard]] std::optional<Error> read_error() const;

 private:
  Input() = default;
  std::string path_;
  std::string name_;
  std::string head_;
  std::optional<std::uint64_t> size_;
  int fd_ = -1;
  std::unique_ptr<FdInBuf> buf_;
  std::unique_ptr<std::istream> stream_;
};

// ---------------------------------------------------------------------------------------------
// Output

/// Where data goes: standard output, or a file written through `pressroom::AtomicOutput`
/// (a character device or FIFO directly; a regular file, or a symbolic link's target,
/// through a temporary file renamed over it on `commit()`; other files refused). The
/// temporary file is also removed when the process gets SIGINT, SIGTERM, SIGHUP, SIGQUIT or
/// SIGXFSZ.
class Output {
 public:
  /// Opens the output: `path` "" or "-" is standard output.
  static Result<std::unique_ptr<Output>> open(const std::string& path);
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  /// Removes the temporary file unless committed.
  ~Output();
  /// The name diagnostics use: the path, or `<stdout>`.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The stream to write to.
  [[nodiscard]] std::ostream& stream() noexcept { return file_.stream(); }
  /// The errno of the first failed write to the output, 0 if none.
  [[nodiscard]] int write_errno() const noexcept { return file_.write_errno(); }
  /// Flushes; for a file, syncs and renames the temporary over the path.
  Status commit() { return file_.commit(); }
  /// Removes the temporary file (no effect on standard output).
  void discard() { file_.discard(); }

 private:
  Output(std::string name, AtomicOutput file) : name_(std::move(name)), file_(std::move(file)) {}
  std::string name_;
  AtomicOutput file_;
};

// ---------------------------------------------------------------------------------------------
// Documents

/// The formats the tool uses: the core's, and the extractor's `text` and `html`, which are
/// loaded on first need (registry.cpp) so that other commands start fast. Pointers returned
/// stay valid for the Catalog's lifetime.
class Catalog {
 public:
  /// The core formats; the extractor's are not loaded yet.
  Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  /// Loads the extractor's formats; false when this build or installation has none.
  bool load_extract();
  /// The format named `name`, or null.
  const Format* find(std::string_view name);
  /// The format the ending of `path` names, or null.
  const Format* find_by_path(std::string_view path);
  /// The core format the ending of `path` names, or null: what a directory given as input
  /// contributes (not pages, which the extractor would claim for any .txt or .html).
  [[nodiscard]] const Format* find_archive_by_path(std::string_view path) const;
  /// The readable format of an input with first bytes `head` and name `path`, or null.
  const Format* detect(std::string_view head, std::string_view path);
  /// For `extract`: `html` when the input looks like HTML, else `text`; null without the
  /// extractor.
  const Format* detect_page(std::string_view head, std::string_view path);
  /// Every format (the extractor's loaded).
  std::vector<const Format*> all();

 private:
  Registry core_;
  Registry extract_;
  int extract_state_ = 0;  // 0 not tried, 1 loaded, -1 unavailable
};

// ---------------------------------------------------------------------------------------------
// Commands: each takes the arguments after the command name and returns the exit status.

int run_convert(int argc, char** argv, int first);
int run_extract(int argc, char** argv, int first);
int run_validate(int argc, char** argv, int first);
int run_formats(int argc, char** argv, int first);
int run_stats(int argc, char** argv, int first);

/// Prints `pressroom COMMAND: MESSAGE` (MESSAGE through printable()) and the one-line hint to
/// --help on stderr; returns 2.
int usage_error(std::string_view command, std::string_view message);

/// Appends `value` as a JSON string literal to `out`.
void append_json_string(std::string& out, std::string_view value);

}  // namespace pressroom::cli

#endif  // PRESSROOM_CLI_CLI_HPP
