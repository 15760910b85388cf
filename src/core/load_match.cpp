// load_match.cpp — edit distance, suggestions and quote matching for loader messages.
#include "core/load_match.h"

#include <algorithm>

#include "core/utf8.h"

namespace ex {

static char fold(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

size_t edit_distance(std::string_view a, std::string_view b, size_t max) {
    const size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > max) return max + 1;
    // Three rolling rows: the swap rule looks two rows back.
    std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j) prev[j] = j;
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= m; ++j) {
            const size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max) return max + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], max + 1);
}

std::string Suggester::suggest(const std::string& pool, const std::string& missing,
                               const std::vector<std::string>& candidates) {
    if (missing.empty() || missing.size() > 128) return "";
    const std::string key = pool + '\n' + missing;
    auto cached = cache_.find(key);
    if (cached != cache_.end()) return cached->second;
    // Short ids tolerate one slip, longer ones up to three; more than that suggests nonsense.
    const size_t max = missing.size() <= 6 ? 1 : missing.size() <= 11 ? 2 : 3;
    std::string best, prefix_match;
    size_t best_distance = max + 1, ties = 0;
    for (const auto& c : candidates) {
        if (c == missing) continue;
        // "dash" for "dashed": a clipped word is further than `max` but obviously meant.
        if (prefix_match.empty() && missing.size() >= 3 && c.size() > missing.size() &&
            c.compare(0, missing.size(), missing) == 0)
            prefix_match = c;
        const size_t lo = c.size() > missing.size() ? c.size() - missing.size() : missing.size() - c.size();
        if (lo > max || lo > best_distance) continue;
        const size_t cells = (c.size() + 1) * (missing.size() + 1);
        if (cells > budget_) break;
        budget_ -= cells;
        const size_t d = edit_distance(missing, c, std::min(max, best_distance));
        if (d < best_distance) {
            best_distance = d;
            best = c;
            ties = 0;
        } else if (d == best_distance && d <= max) ++ties;
        if (best_distance == 0) break;  // differs in letter case only
    }
    // "p4" is one edit from "p1", "p2" and "p3": naming one of them would be a guess.
    if (ties > 0 && best_distance > 0) best.clear();
    if (best.empty()) best = prefix_match;
    if (cache_.size() < 10000) cache_.emplace(key, best);
    return best;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

static std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = fold(c);
    return out;
}

QuoteMatch match_quote(std::string_view quote, std::string_view passage) {
    QuoteMatch r;
    const std::string q = collapse_whitespace(quote), p = collapse_whitespace(passage);
    if (p.find(q) != std::string::npos) {
        r.found = true;
        return r;
    }
    if (lower_ascii(p).find(lower_ascii(q)) != std::string::npos) {
        r.differs_in_case_only = true;
        return r;
    }
    // Occurrence of a prefix is monotone in its length, so binary search the longest one that occurs.
    size_t lo = 0, hi = q.size();
    while (lo < hi) {
        const size_t mid = (lo + hi + 1) / 2;
        if (p.find(std::string_view(q).substr(0, mid)) != std::string::npos) lo = mid;
        else hi = mid - 1;
    }
    lo = utf8_floor(q, lo);
    r.matched_prefix = q.substr(0, lo);
    r.next_in_quote = q.substr(lo, utf8_floor(q, std::min(q.size(), lo + 12)) - lo);
    return r;
}

}  // namespace ex
