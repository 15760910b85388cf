// args.cpp — command-line and URL-query parsing into the same Args.
#include "core/args.h"

#include <algorithm>
#include <string>

namespace ex {

bool Args::has(const std::string& key) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& kv) { return kv.first == key; });
}

std::string Args::get(const std::string& key, const std::string& fallback) const {
    for (auto it = options.rbegin(); it != options.rend(); ++it)
        if (it->first == key) return it->second;
    return fallback;
}

static const OptionSpec* find_option(const std::vector<OptionSpec>& table, const std::string& name) {
    for (const OptionSpec& o : table)
        if (name == o.name) return &o;
    return nullptr;
}

// "--key=value" or "-key" → "key".
static std::string option_name(const std::string& arg) {
    const std::string key = arg.substr(arg[1] == '-' ? 2 : 1);
    return key.substr(0, key.find('='));
}

Args parse_command_line(int argc, const char* const* argv, const std::vector<OptionSpec>& table) {
    Args a;
    // Unknown options first, over every argument, so that "--nope" is not taken for the value of the option before
    // it, nor reported as that option missing its value.
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i] ? argv[i] : "";
        if (s == "--") break;
        if (s.size() >= 2 && s[0] == '-' && !find_option(table, option_name(s)))
            a.errors.push_back("unknown option " + s);
    }
    bool only_positional = false;
    for (int i = 1; i < argc; ++i) {
        std::string s = argv[i] ? argv[i] : "";
        if (only_positional || s.size() < 2 || s[0] != '-') {
            a.positional.push_back(s);
            continue;
        }
        if (s == "--") {
            only_positional = true;
            continue;
        }
        std::string key = s.substr(s[1] == '-' ? 2 : 1);
        std::string value;
        const size_t eq = key.find('=');
        const OptionSpec* spec = find_option(table, key.substr(0, eq));
        const bool is_flag = !spec || !spec->takes_value;  // an unknown one is already an error: take no value
        if (eq != std::string::npos) {
            value = key.substr(eq + 1);
            key = key.substr(0, eq);
            if (is_flag && spec) a.errors.push_back("--" + key + " takes no value");
        } else if (!is_flag) {
            if (i + 1 >= argc) {
                a.errors.push_back("--" + key + " needs a value");
                continue;
            }
            value = argv[++i];
        }
        if (spec) a.options.emplace_back(key, value);
    }
    return a;
}

std::string options_usage(const std::vector<OptionSpec>& table) {
    constexpr size_t kHelpColumn = 29;
    std::string out;
    for (const OptionSpec& o : table) {
        std::string line = std::string("  --") + o.name + (*o.arg ? " " : "") + o.arg;
        line += line.size() < kHelpColumn ? std::string(kHelpColumn - line.size(), ' ') : " ";
        for (const char* c = o.help; *c; ++c) {
            line += *c;
            if (*c == '\n') line += std::string(kHelpColumn, ' ');
        }
        out += line + "\n";
    }
    return out;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static std::string url_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else out += s[i];
    }
    return out;
}

Args parse_query(const std::string& query) {
    Args a;
    size_t start = (!query.empty() && (query[0] == '?' || query[0] == '#')) ? 1 : 0;
    while (start < query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string part = query.substr(start, end - start);
        if (!part.empty()) {
            const size_t eq = part.find('=');
            if (eq == std::string::npos) a.options.emplace_back(url_decode(part), "");
            else a.options.emplace_back(url_decode(part.substr(0, eq)), url_decode(part.substr(eq + 1)));
        }
        start = end + 1;
    }
    return a;
}

}  // namespace ex
