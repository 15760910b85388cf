// json_splice.cpp — spans of the original text, the style detected from them, and the writer that splices.
//
// Index
//   [SECTION] Spans      where every value, key and separator of the original text is
//   [SECTION] Style      indent unit, key spacing, one-line lists — by majority over the file
//   [SECTION] Fresh      a new value in the style
//   [SECTION] Splice     the edited value, reusing the original text wherever it still holds
#include "core/json_splice.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>

namespace ex {

using OJson = nlohmann::ordered_json;
using Span = JsonLayout::Span;

static size_t count_chars(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

static size_t line_start(const std::string& t, size_t pos) {
    const size_t nl = pos == 0 ? std::string::npos : t.rfind('\n', pos - 1);
    return nl == std::string::npos ? 0 : nl + 1;
}

// The whitespace that starts the line `pos` is on.
static std::string line_indent(const std::string& t, size_t pos) {
    const size_t from = line_start(t, pos);
    size_t k = from;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
    return t.substr(from, k - from);
}

// Where a member's text starts: its key for an object member, its value in a list.
static size_t member_start(const Span& kid) { return kid.key_begin ? kid.key_begin : kid.begin; }

// [SECTION] Spans -----------------------------------------------------------------------------------------------

namespace {

struct SpanParser {
    const std::string& t;
    size_t i = 0;
    bool ok = true;

    void ws() {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    }
    size_t string_end(size_t at) {  // `at` is the opening quote; returns the index after the closing one
        size_t k = at + 1;
        while (k < t.size() && t[k] != '"') k += t[k] == '\\' ? 2 : 1;
        if (k >= t.size()) {
            ok = false;
            return t.size();
        }
        return k + 1;
    }
    std::string key_at(size_t begin, size_t end) {
        const std::string raw = t.substr(begin, end - begin);
        if (raw.find('\\') == std::string::npos) return raw.substr(1, raw.size() - 2);
        try {
            return nlohmann::json::parse(raw).get<std::string>();
        } catch (const std::exception&) {
            ok = false;
            return "";
        }
    }
    Span value() {
        Span s;
        ws();
        s.begin = i;
        if (i >= t.size()) {
            ok = false;
            return s;
        }
        const char c = t[i];
        if (c == '"') {
            i = string_end(i);
        } else if (c == '{' || c == '[') {
            s.kind = c;
            const char close = c == '{' ? '}' : ']';
            ++i;
            ws();
            if (i < t.size() && t[i] == close) ++i;
            else
                while (ok) {
                    size_t key_begin = 0;
                    std::string key;
                    if (c == '{') {
                        ws();
                        if (i >= t.size() || t[i] != '"') {
                            ok = false;
                            break;
                        }
                        key_begin = i;
                        i = string_end(i);
                        key = key_at(key_begin, i);
                        ws();
                        if (i >= t.size() || t[i] != ':') {
                            ok = false;
                            break;
                        }
                        ++i;
                    }
                    s.kids.push_back(value());
                    s.kids.back().key_begin = key_begin;
                    s.kids.back().key = std::move(key);
                    ws();
                    if (i < t.size() && t[i] == ',') {
                        ++i;
                        continue;
                    }
                    if (i < t.size() && t[i] == close) {
                        ++i;
                        break;
                    }
                    ok = false;
                }
        } else {
            while (i < t.size() && !std::strchr(" \t\r\n,]}", t[i])) ++i;  // a number, true, false or null
        }
        s.end = i;
        return s;
    }
};

// Spans and value must describe the same tree; where they do not (an object with a duplicate key, which the
// parser keeps once), the container is written afresh when it changes.
void align(const OJson& v, Span& s) {
    bool same = (s.kind == '{' && v.is_object()) || (s.kind == '[' && v.is_array());
    same = same && v.size() == s.kids.size();
    if (same && s.kind == '{') {
        size_t k = 0;
        for (auto it = v.begin(); it != v.end() && same; ++it, ++k) same = it.key() == s.kids[k].key;
    }
    if (!same) {
        s.kind = 0;
        s.kids.clear();
        return;
    }
    size_t k = 0;
    for (const OJson& item : v) align(item, s.kids[k++]);
}

}  // namespace

// [SECTION] Style -----------------------------------------------------------------------------------------------

namespace {

struct Tally {
    std::map<std::string, int> indent, colon, separator;
    int one_line_leaf = 0, multi_line_leaf = 0, one_line_nested = 0;
    int pad_object = 0, tight_object = 0, pad_array = 0, tight_array = 0, pad_nested = 0, tight_nested = 0;
    size_t width = 0;
};

template <typename Map>
std::string most_common(const Map& m, const std::string& fallback) {
    std::string best = fallback;
    int n = 0;
    for (const auto& [k, count] : m)
        if (count > n) {
            best = k;
            n = count;
        }
    return best;
}

void tally(const std::string& t, const Span& s, Tally& out) {
    if (s.kind == 0 || s.kids.empty()) return;
    const size_t first = member_start(s.kids[0]);
    const bool multi_line = t.find('\n', s.begin) < first;
    bool leaf = true;
    for (const Span& kid : s.kids) leaf = leaf && t[kid.begin] != '{' && t[kid.begin] != '[';
    if (multi_line) {
        const std::string member = line_indent(t, first), outer = line_indent(t, s.begin);
        if (member.size() > outer.size() && member.compare(0, outer.size(), outer) == 0)
            ++out.indent[member.substr(outer.size())];
        out.multi_line_leaf += leaf;
    } else {
        const bool pad = t[s.begin + 1] == ' ';
        if (s.kind == '{') (pad ? out.pad_object : out.tight_object)++;
        else if (leaf) (pad ? out.pad_array : out.tight_array)++;
        else (pad ? out.pad_nested : out.tight_nested)++;
        const size_t from = line_start(t, s.end);
        out.width = std::max(out.width, count_chars(std::string_view(t).substr(from, s.end - from)));
        if (s.kids.size() >= 2) ++out.separator[t.substr(s.kids[0].end, member_start(s.kids[1]) - s.kids[0].end)];
        (leaf ? out.one_line_leaf : out.one_line_nested)++;
    }
    if (s.kind == '{') {
        const Span& kid = s.kids[0];
        size_t key_end = kid.key_begin + 1;
        while (key_end < kid.begin && t[key_end] != '"') key_end += t[key_end] == '\\' ? 2 : 1;
        if (key_end < kid.begin) ++out.colon[t.substr(key_end + 1, kid.begin - key_end - 1)];
    }
    for (const Span& kid : s.kids) tally(t, kid, out);
}

}  // namespace

bool JsonLayout::read(std::string text) {
    text_ = std::move(text);
    read_ = false;
    style_ = JsonStyle{};
    root_ = Span{};
    try {
        value_ = OJson::parse(text_);
    } catch (const std::exception&) {
        value_ = nullptr;
        return false;
    }
    SpanParser parser{text_};
    root_ = parser.value();
    parser.ws();
    if (!parser.ok || parser.i != text_.size()) return false;
    align(value_, root_);

    Tally t;
    tally(text_, root_, t);
    style_.indent = most_common(t.indent, style_.indent);
    style_.colon = most_common(t.colon, style_.colon);
    style_.newline = text_.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    style_.compact = t.one_line_leaf > t.multi_line_leaf;
    style_.compact_nested = style_.compact && t.one_line_nested > 0;
    style_.pad_object = t.pad_object >= t.tight_object;
    style_.pad_array = t.pad_array > t.tight_array;
    style_.pad_array_nested = t.pad_nested > t.tight_nested;
    const std::string sep = most_common(t.separator, style_.item_separator);
    if (sep.find('\n') == std::string::npos) style_.item_separator = sep;
    style_.line_width = std::max<size_t>(t.width, 80);
    read_ = true;
    return true;
}

// [SECTION] Fresh -----------------------------------------------------------------------------------------------

// On one line, or false when the style keeps it on several.
static bool one_line(const OJson& v, const JsonStyle& st, std::string& out, int depth) {
    if (!v.is_structured() || v.empty()) {
        out += v.dump();
        return true;
    }
    if (depth > 0 && !st.compact_nested) return false;
    const bool object = v.is_object();
    bool leaf = true;
    for (const OJson& item : v) leaf = leaf && !item.is_structured();
    const bool pad = object ? st.pad_object : leaf ? st.pad_array : st.pad_array_nested;
    out += object ? '{' : '[';
    if (pad) out += ' ';
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += st.item_separator;
        first = false;
        if (object) out += OJson(it.key()).dump() + st.colon;
        if (!one_line(*it, st, out, depth + 1)) return false;
    }
    if (pad) out += ' ';
    out += object ? '}' : ']';
    return true;
}

// How a new value is laid out: as the style says, or like the list items beside it.
enum class Shape { Style, MultiLine, OneLine };

static void fresh(const OJson& v, const JsonStyle& st, const std::string& indent, size_t column, std::string& out,
                  Shape shape = Shape::Style) {
    if (!v.is_structured() || v.empty()) {
        out += v.dump();
        return;
    }
    if ((st.compact && shape != Shape::MultiLine) || shape == Shape::OneLine) {
        std::string line;
        if (one_line(v, st, line, 0) && column + count_chars(line) <= st.line_width) {
            out += line;
            return;
        }
    }
    const bool object = v.is_object();
    const std::string inner = indent + st.indent;
    out += object ? '{' : '[';
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out += ',';
        first = false;
        out += st.newline;
        out += inner;
        size_t col = count_chars(inner);
        if (object) {
            const std::string key = OJson(it.key()).dump() + st.colon;
            out += key;
            col += count_chars(key);
        }
        fresh(*it, st, inner, col, out);
    }
    out += st.newline;
    out += indent;
    out += object ? '}' : ']';
}

std::string dump_styled(const OJson& value, const JsonStyle& style, const std::string& indent, size_t column) {
    std::string out;
    fresh(value, style, indent, column, out);
    return out;
}

// [SECTION] Splice ----------------------------------------------------------------------------------------------

namespace {

// For each element of `now`, the element of `was` it continues (or -1: new), in order. Equal elements are matched
// first (common head and tail, then a longest common subsequence), then the rest pair up in place: an edited
// element keeps its old text around the edit.
std::vector<int> match_elements(const OJson& now, const OJson& was) {
    const size_t n = now.size(), m = was.size();
    std::vector<int> from(n, -1);
    size_t head = 0;
    while (head < n && head < m && now[head] == was[head]) {
        from[head] = int(head);
        ++head;
    }
    size_t tail = 0;
    while (tail < n - head && tail < m - head && now[n - 1 - tail] == was[m - 1 - tail]) {
        from[n - 1 - tail] = int(m - 1 - tail);
        ++tail;
    }
    const size_t a = n - head - tail, b = m - head - tail;
    std::vector<std::pair<size_t, size_t>> anchors;  // equal pairs in the middle, in order
    if (a > 0 && b > 0 && a * b <= (size_t(1) << 20)) {
        std::hash<OJson> hasher;
        std::vector<size_t> hn(a), hm(b);
        for (size_t i = 0; i < a; ++i) hn[i] = hasher(now[head + i]);
        for (size_t j = 0; j < b; ++j) hm[j] = hasher(was[head + j]);
        auto same = [&](size_t i, size_t j) { return hn[i] == hm[j] && now[head + i] == was[head + j]; };
        std::vector<uint32_t> lcs((a + 1) * (b + 1), 0);  // lcs[i][j]: of now[i..] and was[j..]
        for (size_t i = a; i-- > 0;)
            for (size_t j = b; j-- > 0;)
                lcs[i * (b + 1) + j] = same(i, j) ? lcs[(i + 1) * (b + 1) + j + 1] + 1
                                                  : std::max(lcs[(i + 1) * (b + 1) + j], lcs[i * (b + 1) + j + 1]);
        for (size_t i = 0, j = 0; i < a && j < b;) {
            if (same(i, j)) anchors.push_back({i++, j++});
            else if (lcs[(i + 1) * (b + 1) + j] >= lcs[i * (b + 1) + j + 1]) ++i;
            else ++j;
        }
    }
    anchors.push_back({a, b});  // the end of the middle closes the last gap
    size_t i0 = 0, j0 = 0;
    for (const auto& [i1, j1] : anchors) {
        for (size_t k = 0; k < std::min(i1 - i0, j1 - j0); ++k) from[head + i0 + k] = int(head + j0 + k);
        if (i1 < a) from[head + i1] = int(head + j1);
        i0 = i1 + 1;
        j0 = j1 + 1;
    }
    return from;
}

struct Writer {
    const std::string& t;
    const JsonStyle& st;
    std::string out;

    size_t column() const {
        const size_t nl = out.rfind('\n');
        return count_chars(std::string_view(out).substr(nl == std::string::npos ? 0 : nl + 1));
    }
    void text(size_t from, size_t to) { out.append(t, from, to - from); }

    void value(const OJson& now, const OJson& was, const Span& s) {
        if (now == was) return text(s.begin, s.end);
        const bool same_kind = (s.kind == '{' && now.is_object()) || (s.kind == '[' && now.is_array());
        if (!same_kind || s.kids.empty() || now.empty()) return fresh(now, st, line_indent(t, s.begin), column(), out);

        const bool object = s.kind == '{';
        std::vector<int> from;
        if (object) {
            std::map<std::string, int> index;
            for (size_t k = 0; k < s.kids.size(); ++k) index[s.kids[k].key] = int(k);
            for (auto it = now.begin(); it != now.end(); ++it) {
                const auto found = index.find(it.key());
                from.push_back(found == index.end() ? -1 : found->second);
            }
        } else {
            from = match_elements(now, was);
        }
        auto was_item = [&](int k) -> const OJson& { return object ? was.at(s.kids[k].key) : was.at(size_t(k)); };

        bool in_place = now.size() == s.kids.size();
        for (size_t j = 0; j < from.size() && in_place; ++j) in_place = from[j] == int(j);
        if (in_place) {  // the same members: only their values change
            size_t pos = s.begin;
            size_t j = 0;
            for (const OJson& item : now) {
                const Span& kid = s.kids[j];
                text(pos, kid.begin);
                value(item, was_item(int(j)), kid);
                pos = kid.end;
                ++j;
            }
            return text(pos, s.end);
        }

        // Members come and go: keep the brackets and the separators the text has, and each kept member's text.
        const size_t first = member_start(s.kids[0]);
        const std::string prefix = t.substr(s.begin, first - s.begin);
        const bool multi_line = prefix.find('\n') != std::string::npos;
        const std::string member_indent =
            multi_line ? prefix.substr(prefix.rfind('\n') + 1) : line_indent(t, s.begin) + st.indent;
        // A new item looks like its neighbours: on one line when they are, on several when they are.
        Shape shape = Shape::Style;
        for (const Span& kid : s.kids)
            if (kid.kind != 0 || t[kid.begin] == '{' || t[kid.begin] == '[') {
                shape = t.find('\n', kid.begin) < kid.end ? Shape::MultiLine : Shape::OneLine;
                break;
            }
        const std::string generic = s.kids.size() >= 2
                                        ? t.substr(s.kids[0].end, member_start(s.kids[1]) - s.kids[0].end)
                                        : "," + (multi_line ? st.newline + member_indent : st.item_separator.substr(1));
        out += prefix;
        size_t j = 0;
        for (auto it = now.begin(); it != now.end(); ++it, ++j) {
            if (j > 0) {
                if (from[j] >= 0 && from[j - 1] >= 0 && from[j] == from[j - 1] + 1)
                    text(s.kids[from[j - 1]].end, member_start(s.kids[from[j]]));
                else out += generic;
            }
            if (from[j] >= 0) {
                const Span& kid = s.kids[from[j]];
                if (object) text(kid.key_begin, kid.begin);
                value(*it, was_item(from[j]), kid);
            } else {
                if (object) out += OJson(it.key()).dump() + st.colon;
                fresh(*it, st, member_indent, column(), out, object ? Shape::Style : shape);
            }
        }
        text(s.kids.back().end, s.end);
    }
};

}  // namespace

std::string JsonLayout::write(const OJson& edited) const {
    if (!read_) return dump_styled(edited, style_) + style_.newline;  // nothing read
    Writer w{text_, style_, {}};
    w.out.reserve(text_.size() + 256);
    w.text(0, root_.begin);
    w.value(edited, value_, root_);
    w.text(root_.end, text_.size());
    return w.out;
}

}  // namespace ex
