// SPDX-License-Identifier: MIT
// Argument parsing, diagnostics and small helpers shared by the commands.
#include <cerrno>
#include <cstdio>
#include <iostream>

#include <unistd.h>

#include "cli.hpp"

namespace pressroom::cli {

bool Args::has(std::string_view canonical) const {
  for (const auto& option : options) {
    if (option.first == canonical) return true;
  }
  return false;
}

std::string Args::get(std::string_view canonical, std::string fallback) const {
  for (auto it = options.rbegin(); it != options.rend(); ++it) {
    if (it->first == canonical) return it->second;
  }
  return fallback;
}

namespace {
const OptionSpec* find_spec(const std::vector<OptionSpec>& specs, std::string_view name) {
  for (const OptionSpec& spec : specs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}
}  // namespace

bool parse_args(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, Args& out,
                std::string& error) {
  bool operands_only = false;
  for (int i = first; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (operands_only || arg == "-" || arg.empty() || arg[0] != '-') {
      out.inputs.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      operands_only = true;
      continue;
    }
    std::string_view name = arg;
    std::string_view attached;
    bool has_attached = false;
    if (arg.size() > 2 && arg[1] == '-') {  // --name or --name=value
      const std::size_t eq = arg.find('=');
      if (eq != std::string_view::npos) {
        name = arg.substr(0, eq);
        attached = arg.substr(eq + 1);
        has_attached = true;
      }
    } else if (arg.size() > 2) {  // -oFILE
      name = arg.substr(0, 2);
      attached = arg.substr(2);
      has_attached = true;
    }
    const OptionSpec* spec = find_spec(specs, name);
    if (!spec) {
      error = "unknown option '" + std::string(has_attached && arg[1] != '-' ? arg : name) + "'";
      return false;
    }
    if (!spec->takes_value) {
      if (has_attached) {
        error = "option '" + std::string(name) + "' takes no value";
        return false;
      }
      out.options.emplace_back(std::string(spec->canonical), std::string());
      continue;
    }
    if (has_attached) {
      out.options.emplace_back(std::string(spec->canonical), std::string(attached));
    } else if (i + 1 < argc) {
      out.options.emplace_back(std::string(spec->canonical), std::string(argv[++i]));
    } else {
      error = "option '" + std::string(name) + "' needs a value";
      return false;
    }
  }
  return true;
}

void Reporter::report(std::string_view name, const Error& error) {
  if (error.severity == Severity::warning) {
    ++warnings_;
  } else {
    ++errors_;
  }
  std::string line = printable(name);
  line += error.line > 0 ? ":" : ": ";
  line += to_string(error);
  line += '\n';
  print_err(line);
}

namespace {

int g_stdout_error = 0;

// Writes all of `text` to `fd`; the errno of a failed write, or 0.
int write_fd(int fd, std::string_view text) {
  const char* data = text.data();
  std::size_t size = text.size();
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return 0;
}

}  // namespace

void print_out(std::string_view text) {
  if (g_stdout_error == 0) g_stdout_error = write_fd(STDOUT_FILENO, text);
}

int stdout_error() noexcept { return g_stdout_error; }

void print_err(std::string_view text) {
  (void)write_fd(STDERR_FILENO, text);  // nowhere left to report a failure
}

void Reporter::report_all(std::string_view name, const std::vector<Error>& warnings) {
  for (const Error& w : warnings) report(name, w);
}

Error cli_error(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.format = code == ErrorCode::io ? "io" : "cli";
  e.message = std::move(message);
  return e;
}

int usage_error(std::string_view command, std::string_view message) {
  std::string text = "pressroom";
  if (!command.empty()) {
    text += ' ';
    text += command;
  }
  text += ": ";
  text += printable(message);
  text += "\nTry 'pressroom";
  if (!command.empty()) {
    text += ' ';
    text += command;
  }
  text += " --help' for more information.\n";
  print_err(text);
  return exit_usage;
}

namespace {

// The length of the well-formed UTF-8 sequence starting at s[i] (a byte of 0x80 or more), or 0
// (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const unsigned lead = b(0);
  const auto tail = [&](std::size_t k) { return (b(k) & 0xC0u) == 0x80u; };
  if (lead >= 0xC2 && lead <= 0xDF) return tail(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned second = b(1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)) return 0;
    return tail(1) && tail(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned second = b(1);
    if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) return 0;
    return tail(1) && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += hex[u >> 4];
          out += hex[u & 15];
        } else if (u < 0x80) {
          out += c;
        } else {
          // A whole UTF-8 sequence as it is; a byte that starts none becomes U+FFFD, so that
          // the output stays valid JSON whatever the value holds.
          const std::size_t n = utf8_sequence(value, i);
          if (n == 0) {
            out += "\xEF\xBF\xBD";
          } else {
            out.append(value.data() + i, n);
            i += n - 1;
          }
        }
    }
  }
  out += '"';
}

}  // namespace pressroom::cli
