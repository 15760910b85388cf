// args.h — one key/value view of options, whether they come from a command line or a URL query (sokol's idea):
// `--lang zh --select talent` and `?lang=zh&select=talent` give the same Args.
#pragma once
#include <string>
#include <vector>

namespace ex {

struct Args {
    std::vector<std::pair<std::string, std::string>> options;  // (key without dashes, value or "" for a flag)
    std::vector<std::string> positional;
    std::vector<std::string> errors;  // e.g. "--lang needs a value"

    bool has(const std::string& key) const;
    std::string get(const std::string& key, const std::string& fallback = "") const;  // last one wins
};

// One command-line option. A program's table of these gives its known options, the ones that take a value and the
// options part of its usage text, so the three cannot drift apart.
struct OptionSpec {
    const char* name;  // without dashes: "lang"
    bool takes_value;  // "--lang zh" or "--lang=zh"; else a flag ("--help")
    const char* arg;   // what the usage shows after it: "TAG", "[FILE]", ""
    const char* help;  // lines separated by '\n'
};

// Options from `table` only: any other argument starting with '-' (even where a value is due: "--lang --nope") is
// an error, "unknown option --nope", listed before the other errors ("--lang needs a value", "--help takes no
// value"). An option taking a value takes the next argument, or `--key=value`; "--" ends the options.
Args parse_command_line(int argc, const char* const* argv, const std::vector<OptionSpec>& table);
// The table as usage lines: "  --lang TAG", padded to a column, then its help (further lines indented to it).
std::string options_usage(const std::vector<OptionSpec>& table);
// `?a=1&b&c=x%20y` (leading '?' or '#' optional); '+' is a space, %XX decoded.
Args parse_query(const std::string& query);

}  // namespace ex
