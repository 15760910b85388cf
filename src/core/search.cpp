// search.cpp — substring search over case-folded, concatenated field texts; see search.h.
//
// Each field (title, tags, summary, body) of every node is folded once and appended to one string per field, so a
// query word costs one linear std::string::find scan per field; a match's node is found by binary search over the
// start offsets. Byte substrings of valid UTF-8 are whole-character matches, which is why CJK needs no tokenizer.
#include "core/search.h"

#include <algorithm>

namespace ex {

namespace {

// Lower-case code point for the letters fold_case handles; the result always has the same UTF-8 length.
unsigned lower_two_byte(unsigned cp) {
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;  // Latin-1 À..Þ
    if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        return cp | 1;  // Latin Ext-A even/odd pairs
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) ? cp + 1 : cp;
    if (cp == 0x178) return 0xFF;   // Ÿ
    if (cp == 0x386) return 0x3AC;  // Greek with tonos
    if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;  // Greek Α..Ω
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic А..Я
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;                 // Cyrillic Ѐ..Џ
    return cp;
}

bool is_word_char(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<std::string> split_words(const std::string& q) {
    std::vector<std::string> words;
    std::string cur;
    for (size_t i = 0; i < q.size();) {
        unsigned char c = (unsigned char)q[i];
        size_t space = 0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0) space = 1;
        else if (q.compare(i, 3, "\xE3\x80\x80") == 0) space = 3;  // U+3000 ideographic space
        if (space) {
            if (!cur.empty()) words.push_back(std::move(cur));
            cur.clear();
            i += space;
        } else {
            cur += q[i++];
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

constexpr float kFieldWeight[] = {8, 4, 2, 1};  // title, tags, summary, body
const char* const kFieldName[] = {"title", "tags", "summary", "body"};

}  // namespace

std::string fold_case(const std::string& s) {
    std::string out(s);
    for (size_t i = 0; i < out.size();) {
        unsigned char c = (unsigned char)out[i];
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') out[i] = (char)(c + 32);
            ++i;
        } else if (c >= 0xC2 && c <= 0xDF && i + 1 < out.size() && ((unsigned char)out[i + 1] & 0xC0) == 0x80) {
            unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)out[i + 1] & 0x3Fu);
            unsigned lo = lower_two_byte(cp);
            out[i] = (char)(0xC0 | (lo >> 6));
            out[i + 1] = (char)(0x80 | (lo & 0x3F));
            i += 2;
        } else {
            // Longer sequences (CJK, emoji) and stray bytes are left as they are.
            size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 1;
            i += std::min(len, out.size() - i);
        }
    }
    return out;
}

void SearchIndex::build(const Content& c, const std::string& lang) {
    node_count_ = c.nodes.size();
    for (auto& f : fields_) {
        f.text.clear();
        f.starts.clear();
        f.starts.reserve(node_count_);
    }
    std::string tmp;
    for (const Node& n : c.nodes) {
        auto add = [&](int field, const std::string& text) {
            fields_[field].starts.push_back(fields_[field].text.size());
            fields_[field].text += fold_case(text);
            fields_[field].text += '\0';
        };
        add(0, n.title.get(lang));
        tmp.clear();
        for (const Text& t : n.tags) {
            tmp += t.get(lang);
            tmp += '\n';
        }
        add(1, tmp);
        add(2, n.summary.get(lang));
        tmp.clear();
        for (const Text& t : n.body) {
            tmp += t.get(lang);
            tmp += '\n';
        }
        add(3, tmp);
    }
}

std::vector<SearchHit> SearchIndex::query(const std::string& q, size_t limit) const {
    std::vector<std::string> words = split_words(fold_case(q));
    if (words.empty() || node_count_ == 0 || limit == 0) return {};

    const size_t n = node_count_;
    std::vector<float> total(n, 0.0f), best_of_word(n, 0.0f), best_score(n, 0.0f);
    std::vector<int> words_matched(n, 0), best_field(n, kFields), field_of_word(n, kFields);
    std::vector<int> touched;
    for (const std::string& w : words) {
        touched.clear();
        for (int f = 0; f < kFields; ++f) {
            const Field& fld = fields_[f];
            for (size_t pos = fld.text.find(w); pos != std::string::npos; pos = fld.text.find(w, pos + 1)) {
                auto after = std::upper_bound(fld.starts.begin(), fld.starts.end(), pos);
                size_t node = (size_t)(after - fld.starts.begin()) - 1;
                bool starts_word = pos == fld.starts[node] || !is_word_char((unsigned char)fld.text[pos - 1]);
                bool ends_word = !is_word_char((unsigned char)fld.text[pos + w.size()]);  // '\0' ends each text
                // Word starts matter for alphabetic scripts; CJK matches (no boundaries) all count as substrings.
                float score = kFieldWeight[f] * (starts_word ? (ends_word ? 1.5f : 1.25f) : 1.0f);
                if (best_of_word[node] == 0.0f) touched.push_back((int)node);
                if (score > best_of_word[node]) {
                    best_of_word[node] = score;
                    field_of_word[node] = f;
                }
            }
        }
        for (int node : touched) {
            total[node] += best_of_word[node];
            ++words_matched[node];
            if (best_of_word[node] > best_score[node] ||
                (best_of_word[node] == best_score[node] && field_of_word[node] < best_field[node])) {
                best_score[node] = best_of_word[node];
                best_field[node] = field_of_word[node];
            }
            best_of_word[node] = 0.0f;
            field_of_word[node] = kFields;
        }
    }

    std::vector<SearchHit> hits;
    for (size_t i = 0; i < n; ++i)
        if (words_matched[i] == (int)words.size()) hits.push_back({(int)i, total[i], kFieldName[best_field[i]]});
    auto better = [](const SearchHit& a, const SearchHit& b) {
        return a.score != b.score ? a.score > b.score : a.node < b.node;
    };
    if (hits.size() > limit) {
        std::partial_sort(hits.begin(), hits.begin() + limit, hits.end(), better);
        hits.resize(limit);
    } else {
        std::sort(hits.begin(), hits.end(), better);
    }
    return hits;
}

}  // namespace ex
