// SPDX-License-Identifier: MIT
// `pressroom`: convert, extract, validate, formats, stats. Arguments, I/O and printing over the
// public API; no format logic here.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cli.hpp"
#include "pressroom/config.hpp"

namespace {

constexpr std::string_view general_help =
    "Usage: pressroom <command> [options] [input...]\n"
    "Press releases and news archives: convert between formats, extract, validate.\n"
    "\n"
    "Commands:\n"
    "  convert   [--from F] --to F [-o OUT | --split DIR] [--strict] [--trusted] [--base-url U]\n"
    "            [--compact] [--[no-]progress] IN... | -\n"
    "            convert inputs (files, directories) into one merged output, or one each\n"
    "  extract   [--from text|html] [--to F] IN\n"
    "            records from a press-release page (when built with the extractor)\n"
    "  validate  [--as F] [--from F] [--strict] IN...\n"
    "            check the Document an input holds; exit 1 on errors\n"
    "  formats   [--json]\n"
    "            what reads, writes and streams what\n"
    "  stats     [--json] [--from F] IN...\n"
    "            counts per record type, and warnings\n"
    "\n"
    "  -h, --help     show this help; 'pressroom <command> --help' for a command's\n"
    "  -V, --version  show the version\n"
    "\n"
    "Data goes to standard output or -o; diagnostics to standard error as\n"
    "FILE:LINE:COL: warning: message [format/code]. Exit status: 0 ok, 1 bad input (or any\n"
    "warning under --strict), 2 usage error.\n";

int dispatch(std::string_view command, int argc, char** argv, int first) {
  using namespace pressroom::cli;
  if (command == "convert") return run_convert(argc, argv, first);
  if (command == "extract") return run_extract(argc, argv, first);
  if (command == "validate") return run_validate(argc, argv, first);
  if (command == "formats") return run_formats(argc, argv, first);
  if (command == "stats") return run_stats(argc, argv, first);
  return -1;
}

// dispatch(), with an allocation failure reported instead of ending the process: the stack
// unwinds (an output's temporary file is removed on the way) and the tool exits 1.
int dispatch_guarded(std::string_view command, int argc, char** argv, int first) {
  try {
    return dispatch(command, argc, argv, first);
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  const std::string text = "pressroom " + std::string(command) +
                           ": error: out of memory while running the command [cli/"
                           "limit_exceeded]\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
  return pressroom::cli::exit_bad_input;
}

int run(int argc, char** argv) {
  using pressroom::cli::print_out;
  using pressroom::cli::usage_error;
  if (argc < 2) return usage_error("", "missing command");
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h") {
    print_out(general_help);
    return pressroom::cli::exit_ok;
  }
  if (command == "help") {  // "pressroom help convert" = "pressroom convert --help"
    if (argc < 3) {
      print_out(general_help);
      return pressroom::cli::exit_ok;
    }
    char help_flag[] = "--help";
    char* help_argv[] = {argv[0], argv[2], help_flag, nullptr};
    const int status = dispatch(argv[2], 3, help_argv, 2);
    return status >= 0 ? status : usage_error("", "unknown command '" + std::string(argv[2]) + "'");
  }
  if (command == "--version" || command == "-V") {
    print_out("pressroom " PRESSROOM_VERSION_STRING "\n");
    return pressroom::cli::exit_ok;
  }
  const int status = dispatch_guarded(command, argc, argv, 2);
  if (status >= 0) return status;
  if (!command.empty() && command[0] == '-') {
    return usage_error("", "unknown option '" + std::string(command) + "'");
  }
  return usage_error("", "unknown command '" + std::string(command) + "'");
}

}  // namespace

int main(int argc, char** argv) {
  // A reader that goes away (`pressroom ... | head -c1`) is a write error like any other
  // (EPIPE): reported, exit status 1, and an output file's temporary removed.
  std::signal(SIGPIPE, SIG_IGN);
  int status = run(argc, argv);
  if (const int err = pressroom::cli::stdout_error(); err != 0) {
    pressroom::cli::print_err(std::string("pressroom: cannot write to standard output: ") +
                              std::strerror(err) + "\n");
    if (status == pressroom::cli::exit_ok) status = pressroom::cli::exit_bad_input;
  }
  return status;
}
