// args.h — one key/value view of options, whether they come from a command line or a URL query (sokol's idea):
// `--lang zh --select talent` and `?lang=zh&select=talent` give the same Args.
#pragma once
#include <string>
#include <vector>

namespace ex {

struct Args {
    std::vector<std::pair<std::string, std::string>> options;  // (key without dashes, value or "" for a flag)
    std::vector<std::string>                         positional;
    std::vector<std::string>                         errors;   // e.g. "--lang needs a value"

    bool        has(const std::string& key) const;
    std::string get(const std::string& key, const std::string& fallback = "") const;  // last one wins
};

// `flags` are the options that take no value; every other `--key` takes the next argument (or `--key=value`).
Args parse_command_line(int argc, const char* const* argv, const std::vector<std::string>& flags);
// `?a=1&b&c=x%20y` (leading '?' or '#' optional); '+' is a space, %XX decoded.
Args parse_query(const std::string& query);

}  // namespace ex
