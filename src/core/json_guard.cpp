// json_guard.cpp — bytes → nlohmann::json with every refusal explained.
//
// Index
//   [SECTION] Helpers           line/column, language tags, byte descriptions
//   [SECTION] Encoding checks   empty, UTF-16/32, NUL, invalid UTF-8 — before the parser sees anything
//   [SECTION] DOM builder       a SAX handler that builds the tree, guards depth, tracks the JSON pointer
//   [SECTION] Syntax messages   nlohmann's parse errors → line, column and a plain-English hint
//   [SECTION] Entry point
//
// Why a SAX handler and not json::parse with a parser callback: the callback parser scans the whole parent
// container after every object closes (to drop discarded values), which is quadratic — 100,000 edges took 10 s.
// The handler sees the same events, refuses depth before building anything, and knows the byte position of
// every parse error including number overflow (which json::parse reports without one).
#include "core/json_guard.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace ex {

// [SECTION] Helpers ---------------------------------------------------------------------------------------------

LineColumn line_column(std::string_view bytes, size_t offset) {
    LineColumn lc;
    if (offset > bytes.size()) offset = bytes.size();
    for (size_t i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0) != 0x80) ++lc.column;  // count characters, not continuation bytes
    }
    return lc;
}

static std::string where(std::string_view bytes, size_t offset) {
    const LineColumn lc = line_column(bytes, offset);
    return "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column);
}

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_alnum(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_language_tag(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && is_lower(s[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        size_t start = ++i;
        while (i < s.size() && is_alnum(s[i])) ++i;
        if (i - start < 2 || i - start > 8) return false;
    }
    return true;
}

static std::string hex_byte(unsigned char c) {
    static const char* kDigits = "0123456789ABCDEF";
    return std::string("0x") + kDigits[c >> 4] + kDigits[c & 15];
}

// [SECTION] Encoding checks -------------------------------------------------------------------------------------

static const char* sixteen_or_thirty_two(std::string_view b, bool* has_bom) {
    auto at = [&](size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0x100u; };
    *has_bom = true;
    if (at(0) == 0x00 && at(1) == 0x00 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32 big-endian";
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0x00 && at(3) == 0x00) return "UTF-32 little-endian";
    if (at(0) == 0xFE && at(1) == 0xFF) return "UTF-16 big-endian";
    if (at(0) == 0xFF && at(1) == 0xFE) return "UTF-16 little-endian";
    // No byte-order mark: JSON starts with an ASCII character, so the zero bytes around it give the encoding away.
    *has_bom = false;
    auto z = [&](size_t i) { return at(i) == 0x00; };
    auto nz = [&](size_t i) { return at(i) != 0x00 && at(i) != 0x100u; };
    if (z(0) && z(1) && z(2) && nz(3)) return "UTF-32 big-endian";
    if (nz(0) && z(1) && z(2) && z(3)) return "UTF-32 little-endian";
    if (z(0) && nz(1) && (b.size() < 4 || (z(2) && nz(3)))) return "UTF-16 big-endian";
    if (nz(0) && z(1) && (b.size() < 4 || (nz(2) && z(3)))) return "UTF-16 little-endian";
    return nullptr;
}

// Length of the valid UTF-8 sequence at b[i], or 0 (overlong forms, surrogates and > U+10FFFF are invalid).
static size_t utf8_sequence(std::string_view b, size_t i) {
    auto u = [&](size_t k) { return k < b.size() ? static_cast<unsigned char>(b[k]) : 0u; };
    auto cont = [&](size_t k) { return (u(k) & 0xC0) == 0x80; };
    const unsigned c = u(i);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return (u(i + 1) >= lo && u(i + 1) <= hi && cont(i + 2)) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return (u(i + 1) >= lo && u(i + 1) <= hi && cont(i + 2) && cont(i + 3)) ? 4 : 0;
    }
    return 0;
}

// True when the only bad bytes are one multi-byte character cut short by the end of the file: the file was truncated
// (a copy or a save interrupted), not saved in another encoding.
static bool cut_off_character(std::string_view b, size_t bad, size_t bad_count) {
    const unsigned c = static_cast<unsigned char>(b[bad]);
    const size_t need = (c >= 0xF0 && c <= 0xF4) ? 4 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xC2 && c <= 0xDF) ? 2 : 0;
    const size_t left = b.size() - bad;
    if (need == 0 || left >= need || bad_count != left) return false;
    for (size_t k = bad + 1; k < b.size(); ++k)
        if ((static_cast<unsigned char>(b[k]) & 0xC0) != 0x80) return false;
    return true;
}

// False when the bytes cannot be JSON text; every reason found is reported.
static bool check_encoding(std::string_view b, ProblemSink& sink) {
    if (b.empty()) {
        sink.error("", "the file is empty; expected a JSON object like {\"meta\": {...}, \"nodes\": [...]}");
        return false;
    }
    bool has_bom = false;
    if (const char* enc = sixteen_or_thirty_two(b, &has_bom)) {
        sink.error("", std::string("the file is ") + enc +
                           (has_bom ? " (it starts with a byte-order mark)" : " (zero bytes between the characters)") +
                           "; save it as UTF-8");
        return false;
    }
    const size_t start = (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") ? 3 : 0;  // the parser skips it
    if (b.find_first_not_of(" \t\r\n", start) == std::string_view::npos) {
        sink.error("", start == b.size() ? "the file holds only a byte-order mark; expected a JSON object"
                                         : "the file contains only whitespace; expected a JSON object");
        return false;
    }
    bool ok = true;
    // The parser stops at a NUL byte as if the file ended there, so a NUL must be refused before parsing.
    const size_t nul = b.find('\0');
    if (nul != std::string_view::npos) {
        size_t count = 0;
        for (char c : b) count += c == '\0';
        std::string m = "NUL byte (0x00) at " + where(b, nul) + " (byte offset " + std::to_string(nul) +
                        "); JSON text cannot contain NUL bytes";
        if (count > 1) m += " (" + std::to_string(count) + " NUL bytes in all)";
        sink.error("", m);
        ok = false;
    }
    size_t bad = std::string_view::npos, bad_count = 0;
    for (size_t i = 0; i < b.size();) {
        const size_t n = utf8_sequence(b, i);
        if (n == 0) {
            if (bad == std::string_view::npos) bad = i;
            ++bad_count;
            ++i;
        } else {
            i += n;
        }
    }
    if (bad != std::string_view::npos && cut_off_character(b, bad, bad_count)) {
        sink.error("", "the file ends in the middle of a character at " + where(b, bad) + " (byte offset " +
                           std::to_string(bad) + "): it was cut off, and the rest of the file is missing");
        ok = false;
    } else if (bad != std::string_view::npos) {
        std::string m = "not valid UTF-8: byte " + hex_byte(static_cast<unsigned char>(b[bad])) + " at " +
                        where(b, bad) + " (byte offset " + std::to_string(bad) + ")";
        if (bad_count > 1) m += " and " + std::to_string(bad_count - 1) + " more";
        m += "; save the file as UTF-8 (it may be in Latin-1 or Windows-1252)";
        sink.error("", m);
        ok = false;
    }
    return ok;
}

// [SECTION] DOM builder -----------------------------------------------------------------------------------------

namespace {

using Json = nlohmann::json;

class DomBuilder final : public Json::json_sax_t {
  public:
    DomBuilder(size_t max_depth, ProblemSink& sink, ParsedJson& out) : max_depth_(max_depth), sink_(sink), out_(out) {}

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool v) override { return put(Json(v)); }
    bool number_integer(number_integer_t v) override { return put(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return put(Json(v)); }
    bool string(string_t& v) override { return put(Json(std::move(v))); }
    bool binary(binary_t&) override { return false; }  // JSON text has no binary values
    bool start_object(std::size_t) override { return open(Json::value_t::object); }
    bool start_array(std::size_t) override { return open(Json::value_t::array); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override;
    bool parse_error(std::size_t position, const std::string& last_token, const Json::exception& ex) override {
        error_ = true;
        error_position_ = position;
        error_token_ = last_token;
        error_id_ = ex.id;
        error_what_ = ex.what();
        error_pointer_ = pointer();
        return false;
    }

    // Where the parser is: the member or element being read.
    std::string pointer() const { return pointer_of(frames_.size()); }

    bool depth_exceeded_ = false, error_ = false;
    std::string error_pointer_, error_token_, error_what_;
    size_t error_position_ = 0;
    int error_id_ = 0;

  private:
    struct Frame {
        Json* value;
        bool is_array;
        size_t index = 0;                         // arrays: element being read
        std::string key;                          // objects: last key read
        bool in_member = false;                   // objects: that key's value is being read
        std::vector<std::string> keys;            // objects: distinct keys in file order
        std::unordered_set<std::string> key_set;  // built once an object has many keys
    };

    std::string pointer_of(size_t n) const {
        std::string p;
        for (size_t i = 0; i < n; ++i) {
            const Frame& f = frames_[i];
            if (f.is_array) p = pointer_append(p, f.index);
            else if (f.in_member) p = pointer_append(p, f.key);  // between members: the object itself
        }
        return p;
    }

    // Where the next value goes: the root, a new array element, or the member whose key was just read.
    Json* slot(Json&& v) {
        if (frames_.empty()) {
            out_.root = std::move(v);
            return &out_.root;
        }
        Frame& f = frames_.back();
        if (f.is_array) {
            auto& arr = f.value->get_ref<Json::array_t&>();
            arr.push_back(std::move(v));
            return &arr.back();
        }
        *member_ = std::move(v);
        return member_;
    }

    bool put(Json&& v) {
        slot(std::move(v));
        value_done();
        return true;
    }

    void value_done() {
        if (frames_.empty()) return;
        if (frames_.back().is_array) ++frames_.back().index;
        else frames_.back().in_member = false;
    }

    bool open(Json::value_t type) {
        // Refused before anything is built, so deep input never becomes a deep tree (whose copy, dump and
        // comparison recurse).
        if (frames_.size() >= max_depth_) {
            depth_exceeded_ = true;
            error_pointer_ = pointer();
            return false;
        }
        Json* v = slot(Json(type));
        frames_.push_back(Frame{v, type == Json::value_t::array, 0, {}, false, {}, {}});
        return true;
    }

    bool close() {
        Frame& f = frames_.back();
        if (!f.is_array) remember_language_map_order(f);
        frames_.pop_back();
        value_done();
        return true;
    }

    void remember_language_map_order(const Frame& f) {
        if (f.keys.size() < 2 || f.keys.size() > 64) return;
        for (const auto& k : f.keys)
            if (!is_language_tag(k)) return;
        for (const auto& item : f.value->items())
            if (!item.value().is_string()) return;
        out_.key_order[pointer_of(frames_.size() - 1)] = f.keys;  // the object itself, not its last member
    }

    size_t max_depth_;
    ProblemSink& sink_;
    ParsedJson& out_;
    std::vector<Frame> frames_;
    Json* member_ = nullptr;
};

bool DomBuilder::key(string_t& k) {
    Frame& f = frames_.back();
    bool seen;
    if (f.keys.size() < 32) {
        seen = std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end();
    } else {
        if (f.key_set.empty()) f.key_set.insert(f.keys.begin(), f.keys.end());
        seen = !f.key_set.insert(k).second;
    }
    if (!seen) {
        f.keys.push_back(k);
        if (!f.key_set.empty()) f.key_set.insert(k);
    }
    f.key = k;
    f.in_member = true;
    if (seen) sink_.warning(pointer(), "duplicate key \"" + k + "\" in the same object; only the last one is used");
    // std::map nodes never move, so the member stays valid while its value is parsed. A repeated key lands on
    // the existing member: the last value wins, as in every other JSON reader.
    member_ = &(*f.value)[k];
    return true;
}

}  // namespace

// [SECTION] Syntax messages -------------------------------------------------------------------------------------

static void erase_between(std::string& s, const std::string& from, const std::string& to) {
    const size_t a = s.find(from);
    if (a == std::string::npos) return;
    const size_t b = s.find(to, a + from.size());
    s.erase(a, b == std::string::npos ? std::string::npos : b - a);
}

static void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size()))
        s.replace(i, from.size(), to);
}

static std::string syntax_message(std::string_view b, const DomBuilder& d) {
    if (d.error_id_ == 406) {  // out_of_range: number overflow
        const size_t at = d.error_position_ >= d.error_token_.size() ? d.error_position_ - d.error_token_.size() : 0;
        return "number " + d.error_token_.substr(0, 40) + " at " + where(b, at) + " is too large (beyond ±1.8e308)";
    }
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing
    // object key - unexpected '}'; expected string literal"
    std::string detail = d.error_what_;
    const size_t p = detail.find("syntax error while parsing ");
    if (p != std::string::npos) {
        detail.erase(0, p);
        const size_t dash = detail.find(" - ");
        if (dash != std::string::npos) detail.erase(0, dash + 3);
    }
    erase_between(detail, "; last read: '", "'; expected");
    if (detail.size() >= 2 && detail.compare(0, 2, "';") == 0) detail.erase(0, 1);
    replace_all(detail, "''; expected", "; expected");
    replace_all(detail, "literal'; expected", "literal; expected");
    replace_all(detail, "unexpected string literal", "unexpected string");
    replace_all(detail, "unexpected number literal", "unexpected number");
    replace_all(detail, "string literal", "a \"quoted\" string");
    replace_all(detail, "'[', '{', or a literal", "a value");

    // The parser counts bytes read, so the failing byte is the last one read, except that a misplaced string,
    // number or literal is reported after the whole token. (Its token text is only reliable for those.)
    const bool whole_token = detail.compare(0, 11, "unexpected ") == 0;
    size_t at = d.error_position_ > 0 ? d.error_position_ - 1 : 0;
    if (whole_token && detail.compare(0, 12, "unexpected '") != 0 && d.error_position_ >= d.error_token_.size() &&
        !d.error_token_.empty())
        at = d.error_position_ - d.error_token_.size();
    if (at > b.size()) at = b.size();
    auto ch = [&](size_t i) { return i < b.size() ? b[i] : '\0'; };

    if (detail.find("unexpected end of input") != std::string::npos) {
        const size_t e = detail.find("; expected ");
        return "the file ends before the JSON is complete" +
               (e == std::string::npos ? std::string() : " (" + detail.substr(e + 2) + ")") +
               "; is a closing bracket or quote missing?";
    }
    if (detail.find("missing closing quote") != std::string::npos)
        return "a string starting near " + where(b, at) + " has no closing quote";
    if (ch(at) == '/' && (ch(at + 1) == '/' || ch(at + 1) == '*'))
        return "comment at " + where(b, at) + ": JSON does not allow comments (keep a note in a \"$comment\" field)";
    if (ch(at) == '\'') return "single quote at " + where(b, at) + ": JSON strings and keys need double quotes (\")";
    // Word processors and "smart quotes" turn " into “ or ”: as JSON quotes they are invalid literals.
    auto curly = [&](size_t i) { return b.substr(i, 3) == "\u201C" || b.substr(i, 3) == "\u201D"; };
    if (detail.find("invalid literal") != std::string::npos) {
        for (size_t back = 0; back < 3 && back <= at; ++back) {  // `at` may be the curly quote's 2nd or 3rd byte
            const size_t k = at - back;
            if (curly(k))
                return "curly quote " + std::string(b.substr(k, 3)) + " at " + where(b, k) +
                       ": JSON needs straight double quotes (\") around keys and strings (a word processor or "
                       "\"smart quotes\" may have changed them)";
        }
        // A word right after a string: the string was ended early by a " inside it.
        size_t k = at;
        while (k > 0 && (ch(k - 1) == ' ' || ch(k - 1) == '\t')) --k;
        if (k > 0 && ch(k - 1) == '"')
            return "unescaped \" inside a string at " + where(b, k - 1) +
                   ": the string ended there; write a quote "
                   "inside a string as \\\" (or use curly quotes “ ”)";
    }
    if (whole_token && (ch(at) == '}' || ch(at) == ']')) {
        size_t k = at;
        while (k > 0 && (ch(k - 1) == ' ' || ch(k - 1) == '\t' || ch(k - 1) == '\n' || ch(k - 1) == '\r')) --k;
        if (k > 0 && ch(k - 1) == ',')
            return "trailing comma at " + where(b, k - 1) + ": remove the ',' before '" + std::string(1, ch(at)) + "'";
    }
    if (whole_token &&
        (detail.find("expected '}'") != std::string::npos || detail.find("expected ']'") != std::string::npos))
        return "syntax error at " + where(b, at) + ": " + detail + " (is a ',' missing before it?)";
    if (b.substr(at, 3) == "NaN" || b.substr(at, 8) == "Infinity" || b.substr(at, 9) == "-Infinity")
        return "syntax error at " + where(b, at) + ": NaN and Infinity are not JSON numbers";
    if (detail.find("control character U+000A") != std::string::npos) {
        // A string closed with a curly ” runs on to the end of the line.
        size_t k = at;
        while (k > 0 && (ch(k - 1) == ' ' || ch(k - 1) == '\t' || ch(k - 1) == '\r' || ch(k - 1) == ',')) --k;
        if (k >= 3 && curly(k - 3))
            return "a string is closed by a curly quote " + std::string(b.substr(k - 3, 3)) + " at " + where(b, k - 3) +
                   ": JSON strings end with a straight double quote (\")";
        return "line break inside a string at " + where(b, at) + ": write it as \\n";
    }
    return "syntax error at " + where(b, at) + ": " + detail;
}

// [SECTION] Entry point -----------------------------------------------------------------------------------------

ParsedJson parse_json_guarded(std::string_view bytes, size_t max_depth, ProblemSink& sink) {
    ParsedJson out;
    if (!check_encoding(bytes, sink)) return out;
    DomBuilder builder(max_depth, sink, out);
    try {
        const bool parsed = Json::sax_parse(bytes.begin(), bytes.end(), &builder, Json::input_format_t::json,
                                            /*strict=*/true, /*ignore_comments=*/false);
        if (!parsed && !builder.depth_exceeded_ && !builder.error_) {
            sink.error(builder.pointer(), "could not parse the file");
            return out;
        }
    } catch (const Json::exception& e) {
        sink.error(builder.pointer(), std::string("could not parse the file: ") + e.what());
        return out;
    } catch (const std::bad_alloc&) {
        sink.error("", "out of memory while parsing the file");
        return out;
    } catch (const std::exception& e) {
        sink.error(builder.pointer(), std::string("could not parse the file: ") + e.what());
        return out;
    } catch (...) {
        sink.error(builder.pointer(), "could not parse the file (unknown error)");
        return out;
    }
    if (builder.depth_exceeded_) {
        sink.error(builder.error_pointer_, "objects and arrays are nested more than " + std::to_string(max_depth) +
                                               " levels deep here; the format never needs that many");
        return out;
    }
    if (builder.error_) {
        sink.error(builder.error_pointer_, syntax_message(bytes, builder));
        return out;
    }
    out.ok = true;
    return out;
}

// [SECTION] Locating pointers in the text ------------------------------------------------------------------------

namespace {

// A forgiving one-pass walk over JSON text that notes where the wanted pointers' values start (and the text of
// wanted string values, for node ids). It stops quietly at the first thing it cannot read, keeping what it found.
class Locator {
  public:
    Locator(std::string_view b, const std::unordered_set<std::string>& wanted) : b_(b), wanted_(wanted) {}
    std::unordered_map<std::string, size_t> offsets;       // pointer → byte offset of its value
    std::unordered_map<std::string, std::string> strings;  // pointer → string value (wanted strings only)

    void run() {
        std::string ptr;
        value(ptr, 0);
    }

  private:
    static constexpr int kMaxDepth = 64;
    void ws() {
        while (i_ < b_.size() && (b_[i_] == ' ' || b_[i_] == '\t' || b_[i_] == '\n' || b_[i_] == '\r')) ++i_;
    }
    bool at(char c) { return i_ < b_.size() && b_[i_] == c; }
    bool string(std::string* out) {  // at '"'; simple escapes decoded, \u kept as written
        ++i_;
        while (i_ < b_.size() && b_[i_] != '"') {
            if (b_[i_] == '\\' && i_ + 1 < b_.size()) {
                const char e = b_[++i_];
                if (out) *out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'u' ? 'u' : e;
            } else if (out) {
                *out += b_[i_];
            }
            ++i_;
        }
        if (!at('"')) return false;
        ++i_;
        return true;
    }
    bool value(std::string& ptr, int depth) {
        ws();
        if (i_ >= b_.size() || depth > kMaxDepth) return false;
        const bool want = wanted_.count(ptr) > 0;
        if (want) offsets.emplace(ptr, i_);
        if (at('"')) {
            std::string text;
            if (!string(want ? &text : nullptr)) return false;
            if (want) strings.emplace(ptr, std::move(text));
            return true;
        }
        if (at('{') || at('[')) {
            const bool object = at('{');
            const char close = object ? '}' : ']';
            ++i_;
            ws();
            if (at(close)) {
                ++i_;
                return true;
            }
            for (size_t index = 0;; ++index) {
                ws();
                const size_t keep = ptr.size();
                if (object) {
                    std::string key;
                    if (!at('"') || !string(&key)) return false;
                    ws();
                    if (!at(':')) return false;
                    ++i_;
                    ptr = pointer_append(ptr, key);
                } else {
                    ptr = pointer_append(ptr, index);
                }
                const bool ok = value(ptr, depth + 1);
                ptr.resize(keep);
                if (!ok) return false;
                ws();
                if (at(',')) {
                    ++i_;
                    continue;
                }
                if (at(close)) {
                    ++i_;
                    return true;
                }
                return false;
            }
        }
        const size_t start = i_;  // number or literal
        while (i_ < b_.size() && std::string_view(",]} \t\r\n").find(b_[i_]) == std::string_view::npos) ++i_;
        return i_ > start;
    }

    std::string_view b_;
    const std::unordered_set<std::string>& wanted_;
    size_t i_ = 0;
};

std::string parent_of(const std::string& ptr) { return ptr.substr(0, ptr.rfind('/')); }

// "/nodes/14/title" → "/nodes/14" (the node it is in), else "".
std::string node_pointer(const std::string& ptr) {
    if (ptr.compare(0, 7, "/nodes/") != 0) return "";
    const size_t end = ptr.find('/', 7);
    return end == 7 ? "" : ptr.substr(0, end);
}

}  // namespace

void locate_problems(std::string_view json, std::vector<Problem>& problems) {
    std::unordered_set<std::string> wanted;
    for (const Problem& p : problems) {
        for (std::string a = p.pointer; !a.empty(); a = parent_of(a)) wanted.insert(a);
        wanted.insert("");
        const std::string node = node_pointer(p.pointer);
        if (!node.empty()) wanted.insert(node + "/id");
    }
    Locator loc(json, wanted);
    loc.run();
    for (Problem& p : problems) {
        unsigned long l = 0, c = 0;
        const size_t said = p.message.rfind("line ");
        if (said != std::string::npos && std::sscanf(p.message.c_str() + said, "line %lu, column %lu", &l, &c) == 2) {
            p.line = l;  // the parser's own place for a syntax error
            p.column = c;
        } else {
            for (std::string a = p.pointer;; a = parent_of(a)) {
                auto it = loc.offsets.find(a);
                if (it != loc.offsets.end()) {
                    const LineColumn lc = line_column(json, it->second);
                    p.line = lc.line;
                    p.column = lc.column;
                    break;
                }
                if (a.empty()) break;
            }
        }
        const auto id = loc.strings.find(node_pointer(p.pointer) + "/id");
        if (id != loc.strings.end() && !node_pointer(p.pointer).empty()) p.node = id->second;
    }
}

}  // namespace ex
