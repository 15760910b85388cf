// search.h — find nodes by text: case-insensitive, partial words, all words required, ranked by field.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/content.h"

namespace ex {

struct SearchHit {
    int node = -1;
    float score = 0;    // higher is better; only the order is meaningful
    std::string field;  // where the best match is: title|tags|summary|body
};

// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters in UTF-8 text; everything else (CJK,
// digits, invalid bytes) is copied unchanged. Used on both the index and the query.
std::string fold_case(const std::string& utf8);

class SearchIndex {
  public:
    // Indexes the nodes' texts in `lang` (Text::get fallbacks apply). Linear in the text size.
    void build(const Content& content, const std::string& lang);
    // Nodes containing every whitespace-separated word of `q` somewhere (as a prefix or any substring of their
    // text), best first: a title match outranks tags, then summary, then body; whole words and word starts
    // outrank inner substrings; ties go to node order. An empty query finds nothing.
    std::vector<SearchHit> query(const std::string& q, size_t limit = 50) const;
    size_t node_count() const { return node_count_; }

  private:
    struct Field {
        std::string text;            // folded texts of all nodes, each ended by '\0'
        std::vector<size_t> starts;  // by node: offset of its text
    };
    static constexpr int kFields = 4;  // title, tags, summary, body: best first
    Field fields_[kFields];
    size_t node_count_ = 0;
};

}  // namespace ex
