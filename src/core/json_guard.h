// json_guard.h — bytes → nlohmann::json for the loader, refusing what the parser would accept silently or choke
// on: empty input, UTF-16/32, NUL bytes, invalid UTF-8, deep nesting (checked while parsing), number overflow.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/problem.h"

namespace ex {

struct ParsedJson {
    bool ok = false;
    nlohmann::json root;
    // nlohmann::json sorts object keys; for objects that look like language maps (every key a language tag,
    // every value a string) this keeps the file order, by JSON pointer.
    std::unordered_map<std::string, std::vector<std::string>> key_order;
};

// Reports problems (pointer "" for whole-file problems) into `sink`; duplicate keys are warnings.
ParsedJson parse_json_guarded(std::string_view bytes, size_t max_depth, ProblemSink& sink);

// 1-based line and column (column counted in UTF-8 characters) of a byte offset.
struct LineColumn {
    size_t line = 1, column = 1;
};
LineColumn line_column(std::string_view bytes, size_t offset);

// Fills line, column (in characters, as line_column) and node of each problem from the JSON text it was found in,
// with one forgiving pass over the text. A pointer the text does not have (a missing field) takes its nearest
// ancestor's place; a message that names its own "line L, column C" (syntax errors) keeps that place.
void locate_problems(std::string_view json, std::vector<Problem>& problems);

bool is_language_tag(std::string_view s);  // ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$

}  // namespace ex
