// SPDX-License-Identifier: MIT
// The commands: convert, extract, validate, formats, stats.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <set>

#include <unistd.h>

#include "cli.hpp"
#include "pressroom/merge.hpp"
#include "pressroom/model/validate.hpp"

namespace pressroom::cli {

namespace {

namespace fs = std::filesystem;

// --- help texts ---------------------------------------------------------------------------

constexpr std::string_view convert_help =
    "Usage: pressroom convert [--from F] --to F [-o OUT | --split DIR] [--strict]\n"
    "                         [--trusted] [--base-url U] [--compact] [--[no-]progress]\n"
    "                         IN... | -\n"
    "Reads each input (- is standard input; a directory stands for the files in it whose\n"
    "name gives a format; with no input, a piped standard input) and writes them as one\n"
    "Document: entities that several inputs share (same identifiers, URL or normalised name)\n"
    "become one record and references follow them; a repeated article is kept once.\n"
    "\n"
    "  --from F      input format (default: detected from content, then file name)\n"
    "  --to F        output format (default: from the extension of -o)\n"
    "  -o, --output OUT\n"
    "                write to OUT (atomically: a temporary file renamed on success)\n"
    "                instead of standard output\n"
    "  --split DIR   one output per input instead: DIR/STEM.EXT, each written atomically\n"
    "  --strict      fail on the first problem a lenient read would repair; any warning\n"
    "                makes the exit status 1 and leaves OUT untouched\n"
    "  --base-url U  resolve relative links against U\n"
    "  --trusted     the inputs are trusted: keep their HTML and URLs as they are (by default\n"
    "                script, event handlers and javascript: and other unsafe URLs are removed)\n"
    "  --compact     no indentation in JSON and XML output\n"
    "  --progress    show the progress line on standard error even when it is not a\n"
    "                terminal (default: on a terminal, for inputs over 4 MB)\n"
    "  --no-progress never show it\n"
    "  -h, --help    show this help\n"
    "\n"
    "A single input in a streaming format (jsonl) converts record by record to a streaming\n"
    "writer (json, xml, rss, jsonl), in bounded memory. 'pressroom formats' lists the formats.\n";

constexpr std::string_view extract_help =
    "Usage: pressroom extract [--from text|html] [--to F] [-o OUT] [--strict] [--trusted]\n"
    "                         [--base-url U] [--compact] IN | -\n"
    "Extracts the article and the organizations, commissioners, legislation and contacts it\n"
    "names from a press-release page (plain text or HTML). Needs a pressroom built with the\n"
    "extractor (pressroom::extract).\n"
    "\n"
    "  --from F      text or html (default: detected)\n"
    "  --to F        output format (default: from the extension of -o, else json)\n"
    "  -o, --output OUT\n"
    "                write to OUT atomically instead of standard output\n"
    "  --strict      any warning makes the exit status 1\n"
    "  --base-url U  the page's URL, to resolve relative links\n"
    "  --trusted     the page is trusted: keep its URLs as they are\n"
    "  --compact     no indentation in JSON and XML output\n"
    "  -h, --help    show this help\n";

constexpr std::string_view validate_help =
    "Usage: pressroom validate [--as F] [--from F] [--strict] [--trusted] [--base-url U]\n"
    "                          [--[no-]progress] IN... | -\n"
    "Reads each input and checks the Document it holds (ids, references, required fields,\n"
    "dates). Prints every problem on standard error and a summary line per input on standard\n"
    "output. Exit status 1 when there are errors.\n"
    "\n"
    "  --as F        also check what writing the Document as format F would lose\n"
    "  --from F      input format (default: detected)\n"
    "  --strict      read strictly; warnings count as errors\n"
    "  --base-url U  resolve relative links against U\n"
    "  --trusted     the inputs are trusted: keep their HTML and URLs as they are (by default\n"
    "                script, event handlers and javascript: and other unsafe URLs are removed)\n"
    "  -h, --help    show this help\n";

constexpr std::string_view formats_help =
    "Usage: pressroom formats [--json]\n"
    "Lists the formats: name, whether each reads, writes and streams, whether a round trip\n"
    "through it is lossless, its file extensions and a description.\n"
    "\n"
    "  --json        print a JSON array instead of a table\n"
    "  -h, --help    show this help\n";

constexpr std::string_view stats_help =
    "Usage: pressroom stats [--json] [--from F] [--strict] [--trusted] [--base-url U]\n"
    "                       [--[no-]progress] IN... | -\n"
    "Counts the records of each type in the inputs, and the warnings, summed over the inputs.\n"
    "Streaming formats are counted record by record, in bounded memory.\n"
    "\n"
    "  --json        print one JSON object: {\"articles\": N, ...}\n"
    "  --from F      input format (default: detected)\n"
    "  --strict      read strictly; warnings make the exit status 1\n"
    "  --base-url U  resolve relative links against U\n"
    "  --trusted     the inputs are trusted: keep their HTML and URLs as they are (by default\n"
    "                script, event handlers and javascript: and other unsafe URLs are removed)\n"
    "  -h, --help    show this help\n";

// --- shared pieces ------------------------------------------------------------------------

/// Parses the command line of `command`; prints the usage error or the help and sets `exit`
/// when the command must stop.
bool parse_command(std::string_view command, std::string_view help, int argc, char** argv,
                   int first, std::vector<OptionSpec> specs, Args& args, int& exit) {
  specs.push_back({"-h", "--help", false});
  specs.push_back({"--help", "--help", false});
  std::string error;
  if (!parse_args(argc, argv, first, specs, args, error)) {
    exit = usage_error(command, error);
    return false;
  }
  if (args.has("--help")) {
    print_out(help);
    exit = exit_ok;
    return false;
  }
  return true;
}

/// The options of every command that reads inputs, followed by `more`.
std::vector<OptionSpec> reading_specs(std::vector<OptionSpec> more) {
  std::vector<OptionSpec> specs = {
      {"--from", "--from", true},          {"--strict", "--strict", false},
      {"--trusted", "--trusted", false},   {"--base-url", "--base-url", true},
      {"--progress", "--progress", false}, {"--no-progress", "--no-progress", false}};
  specs.insert(specs.end(), more.begin(), more.end());
  return specs;
}

/// A format given by name that can be read (`for_reading`) or written, or a usage error.
const Format* named_format(Catalog& registry, std::string_view command, const std::string& name,
                           bool for_reading, int& exit) {
  const Format* f = registry.find(name);
  if (!f) {
    exit = usage_error(command, "unknown format '" + name + "'; 'pressroom formats' lists them");
  } else if (for_reading && !f->read && !f->read_stream) {
    exit = usage_error(command, "format '" + name + "' cannot be read");
    f = nullptr;
  } else if (!for_reading && !f->write && !f->open_writer) {
    exit = usage_error(command, "format '" + name + "' cannot be written");
    f = nullptr;
  }
  return f;
}

/// Picks the reader of an opened input.
using Detector = std::function<const Format*(const Input&)>;

/// What convert, extract, validate and stats set up alike from their options: the formats,
/// the reader (forced by --from or detected), read options, --strict and the progress mode.
struct Setup {
  Catalog registry;
  const Format* from = nullptr;  ///< --from, or null to detect
  Detector detect;
  ReadOptions read;
  bool strict = false;
  ProgressMode progress = ProgressMode::automatic;
};

/// Fills `setup` from `args`; false (with `exit` set) on a usage error.
bool set_up(std::string_view command, const Args& args, Setup& setup, int& exit) {
  if (args.has("--from")) {
    setup.from = named_format(setup.registry, command, args.get("--from"), true, exit);
    if (!setup.from) return false;
  }
  if (setup.from) {
    const Format* forced = setup.from;
    setup.detect = [forced](const Input&) { return forced; };
  } else {
    Catalog& registry = setup.registry;
    setup.detect = [&registry](const Input& in) {
      return registry.detect(in.head(), in.detect_path());
    };
  }
  setup.strict = args.has("--strict");
  if (setup.strict) setup.read.mode = Mode::strict;
  setup.read.base_url = args.get("--base-url");
  setup.read.trusted = args.has("--trusted");
  setup.progress = progress_mode(args);
  return true;
}

/// Record counts of `doc`, for the progress line.
std::uint64_t record_count(const Document& doc) {
  return (doc.feed.empty() ? 0 : 1) + doc.articles.size() + doc.organizations.size() +
         doc.commissioners.size() + doc.people.size() + doc.legislation.size() +
         doc.contacts.size();
}

/// Reads a whole Document from `in` as `format`.
Result<Document> read_document(Input& in, const Format& format, ReadOptions options,
                               Progress& progress) {
  if (progress.enabled()) {
    options.on_progress = [&progress](std::uint64_t done) { progress.bytes(done); };
  }
  if (format.read) {
    Result<std::string> data = in.read_all(options.limits.max_input_bytes, progress);
    if (!data) return data.error();
    Result<Document> doc = format.read(*data, options);
    if (doc) progress.records(record_count(*doc));
    return doc;
  }
  Document doc;
  const RecordSink sink = [&](Record&& record) -> Status {
    progress.record();
    add_record(doc, std::move(record));
    return {};
  };
  Status status = format.read_stream(in.stream(), sink, options);
  if (!status) {
    Result<Document> failed(status.error());
    failed.warnings() = std::move(status.warnings());
    return failed;
  }
  Result<Document> result(std::move(doc));
  result.warnings() = std::move(status.warnings());
  return result;
}

/// Writes `doc` as `format` to `out`; warnings are appended to `warnings`.
Status write_document(const Document& doc, const Format& format, const WriteOptions& options,
                      std::ostream& out, std::vector<Error>& warnings) {
  if (format.write) {
    Result<std::string> text = format.write(doc, options);
    warnings.insert(warnings.end(), text.warnings().begin(), text.warnings().end());
    if (!text) return text.error();
    out.write(text->data(), static_cast<std::streamsize>(text->size()));
    return {};
  }
  std::unique_ptr<RecordWriter> writer = format.open_writer(out, options);
  Status status;
  const auto add = [&](Record record) {
    if (status) status = writer->add(record);
  };
  if (!doc.feed.empty()) add(doc.feed);
  for (const auto& r : doc.articles) add(r);
  for (const auto& r : doc.organizations) add(r);
  for (const auto& r : doc.commissioners) add(r);
  for (const auto& r : doc.people) add(r);
  for (const auto& r : doc.legislation) add(r);
  for (const auto& r : doc.contacts) add(r);
  if (status) status = writer->finish();
  warnings.insert(warnings.end(), writer->warnings().begin(), writer->warnings().end());
  return status;
}

/// A stream buffer that discards everything (validate --as).
class NullBuf : public std::streambuf {
 protected:
  int_type overflow(int_type ch) override { return traits_type::not_eof(ch); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// With no input named, standard input is read when it is not a terminal (a pipe or a file),
// so `a | pressroom convert --from xml --to json` works; false when there is nothing to read.
bool default_to_stdin(Args& args) {
  if (!args.inputs.empty()) return true;
  if (::isatty(STDIN_FILENO)) return false;
  args.inputs.push_back("-");
  return true;
}

/// The inputs with each directory replaced by the files under it (sorted, hidden ones
/// skipped) whose name gives a readable core format (feeds and archives, not pages). Reports and
/// returns false when a directory cannot be listed or holds no such file.
bool expand_inputs(const std::vector<std::string>& given, Catalog& registry, Reporter& reporter,
                   std::vector<std::string>& out) {
  bool ok = true;
  for (const std::string& path : given) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      const Format* f = registry.find_archive_by_path(name);
      if (f && (f->read || f->read_stream)) found.push_back(it->path().string());
    }
    if (ec) {
      reporter.report(path, cli_error(ErrorCode::io, "cannot list: " + ec.message()));
      ok = false;
      continue;
    }
    if (found.empty()) {
      reporter.report(path,
                      cli_error(ErrorCode::io, "no file in a known format in this directory"));
      ok = false;
      continue;
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return ok;
}

/// The total size of the inputs, when every one is a regular file.
std::optional<std::uint64_t> total_size(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  for (const std::string& path : inputs) {
    std::error_code ec;
    if (path == "-" || !fs::is_regular_file(path, ec)) return std::nullopt;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    total += size;
  }
  return total;
}

/// Opens an input and picks its format; reports and returns false on failure.
bool open_input(const std::string& path, const Detector& detect, Reporter& reporter,
                std::unique_ptr<Input>& in, const Format*& format) {
  Result<std::unique_ptr<Input>> opened = Input::open(path);
  if (!opened) {
    reporter.report(input_name(path), opened.error());
    return false;
  }
  in = std::move(*opened);
  format = detect(*in);
  if (!format) {
    reporter.report(in->name(), cli_error(ErrorCode::not_this_format,
                                          "cannot tell the input's format; use --from"));
    return false;
  }
  return true;
}

struct ConvertPlan {
  Setup* setup = nullptr;
  const Format* to = nullptr;
  std::string output;     // "" = standard output
  std::string split_dir;  // --split: one output per input in this directory
  WriteOptions write;
  MergeOptions merge;
};

/// `error` from a writer, with the cause of a failed write when the output saw one: the
/// writers see only a stream that failed, the output knows the errno.
Error with_cause(Error error, const Output& out) {
  if (error.code == ErrorCode::io && out.write_errno() != 0) {
    error.message += ": ";
    error.message += std::strerror(out.write_errno());
  }
  return error;
}

/// Converts one input record by record.
bool convert_streaming(Input& in, const Format& from, const ConvertPlan& plan, Output& out,
                       Reporter& reporter, Progress& progress) {
  ReadOptions options = plan.setup->read;
  if (progress.enabled()) {
    options.on_progress = [&progress](std::uint64_t done) { progress.bytes(done); };
  }
  std::unique_ptr<RecordWriter> writer = plan.to->open_writer(out.stream(), plan.write);
  std::optional<Error> write_error;
  const RecordSink sink = [&](Record&& record) -> Status {
    progress.record();
    Status status = writer->add(record);
    if (!status) write_error = status.error();
    return status;
  };
  Status status = from.read_stream(in.stream(), sink, options);
  reporter.report_all(in.name(), status.warnings());
  bool ok = true;
  if (const std::optional<Error> unread = in.read_error()) {
    reporter.report(in.name(), *unread);  // a failed read, not the end of the input
    ok = false;
  } else if (write_error) {
    reporter.report(out.name(), with_cause(*write_error, out));
    ok = false;
  } else if (!status) {
    reporter.report(in.name(), status.error());
    ok = false;
  } else {
    Status finished = writer->finish();
    if (!finished) {
      reporter.report(out.name(), with_cause(finished.error(), out));
      ok = false;
    }
  }
  reporter.report_all(out.name(), writer->warnings());
  return ok;
}

/// Writes `doc` to `out`, reporting what goes wrong.
bool write_to(const Document& doc, const ConvertPlan& plan, Output& out, Reporter& reporter) {
  std::vector<Error> warnings;
  Status written = write_document(doc, *plan.to, plan.write, out.stream(), warnings);
  reporter.report_all(out.name(), warnings);
  if (!written) reporter.report(out.name(), with_cause(written.error(), out));
  return static_cast<bool>(written);
}

/// Commits `out` when `ok` and no warning came under --strict since `warnings_before`;
/// else discards it. Returns whether the output was written.
bool settle_output(std::string_view command, const ConvertPlan& plan, Output& out, bool ok,
                   Reporter& reporter, std::size_t warnings_before) {
  const std::size_t warnings = reporter.warnings() - warnings_before;
  if (ok && plan.setup->strict && warnings > 0) {
    std::string text = "pressroom " + std::string(command) + ": " + std::to_string(warnings) +
                       " warning(s) under --strict; " + printable(out.name()) + " not written\n";
    print_err(text);
    ok = false;
  }
  if (!ok) {
    out.discard();
    return false;
  }
  Status committed = out.commit();
  if (!committed) {
    reporter.report(out.name(), committed.error());
    return false;
  }
  return true;
}

/// Converts the one input `path` to `output` (streaming when both formats can).
bool convert_one(std::string_view command, const ConvertPlan& plan, const std::string& path,
                 const std::string& output, Reporter& reporter, Progress& progress) {
  const std::size_t warnings_before = reporter.warnings();
  std::unique_ptr<Input> in;
  const Format* from = nullptr;
  if (!open_input(path, plan.setup->detect, reporter, in, from)) return false;
  Result<std::unique_ptr<Output>> opened = Output::open(output);
  if (!opened) {
    reporter.report(output, opened.error());
    return false;
  }
  Output& out = **opened;
  progress.next_input(in->name());
  bool ok = true;
  if (from->read_stream && plan.to->open_writer) {
    ok = convert_streaming(*in, *from, plan, out, reporter, progress);
  } else {
    Result<Document> doc = read_document(*in, *from, plan.setup->read, progress);
    reporter.report_all(in->name(), doc.warnings());
    if (!doc) {
      reporter.report(in->name(), doc.error());
      ok = false;
    } else {
      ok = write_to(*doc, plan, out, reporter);
    }
  }
  progress.finish();
  return settle_output(command, plan, out, ok, reporter, warnings_before);
}

/// Reads every input, merges them (pressroom::Merger) and writes the result.
bool convert_merged(std::string_view command, const ConvertPlan& plan,
                    const std::vector<std::string>& inputs, Reporter& reporter,
                    Progress& progress) {
  Result<std::unique_ptr<Output>> opened = Output::open(plan.output);
  if (!opened) {
    reporter.report(plan.output.empty() ? "<stdout>" : plan.output, opened.error());
    return false;
  }
  Output& out = **opened;
  Merger merger(plan.merge);
  bool ok = true;
  for (const std::string& path : inputs) {
    std::unique_ptr<Input> in;
    const Format* from = nullptr;
    if (!open_input(path, plan.setup->detect, reporter, in, from)) {
      ok = false;
      break;
    }
    progress.next_input(in->name());
    Result<Document> doc = read_document(*in, *from, plan.setup->read, progress);
    reporter.report_all(in->name(), doc.warnings());
    if (!doc) {
      reporter.report(in->name(), doc.error());
      ok = false;
      break;
    }
    reporter.report_all(in->name(), merger.add(std::move(*doc)));
  }
  progress.finish();
  if (ok) {
    const Result<Document> merged = merger.finish();
    ok = write_to(*merged, plan, out, reporter);
  }
  return settle_output(command, plan, out, ok, reporter, 0);
}

/// The name of input `path`'s output in `dir`: its stem and the shortest extension of `to`.
std::string split_output(const std::string& dir, const std::string& path, const Format& to) {
  std::string stem = path == "-" ? std::string("stdin") : fs::path(path).stem().string();
  std::string ext;
  for (const std::string& e : to.extensions) {
    if (ext.empty() || e.size() < ext.size()) ext = e;
  }
  if (!ext.empty()) stem += "." + ext;
  return (fs::path(dir) / stem).string();
}

/// --split: one output per input, each written atomically.
int convert_split(std::string_view command, const ConvertPlan& plan,
                  const std::vector<std::string>& inputs, Reporter& reporter, Progress& progress) {
  std::vector<std::string> outputs;
  std::set<std::string> seen;
  for (const std::string& path : inputs) {
    outputs.push_back(split_output(plan.split_dir, path, *plan.to));
    if (!seen.insert(outputs.back()).second) {
      return usage_error(command, "two inputs would both write '" + outputs.back() + "'");
    }
  }
  std::error_code ec;
  fs::create_directories(plan.split_dir, ec);
  if (ec) {
    reporter.report(plan.split_dir, cli_error(ErrorCode::io, "cannot create: " + ec.message()));
    return exit_bad_input;
  }
  bool ok = true;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    ok = convert_one(command, plan, inputs[i], outputs[i], reporter, progress) && ok;
  }
  return ok ? exit_ok : exit_bad_input;
}

int execute_convert(std::string_view command, const ConvertPlan& plan,
                    const std::vector<std::string>& given) {
  Reporter reporter;
  std::vector<std::string> inputs;
  if (!expand_inputs(given, plan.setup->registry, reporter, inputs)) {
    return exit_bad_input;
  }
  Progress progress(input_name(inputs.front()), total_size(inputs), plan.setup->progress);
  if (!plan.split_dir.empty()) return convert_split(command, plan, inputs, reporter, progress);
  const bool ok = inputs.size() == 1
                      ? convert_one(command, plan, inputs[0], plan.output, reporter, progress)
                      : convert_merged(command, plan, inputs, reporter, progress);
  return ok ? exit_ok : exit_bad_input;
}

/// The output format from --to, else from the -o file's extension, else `fallback`.
const Format* output_format(Catalog& registry, std::string_view command, const Args& args,
                            const char* fallback, int& exit) {
  if (args.has("--to")) return named_format(registry, command, args.get("--to"), false, exit);
  const std::string output = args.get("-o");
  if (!output.empty() && output != "-") {
    const Format* f = registry.find_by_path(output);
    if (f) return named_format(registry, command, f->name, false, exit);
    if (!fallback) {
      exit = usage_error(command, "cannot tell the output format from '" + output + "'; use --to");
      return nullptr;
    }
  }
  if (fallback) return named_format(registry, command, fallback, false, exit);
  exit = usage_error(command, "missing --to FORMAT");
  return nullptr;
}

/// The writing options of convert and extract.
const std::vector<OptionSpec> writing_specs = {{"--to", "--to", true},
                                               {"-o", "-o", true},
                                               {"--output", "-o", true},
                                               {"--compact", "--compact", false}};

}  // namespace

// --- convert ------------------------------------------------------------------------------

int run_convert(int argc, char** argv, int first) {
  Args args;
  int exit = exit_ok;
  std::vector<OptionSpec> specs = writing_specs;
  specs.push_back({"--split", "--split", true});
  if (!parse_command("convert", convert_help, argc, argv, first, reading_specs(specs), args,
                     exit)) {
    return exit;
  }
  if (!default_to_stdin(args))
    return usage_error("convert", "no input given (use - for standard input)");
  if (args.has("--split") && args.has("-o")) {
    return usage_error("convert", "give -o or --split, not both");
  }
  Setup setup;
  if (!set_up("convert", args, setup, exit)) return exit;
  ConvertPlan plan;
  plan.setup = &setup;
  plan.to = output_format(setup.registry, "convert", args, nullptr, exit);
  if (!plan.to) return exit;
  plan.output = args.get("-o");
  plan.split_dir = args.get("--split");
  if (args.has("--split") && plan.split_dir.empty()) {
    return usage_error("convert", "--split needs a directory");
  }
  plan.write.pretty = !args.has("--compact");
  return execute_convert("convert", plan, args.inputs);
}

// --- extract ------------------------------------------------------------------------------

int run_extract(int argc, char** argv, int first) {
  Args args;
  int exit = exit_ok;
  if (!parse_command("extract", extract_help, argc, argv, first, reading_specs(writing_specs), args,
                     exit)) {
    return exit;
  }
  Setup setup;
  if (!setup.registry.load_extract()) {
    return usage_error("extract",
                       "not available: this pressroom was built without the extractor "
                       "(pressroom::extract)");
  }
  if (args.inputs.size() != 1) return usage_error("extract", "give exactly one input (or -)");
  if (args.has("--from")) {
    const std::string name = args.get("--from");
    if (name != "text" && name != "html") {
      return usage_error("extract", "--from must be text or html, not '" + name + "'");
    }
  }
  if (!set_up("extract", args, setup, exit)) return exit;
  if (!setup.from) {
    Catalog& registry = setup.registry;
    setup.detect = [&registry](const Input& in) {
      return registry.detect_page(in.head(), in.detect_path());
    };
  }
  ConvertPlan plan;
  plan.setup = &setup;
  plan.to = output_format(setup.registry, "extract", args, "json", exit);
  if (!plan.to) return exit;
  plan.output = args.get("-o");
  plan.write.pretty = !args.has("--compact");
  return execute_convert("extract", plan, args.inputs);
}

// --- validate -----------------------------------------------------------------------------

int run_validate(int argc, char** argv, int first) {
  Args args;
  int exit = exit_ok;
  if (!parse_command("validate", validate_help, argc, argv, first,
                     reading_specs({{"--as", "--as", true}}), args, exit)) {
    return exit;
  }
  if (!default_to_stdin(args))
    return usage_error("validate", "no input given (use - for standard input)");
  Setup setup;
  if (!set_up("validate", args, setup, exit)) return exit;
  const Format* as = nullptr;
  if (args.has("--as")) {
    as = named_format(setup.registry, "validate", args.get("--as"), false, exit);
    if (!as) return exit;
  }
  bool failed = false;
  Progress progress(input_name(args.inputs.front()), total_size(args.inputs), setup.progress);
  for (const std::string& path : args.inputs) {
    Reporter reporter;
    std::unique_ptr<Input> in;
    const Format* format = nullptr;
    if (open_input(path, setup.detect, reporter, in, format)) {
      progress.next_input(in->name());
      Result<Document> doc = read_document(*in, *format, setup.read, progress);
      progress.finish();
      reporter.report_all(in->name(), doc.warnings());
      if (!doc) {
        reporter.report(in->name(), doc.error());
      } else {
        for (const Error& e : validate(*doc)) reporter.report(in->name(), e);
        if (as) {
          NullBuf null;
          std::ostream sink(&null);
          std::vector<Error> warnings;
          Status written = write_document(*doc, *as, WriteOptions{}, sink, warnings);
          reporter.report_all(in->name(), warnings);
          if (!written) reporter.report(in->name(), written.error());
        }
      }
    }
    const bool bad = reporter.errors() > 0 || (setup.strict && reporter.warnings() > 0);
    failed = failed || bad;
    std::string summary = printable(input_name(path)) + ": ";
    if (reporter.errors() == 0 && reporter.warnings() == 0) {
      summary += "ok";
    } else {
      summary += std::to_string(reporter.errors()) + " error(s), " +
                 std::to_string(reporter.warnings()) + " warning(s)";
    }
    summary += '\n';
    print_out(summary);
  }
  return failed ? exit_bad_input : exit_ok;
}

// --- formats ------------------------------------------------------------------------------

int run_formats(int argc, char** argv, int first) {
  Args args;
  int exit = exit_ok;
  if (!parse_command("formats", formats_help, argc, argv, first, {{"--json", "--json", false}},
                     args, exit)) {
    return exit;
  }
  if (!args.inputs.empty()) {
    return usage_error("formats", "unexpected argument '" + args.inputs[0] + "'");
  }
  Catalog registry;
  const auto streams = [](const Format& f) -> std::string {
    if (f.read_stream && f.open_writer) return "read,write";
    if (f.read_stream) return "read";
    if (f.open_writer) return "write";
    return "no";
  };
  const auto join = [](const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& item : items) {
      if (!s.empty()) s += ',';
      s += item;
    }
    return s;
  };
  std::string out;
  if (args.has("--json")) {
    const auto flag = [](bool b) { return b ? "true" : "false"; };
    const auto list = [](const std::vector<std::string>& items) {
      std::string s = "[";
      for (const std::string& item : items) {
        if (s.size() > 1) s += ", ";
        append_json_string(s, item);
      }
      return s + "]";
    };
    out = "[";
    bool first_format = true;
    for (const Format* format : registry.all()) {
      const Format& f = *format;
      out += first_format ? "\n  {" : ",\n  {";
      first_format = false;
      out += "\"name\": ";
      append_json_string(out, f.name);
      out += ", \"reads\": ";
      out += flag(f.read || f.read_stream);
      out += ", \"writes\": ";
      out += flag(f.write || f.open_writer);
      out += ", \"read_streams\": ";
      out += flag(static_cast<bool>(f.read_stream));
      out += ", \"write_streams\": ";
      out += flag(static_cast<bool>(f.open_writer));
      out += ", \"lossless\": ";
      out += flag(f.carries.lossless);
      out += ", \"extensions\": " + list(f.extensions);
      out += ", \"media_types\": " + list(f.media_types);
      out += ", \"description\": ";
      append_json_string(out, f.description);
      out += '}';
    }
    out += first_format ? "]\n" : "\n]\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"name", "reads", "writes", "streams", "lossless", "extensions", "description"});
    for (const Format* format : registry.all()) {
      const Format& f = *format;
      rows.push_back({f.name, f.read || f.read_stream ? "yes" : "no",
                      f.write || f.open_writer ? "yes" : "no", streams(f),
                      f.carries.lossless ? "yes" : "no", join(f.extensions), f.description});
    }
    std::vector<std::size_t> widths(rows[0].size(), 0);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
    }
    for (const auto& row : rows) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line.append(widths[i] - row[i].size() + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line;
      out += '\n';
    }
  }
  print_out(out);
  return exit_ok;
}

// --- stats --------------------------------------------------------------------------------

int run_stats(int argc, char** argv, int first) {
  Args args;
  int exit = exit_ok;
  if (!parse_command("stats", stats_help, argc, argv, first,
                     reading_specs({{"--json", "--json", false}}), args, exit)) {
    return exit;
  }
  if (!default_to_stdin(args))
    return usage_error("stats", "no input given (use - for standard input)");
  Setup setup;
  if (!set_up("stats", args, setup, exit)) return exit;
  // Counts in the order of Record's alternatives: feed, article, organization, commissioner,
  // person, legislation, contact.
  std::uint64_t counts[std::variant_size_v<Record>] = {};
  Reporter reporter;
  bool failed = false;
  Progress progress(input_name(args.inputs.front()), total_size(args.inputs), setup.progress);
  for (const std::string& path : args.inputs) {
    std::unique_ptr<Input> in;
    const Format* format = nullptr;
    if (!open_input(path, setup.detect, reporter, in, format)) {
      failed = true;
      continue;
    }
    progress.next_input(in->name());
    if (format->read_stream) {
      ReadOptions options = setup.read;
      if (progress.enabled()) {
        options.on_progress = [&progress](std::uint64_t done) { progress.bytes(done); };
      }
      const RecordSink sink = [&](Record&& record) -> Status {
        progress.record();
        ++counts[record.index()];
        return {};
      };
      Status status = format->read_stream(in->stream(), sink, options);
      progress.finish();
      // What belongs to no record (a Document's own pressroom_version and extensions) is not
      // counted: the warning a streaming reader gives when it skips that data says nothing here.
      std::vector<Error>& warnings = status.warnings();
      warnings.erase(std::remove_if(warnings.begin(), warnings.end(),
                                    [](const Error& w) {
                                      return w.code == ErrorCode::unsupported &&
                                             w.path == "extensions";
                                    }),
                     warnings.end());
      reporter.report_all(in->name(), status.warnings());
      if (const std::optional<Error> unread = in->read_error()) {
        reporter.report(in->name(), *unread);  // a failed read, not the end of the input
        failed = true;
      } else if (!status) {
        reporter.report(in->name(), status.error());
        failed = true;
      }
    } else {
      Result<Document> doc = read_document(*in, *format, setup.read, progress);
      progress.finish();
      reporter.report_all(in->name(), doc.warnings());
      if (!doc) {
        reporter.report(in->name(), doc.error());
        failed = true;
        continue;
      }
      counts[0] += doc->feed.empty() ? 0 : 1;
      counts[1] += doc->articles.size();
      counts[2] += doc->organizations.size();
      counts[3] += doc->commissioners.size();
      counts[4] += doc->people.size();
      counts[5] += doc->legislation.size();
      counts[6] += doc->contacts.size();
    }
  }
  const std::pair<const char*, std::uint64_t> rows[] = {
      {"articles", counts[1]}, {"organizations", counts[2]},      {"commissioners", counts[3]},
      {"people", counts[4]},   {"legislation", counts[5]},        {"contacts", counts[6]},
      {"feeds", counts[0]},    {"warnings", reporter.warnings()}, {"inputs", args.inputs.size()}};
  std::string out;
  if (args.has("--json")) {
    out = "{";
    for (const auto& row : rows) {
      if (out.size() > 1) out += ", ";
      append_json_string(out, row.first);
      out += ": " + std::to_string(row.second);
    }
    out += "}\n";
  } else {
    for (const auto& row : rows) {
      std::string line = row.first;
      line.append(16 - line.size(), ' ');
      out += line + std::to_string(row.second) + '\n';
    }
  }
  print_out(out);
  if (failed || (setup.strict && reporter.warnings() > 0)) return exit_bad_input;
  return exit_ok;
}

}  // namespace pressroom::cli
