// load_match.h — fuzzy matching the loader needs for its messages: "did you mean ...?" and quote lookup.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ex {

// Optimal string alignment distance (Levenshtein plus adjacent swaps), ASCII case folded. Returns max + 1 as
// soon as the distance is known to exceed `max`, so callers pay for close candidates only.
size_t edit_distance(std::string_view a, std::string_view b, size_t max);

// Picks the closest candidate to a misspelt id or field name, or "" when nothing is close. Holds a work budget
// and a cache so that a file with thousands of dangling references cannot make loading slow.
class Suggester {
  public:
    // `pool` names the candidate list (e.g. "node") so results can be cached per list.
    std::string suggest(const std::string& pool, const std::string& missing,
                        const std::vector<std::string>& candidates);

  private:
    size_t budget_ = 30'000'000;  // dynamic-programming cells for the whole load
    std::unordered_map<std::string, std::string> cache_;
};

// Runs of ASCII whitespace become one space; leading and trailing whitespace goes.
std::string collapse_whitespace(std::string_view s);

struct QuoteMatch {
    bool found = false;
    bool differs_in_case_only = false;
    std::string matched_prefix;  // longest start of the quote found in the passage
    std::string next_in_quote;   // what follows that prefix in the quote (short)
};

// Does `quote` occur in `passage`, whitespace runs comparing equal? When not, says how far it gets.
QuoteMatch match_quote(std::string_view quote, std::string_view passage);

}  // namespace ex
