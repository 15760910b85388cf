// load.cpp — parsed JSON → Content, checking every rule of docs/CONTENT.md and reporting all problems.
//
// Index
//   [SECTION] Reading helpers           types, fields, text, ids, arrays
//   [SECTION] Id tables                 duplicate ids and dangling references, with "did you mean"
//   [SECTION] Meta and source
//   [SECTION] Categories and edge kinds
//   [SECTION] Nodes
//   [SECTION] Edges and tours
//   [SECTION] Entry points
//
// Sections are read in the order the format lists them (meta, categories, edge_kinds, nodes, edges, tours), so
// every reference points at something already read, and problems come out in document order in one pass.
// Ids are registered even when malformed, so that one bad id gives one error rather than one per reference.
#include "core/load.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "core/file_io.h"
#include "core/json_guard.h"
#include "core/load_match.h"
#include "core/utf8.h"

namespace ex {

namespace {

using Json = nlohmann::json;

std::string in_quotes(std::string_view s, size_t max = 60) {
    std::string out = "\"";
    if (s.size() <= max) out += s;
    else out += std::string(s.substr(0, utf8_floor(s, max))) + "…";  // keep characters whole
    return out + "\"";
}

// What a value is, for "expected X, got Y".
std::string describe(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number (" + v.dump() + ")";
        case Json::value_t::string: return "a string (" + in_quotes(v.get_ref<const std::string&>(), 40) + ")";
        case Json::value_t::array: return v.empty() ? "an empty array" : "an array";
        case Json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

// Country codes written where a language code belongs ("cn" for Chinese): tags of the right shape that are no ISO
// 639 language. The warning for `tag` (checked on its first subtag, so "cn-TW" too), or "" when it looks right.
std::string language_mistake(const std::string& tag) {
    static constexpr std::pair<const char*, const char*> kMistakes[] = {
        {"cn", "zh"}, {"jp", "ja"}, {"gr", "el"}, {"dk", "da"}, {"cz", "cs"},     {"ua", "uk"},
        {"us", "en"}, {"gb", "en"}, {"vn", "vi"}, {"il", "he"}, {"hk", "zh-Hant"}};
    const std::string primary = tag.substr(0, tag.find('-'));
    for (const auto& [wrong, right] : kMistakes)
        if (primary == wrong)
            return "\"" + tag + "\" is a country code, not a language code; did you mean \"" + right + "\"?";
    return "";
}

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

bool parse_colour(const std::string& s, uint32_t& rgb) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (s.empty() || s[0] != '#' || (s.size() != 7 && s.size() != 4)) return false;
    uint32_t v = 0;
    for (size_t i = 1; i < s.size(); ++i) {
        const int h = hex(s[i]);
        if (h < 0) return false;
        v = v * (s.size() == 4 ? 256 : 16) + uint32_t(s.size() == 4 ? h * 17 : h);  // "#e73" → 0xee7733
    }
    rgb = v;
    return true;
}

struct IdTable {
    std::string noun;                                    // "node", "edge kind", ...
    std::unordered_map<std::string, std::string> first;  // id → pointer of the element defining it
    std::unordered_set<std::string> builtin;             // always defined (edge kinds)
    std::vector<std::string> ids;                        // every known id, file order, for suggestions
    // Set while the array defining these ids is missing, malformed or empty: that is reported once, and every
    // reference to it would only repeat it.
    bool unusable = false;
    std::vector<std::pair<std::string, std::string>> duplicates;  // (id, pointer of the repeated "id")
    std::vector<std::pair<std::string, std::string>> dangling;    // (id, pointer of a reference to no element)
};

// Follow-on errors folded into the mistake that caused them: the problem at `into` gets `addition`, and the
// problems at `drop` go (see Loader::follow_ons).
struct Fold {
    std::string into, addition;
    std::vector<std::string> drop;
};

class Loader {
  public:
    Loader(ProblemSink& sink, const ParsedJson& parsed, LoadOptions options)
        : sink_(sink), parsed_(parsed), options_(options) {
        nodes_.noun = "node";
        categories_.noun = "category";
        kinds_.noun = "edge kind";
        tours_.noun = "tour";
        sections_.noun = "section";
        paragraphs_.noun = "source paragraph";
        edges_.noun = "edge";
        nodes_.unusable = categories_.unusable = paragraphs_.unusable = true;  // until their arrays are read
        for (const auto& k : builtin_edge_kinds()) {
            kinds_.builtin.insert(k.id);
            kinds_.ids.push_back(k.id);
        }
    }

    std::shared_ptr<Content> run();
    // One repeated id and references to one missing id: most likely the copy was meant to carry that id (a node
    // duplicated and not renamed), so the references are reported with the duplicate, not as separate errors.
    std::vector<Fold> follow_ons() const;
    // Errors that still leave usable content: a draft's cards waiting for a citation.
    size_t tolerated_errors() const { return options_.draft ? uncited_ : 0; }

  private:
    void error(const std::string& ptr, std::string m) { sink_.error(ptr, std::move(m)); }
    void warning(const std::string& ptr, std::string m) { sink_.warning(ptr, std::move(m)); }

    // Reading helpers
    bool expect_object(const Json& v, const std::string& ptr, const char* what = "an object");
    const Json* field(const Json& obj, const std::string& ptr, const char* key, bool required,
                      const char* hint = nullptr);
    void unknown_fields(const Json& obj, const std::string& ptr, std::initializer_list<const char*> known);
    bool text_string(const std::string& s, const std::string& ptr, size_t cap, const char* what);
    bool text_value(const Json& v, const std::string& ptr, size_t cap, const char* what, Text& out);
    bool text(const Json& obj, const std::string& ptr, const char* key, bool required, size_t cap, const char* what,
              Text& out);
    bool string_field(const Json& obj, const std::string& ptr, const char* key, bool required, std::string& out);
    bool bool_field(const Json& obj, const std::string& ptr, const char* key, bool& out);
    bool id_shape(const std::string& id, const std::string& ptr);
    bool id_field(const Json& obj, const std::string& ptr, std::string& out);
    const Json* array_field(const Json& obj, const std::string& ptr, const char* key, bool required, size_t min,
                            size_t max, const char* noun, const char* missing_hint = nullptr);

    // Id tables
    bool define(IdTable& t, const std::string& id, const std::string& element_ptr);
    bool resolve(IdTable& t, const std::string& id, const std::string& ptr);

    // Sections of the document
    void read_meta(const Json& root);
    void read_source(const Json& src, const std::string& ptr);
    void read_categories(const Json& root);
    void read_edge_kinds(const Json& root);
    void read_lanes(const Json& root);
    void check_folds();
    void read_nodes(const Json& root);
    void read_node(const Json& v, const std::string& ptr);
    void read_citation(const Json& v, const std::string& ptr, Node& node);
    void check_quote(const Text& quote, bool quote_is_map, const SourceParagraph& para, const std::string& ptr);
    void read_position(const Json& v, const std::string& ptr, Node& node);
    void read_edges(const Json& root);
    void read_tours(const Json& root);

    ProblemSink& sink_;
    const ParsedJson& parsed_;
    LoadOptions options_;
    size_t uncited_ = 0;  // nodes with "citations": []
    Suggester suggester_;
    Content c_;
    std::vector<EdgeKind> declared_kinds_;
    IdTable nodes_, categories_, kinds_, tours_, sections_, paragraphs_, edges_;
    std::unordered_map<std::string, std::pair<size_t, size_t>> paragraph_at_;  // id → (section, paragraph)
};

// [SECTION] Reading helpers -------------------------------------------------------------------------------------

bool Loader::expect_object(const Json& v, const std::string& ptr, const char* what) {
    if (v.is_object()) return true;
    error(ptr, std::string("expected ") + what + " {...}, got " + describe(v));
    return false;
}

const Json* Loader::field(const Json& obj, const std::string& ptr, const char* key, bool required, const char* hint) {
    auto it = obj.find(key);
    if (it != obj.end()) return &*it;
    if (required) {
        std::string m = std::string("missing required field \"") + key + "\"";
        // A near miss among the keys present is almost always the cause ("sumary", "color").
        size_t looked = 0;
        for (const auto& item : obj.items()) {
            if (++looked > 64) break;
            if (item.key() != key && edit_distance(item.key(), key, 2) <= 2) {
                m += " (found " + in_quotes(item.key()) + ": a misspelling?)";
                break;
            }
        }
        if (hint) m += std::string("; ") + hint;
        error(ptr, m);
    }
    return nullptr;
}

void Loader::unknown_fields(const Json& obj, const std::string& ptr, std::initializer_list<const char*> known) {
    for (const auto& item : obj.items()) {
        const std::string& key = item.key();
        if (std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) continue;
        if (key == "$comment") continue;  // JSON has no comments; JSON Schema's keyword for one is accepted anywhere
        // Only now, off the common path, build what the suggestion needs.
        std::string pool = "field";
        for (const char* k : known) pool += std::string(" ") + k;
        const std::vector<std::string> names(known.begin(), known.end());
        std::string m = "unknown field " + in_quotes(key) + " is ignored";
        const std::string s = suggester_.suggest(pool, key, names);
        if (!s.empty()) m += " (did you mean \"" + s + "\"?)";
        warning(pointer_append(ptr, key), m);
    }
}

bool Loader::text_string(const std::string& s, const std::string& ptr, size_t cap, const char* what) {
    if (s.empty()) {
        error(ptr, "text must not be empty");
        return false;
    }
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(ptr, "text contains only whitespace");
        return false;
    }
    if (s.size() > cap) {
        error(ptr, "too long: " + std::to_string(s.size()) + " bytes; " + what + " may have at most " +
                       std::to_string(cap) + " bytes");
        return false;
    }
    return true;
}

bool Loader::text_value(const Json& v, const std::string& ptr, size_t cap, const char* what, Text& out) {
    out.items.clear();
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (!text_string(s, ptr, cap, what)) return false;
        out.items.emplace_back("", s);  // plain: matches any language
        return true;
    }
    if (!v.is_object()) {
        error(ptr, "expected text: a string, or a language map like {\"en\": \"...\"}; got " + describe(v));
        return false;
    }
    if (v.empty()) {
        error(ptr, "empty language map; give at least one entry like {\"en\": \"...\"}");
        return false;
    }
    if (v.size() > limits::kLanguageEntries) {
        error(ptr, "language map has " + std::to_string(v.size()) + " entries; the limit is " +
                       std::to_string(limits::kLanguageEntries));
        return false;
    }
    std::vector<std::string> order;
    auto recorded = parsed_.key_order.find(ptr);  // file order (the tree keeps keys sorted)
    if (recorded != parsed_.key_order.end() && recorded->second.size() == v.size()) order = recorded->second;
    else
        for (const auto& item : v.items()) order.push_back(item.key());
    bool ok = true;
    for (const auto& lang : order) {
        const Json& e = v.at(lang);
        const std::string p = pointer_append(ptr, lang);
        if (!is_language_tag(lang)) {
            std::string m = in_quotes(lang) +
                            " is not a language tag; use lower-case codes like \"en\", \"zh\" or "
                            "\"pt-BR\"";
            std::string lower = lang;
            for (char& ch : lower) ch = char(std::tolower(static_cast<unsigned char>(ch)));
            if (is_language_tag(lower)) m += " (did you mean \"" + lower + "\"?)";
            error(p, m);
            ok = false;
        } else if (!e.is_string()) {
            error(p, "expected a string, got " + describe(e));
            ok = false;
        } else if (!text_string(e.get_ref<const std::string&>(), p, cap, what)) {
            ok = false;
        } else {
            if (const std::string m = language_mistake(lang); !m.empty()) warning(p, m);
            out.items.emplace_back(lang, e.get_ref<const std::string&>());
        }
    }
    return ok;
}

bool Loader::text(const Json& obj, const std::string& ptr, const char* key, bool required, size_t cap, const char* what,
                  Text& out) {
    const Json* v = field(obj, ptr, key, required);
    return v && text_value(*v, pointer_append(ptr, key), cap, what, out);
}

bool Loader::string_field(const Json& obj, const std::string& ptr, const char* key, bool required, std::string& out) {
    const Json* v = field(obj, ptr, key, required);
    if (!v) return false;
    if (!v->is_string()) {
        error(pointer_append(ptr, key), "expected a string, got " + describe(*v));
        return false;
    }
    out = v->get_ref<const std::string&>();
    if (out.empty()) {
        error(pointer_append(ptr, key), std::string("\"") + key + "\" must not be empty");
        return false;
    }
    return true;
}

bool Loader::bool_field(const Json& obj, const std::string& ptr, const char* key, bool& out) {
    const Json* v = field(obj, ptr, key, false);
    if (!v) return false;
    if (!v->is_boolean()) {
        error(pointer_append(ptr, key), "expected true or false, got " + describe(*v));
        return false;
    }
    out = v->get<bool>();
    return true;
}

bool Loader::id_shape(const std::string& id, const std::string& ptr) {
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= '0' && id[0] <= '9'))) {
        if (is_id_char(id[0])) {
            error(ptr, "id " + in_quotes(id) + " must start with a letter or a digit");
            return false;
        }
    }
    for (size_t i = 0; i < id.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(id[i]);
        if (is_id_char(char(c))) continue;
        std::string what;
        if (c == ' ') what = "a space";
        else if (c < 0x20 || c == 0x7F) what = "a control character";
        else if (c >= 0x80) {
            size_t n = 1;
            while (i + n < id.size() && (static_cast<unsigned char>(id[i + n]) & 0xC0) == 0x80) ++n;
            what = "\"" + id.substr(i, n) + "\"";
        } else what = std::string("'") + char(c) + "'";
        std::string m = "id " + in_quotes(id) + " contains " + what +
                        "; ids may use only ASCII letters, digits, '.', '_' and '-', and start with a letter or digit";
        if (c == ' ') {
            std::string fixed = id;
            for (char& ch : fixed)
                if (ch == ' ') ch = '-';
            m += " (try \"" + fixed + "\")";
        }
        error(ptr, m);
        return false;
    }
    const size_t chars = utf8_length(id);
    if (chars > limits::kIdChars) {
        error(ptr,
              "id is " + std::to_string(chars) + " characters long; the limit is " + std::to_string(limits::kIdChars));
        return false;
    }
    return true;
}

// A required "id": returns the string (even when malformed, so references to it still resolve).
bool Loader::id_field(const Json& obj, const std::string& ptr, std::string& out) {
    if (!string_field(obj, ptr, "id", true, out)) return false;
    id_shape(out, pointer_append(ptr, "id"));
    return true;
}

const Json* Loader::array_field(const Json& obj, const std::string& ptr, const char* key, bool required, size_t min,
                                size_t max, const char* noun, const char* missing_hint) {
    const Json* v = field(obj, ptr, key, required, missing_hint);
    if (!v) return nullptr;
    const std::string p = pointer_append(ptr, key);
    if (!v->is_array()) {
        error(p, "expected an array [...], got " + describe(*v));
        return nullptr;
    }
    if (v->size() < min) error(p, std::string("needs at least one ") + noun);
    if (v->size() > max)
        error(p,
              "too many: " + std::to_string(v->size()) + " " + noun + " entries; the limit is " + std::to_string(max));
    return v;
}

// [SECTION] Id tables -------------------------------------------------------------------------------------------

bool Loader::define(IdTable& t, const std::string& id, const std::string& element_ptr) {
    auto [it, inserted] = t.first.emplace(id, element_ptr);
    if (!inserted) {
        t.duplicates.emplace_back(id, pointer_append(element_ptr, "id"));
        error(pointer_append(element_ptr, "id"),
              "duplicate " + t.noun + " id " + in_quotes(id) + "; the first one is at " + it->second);
        return false;
    }
    if (!t.builtin.count(id)) t.ids.push_back(id);
    return true;
}

bool Loader::resolve(IdTable& t, const std::string& id, const std::string& ptr) {
    if (t.first.count(id) || t.builtin.count(id)) return true;
    if (t.unusable) return false;
    t.dangling.emplace_back(id, ptr);
    std::string m = "no " + t.noun + " with id " + in_quotes(id);
    const std::string s = suggester_.suggest(t.noun, id, t.ids);
    if (!s.empty()) {
        m += " (did you mean \"" + s + "\"?)";
    } else if (!t.ids.empty() && t.ids.size() <= 12) {
        m += "; the " + t.noun + " ids are:";
        for (size_t i = 0; i < t.ids.size(); ++i) m += (i ? ", " : " ") + t.ids[i];
    } else if (t.ids.empty()) {
        m += " (there are none)";
    }
    error(ptr, m);
    return false;
}

// [SECTION] Meta and source -------------------------------------------------------------------------------------

void Loader::read_meta(const Json& root) {
    const Json* m = field(root, "", "meta", true);
    if (!m || !expect_object(*m, "/meta")) return;
    const std::string ptr = "/meta";
    unknown_fields(*m, ptr, {"title", "subtitle", "summary", "language", "source"});
    text(*m, ptr, "title", true, limits::kTitleBytes, "a title", c_.meta.title);
    text(*m, ptr, "subtitle", false, limits::kTitleBytes, "a subtitle", c_.meta.subtitle);
    text(*m, ptr, "summary", true, limits::kSummaryBytes, "a summary", c_.meta.summary);
    if (const Json* lang = field(*m, ptr, "language", false)) {
        if (!lang->is_string())
            error(ptr + "/language", "expected a language tag string like \"en\", got " + describe(*lang));
        else if (!is_language_tag(lang->get_ref<const std::string&>()))
            error(ptr + "/language",
                  in_quotes(lang->get_ref<const std::string&>()) +
                      " is not a language tag; use lower-case codes like \"en\", \"zh\" or \"pt-BR\"");
        else {
            c_.meta.language = lang->get<std::string>();
            if (const std::string m = language_mistake(c_.meta.language); !m.empty()) warning(ptr + "/language", m);
        }
    }
    if (const Json* src = field(*m, ptr, "source", true))
        if (expect_object(*src, ptr + "/source")) read_source(*src, ptr + "/source");
}

void Loader::read_source(const Json& src, const std::string& ptr) {
    Source& s = c_.meta.source;
    unknown_fields(src, ptr, {"title", "publisher", "url", "sections"});
    text(src, ptr, "title", true, limits::kTitleBytes, "a title", s.title);
    text(src, ptr, "publisher", false, limits::kTitleBytes, "a publisher", s.publisher);
    if (const Json* url = field(src, ptr, "url", false)) {
        const std::string p = ptr + "/url";
        if (!url->is_string()) {
            error(p, "expected a string, got " + describe(*url));
        } else {
            const std::string& u = url->get_ref<const std::string&>();
            const size_t bad = u.find_first_of(std::string(" \t\r\n\x7f", 5));
            if (u.size() > limits::kUrlBytes)
                error(p, "too long: " + std::to_string(u.size()) + " bytes; a url may have at most " +
                             std::to_string(limits::kUrlBytes) + " bytes");
            else if (u.rfind("http://", 0) != 0 && u.rfind("https://", 0) != 0)
                error(p, "url " + in_quotes(u) + " must start with http:// or https://");
            else if (u.size() == (u[4] == 's' ? 8u : 7u))
                error(p, "url " + in_quotes(u) + " has nothing after the scheme");
            else if (bad != std::string::npos ||
                     std::any_of(u.begin(), u.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; }))
                error(p, "url contains a space or control character; write a space as %20");
            else s.url = u;
        }
    }
    const Json* secs = array_field(src, ptr, "sections", true, 1, limits::kSections, "section");
    if (!secs) return;
    paragraphs_.unusable = secs->empty();
    for (size_t i = 0; i < secs->size(); ++i) {
        const Json& sv = (*secs)[i];
        const std::string sp = pointer_append(ptr + "/sections", i);
        if (!expect_object(sv, sp)) continue;
        unknown_fields(sv, sp, {"id", "heading", "paragraphs"});
        s.sections.emplace_back();
        SourceSection& sec = s.sections.back();
        if (id_field(sv, sp, sec.id)) define(sections_, sec.id, sp);
        text(sv, sp, "heading", true, limits::kTitleBytes, "a heading", sec.heading);
        const Json* paras = array_field(sv, sp, "paragraphs", true, 0, limits::kParagraphsPerSection, "paragraph");
        if (!paras) continue;
        for (size_t j = 0; j < paras->size(); ++j) {
            const Json& pv = (*paras)[j];
            const std::string pp = pointer_append(sp + "/paragraphs", j);
            if (!expect_object(pv, pp)) continue;
            unknown_fields(pv, pp, {"id", "text"});
            sec.paragraphs.emplace_back();
            SourceParagraph& para = sec.paragraphs.back();
            if (id_field(pv, pp, para.id) && define(paragraphs_, para.id, pp))
                paragraph_at_[para.id] = {s.sections.size() - 1, sec.paragraphs.size() - 1};
            text(pv, pp, "text", true, limits::kParagraphBytes, "a source paragraph", para.text);
        }
    }
}

// [SECTION] Categories and edge kinds ---------------------------------------------------------------------------

void Loader::read_categories(const Json& root) {
    const Json* cats = array_field(root, "", "categories", true, 1, limits::kCategories, "category");
    if (!cats) return;
    categories_.unusable = cats->empty();
    for (size_t i = 0; i < cats->size(); ++i) {
        const Json& v = (*cats)[i];
        const std::string ptr = pointer_append("/categories", i);
        if (!expect_object(v, ptr)) continue;
        unknown_fields(v, ptr, {"id", "label", "colour", "description"});
        Category cat;
        if (id_field(v, ptr, cat.id)) define(categories_, cat.id, ptr);
        text(v, ptr, "label", true, limits::kTitleBytes, "a label", cat.label);
        if (string_field(v, ptr, "colour", true, cat.colour) && !parse_colour(cat.colour, cat.rgb))
            error(ptr + "/colour",
                  "colour " + in_quotes(cat.colour) + " is not a hex colour like \"#e07b39\" or \"#e73\"");
        text(v, ptr, "description", false, limits::kDescriptionBytes, "a description", cat.description);
        c_.categories.push_back(std::move(cat));
    }
}

// "lanes": {"notes": ["caveats"]} (or just {}): columns follow the categories; unknown note categories are ignored
// with a warning, so a typo never costs the reader the map.
void Loader::read_lanes(const Json& root) {
    const Json* v = field(root, "", "lanes", false);
    if (!v) return;
    if (!expect_object(*v, "/lanes", "an object like {\"notes\": [\"caveats\"]}")) return;
    unknown_fields(*v, "/lanes", {"notes"});
    c_.lanes.on = true;
    const Json* notes = array_field(*v, "/lanes", "notes", false, 0, limits::kCategories, "category id");
    if (!notes) return;
    for (size_t i = 0; i < notes->size(); ++i) {
        const std::string ptr = pointer_append("/lanes/notes", i);
        const Json& n = (*notes)[i];
        if (!n.is_string()) {
            error(ptr, "expected a category id (a string), got " + describe(n));
            continue;
        }
        const std::string& id = n.get_ref<const std::string&>();
        if (std::find(categories_.ids.begin(), categories_.ids.end(), id) == categories_.ids.end()) {
            std::string m = "no category with id " + in_quotes(id) + "; the notes margin ignores it";
            const std::string s = suggester_.suggest("category", id, categories_.ids);
            if (!s.empty()) m += " (did you mean \"" + s + "\"?)";
            warning(ptr, m);
            continue;
        }
        c_.lanes.notes.push_back(id);
    }
}

// Folding kinds (part-of) make a tree of wholes and parts within a category. A part of two wholes keeps the first
// (in edge order); an edge that would close a cycle does not fold. Both are warnings: the map still draws every card.
void Loader::check_folds() {
    std::unordered_map<std::string, size_t> whole_of;  // part id → edge index that folds it
    std::unordered_map<std::string, std::string> parent, category;
    for (const Node& n : c_.nodes) category.emplace(n.id, n.category);
    for (size_t i = 0; i < c_.edges.size(); ++i) {
        const Edge& e = c_.edges[i];
        const EdgeKind* k = find_edge_kind(c_.edge_kinds, e.kind);
        if (!k || !k->folds || e.from == e.to) continue;
        auto a = category.find(e.from), b = category.find(e.to);
        if (a == category.end() || b == category.end() || a->second != b->second) continue;
        const std::string ptr = pointer_append("/edges", i);
        if (auto it = whole_of.find(e.from); it != whole_of.end()) {
            warning(ptr, in_quotes(e.from) + " is already a part of " + in_quotes(c_.edges[it->second].to) +
                             " (/edges/" + std::to_string(it->second) + "); a card folds into one whole, so this " +
                             in_quotes(e.kind) + " edge is drawn but does not fold");
            continue;
        }
        bool cycle = false;  // would `to` end up inside `from`?
        for (std::string x = e.to; !cycle;) {
            if (x == e.from) cycle = true;
            auto p = parent.find(x);
            if (p == parent.end()) break;
            x = p->second;
        }
        if (cycle) {
            warning(ptr, "fold cycle: " + in_quotes(e.to) + " is already (a part of a part) of " + in_quotes(e.from) +
                             "; this " + in_quotes(e.kind) + " edge is drawn but does not fold");
            continue;
        }
        whole_of[e.from] = i;
        parent[e.from] = e.to;
    }
}

void Loader::read_edge_kinds(const Json& root) {
    const Json* kinds = array_field(root, "", "edge_kinds", false, 0, limits::kEdgeKinds, "edge kind");
    if (!kinds) return;
    for (size_t i = 0; i < kinds->size(); ++i) {
        const Json& v = (*kinds)[i];
        const std::string ptr = pointer_append("/edge_kinds", i);
        if (!expect_object(v, ptr)) continue;
        unknown_fields(v, ptr, {"id", "forward", "backward", "style", "folds", "reads_backwards"});
        EdgeKind k;
        if (id_field(v, ptr, k.id)) define(kinds_, k.id, ptr);  // redeclaring a built-in is allowed
        // A redeclared built-in keeps its behaviour unless the file says otherwise.
        static const std::vector<EdgeKind> kBuiltins = builtin_edge_kinds();
        if (const EdgeKind* b = find_edge_kind(kBuiltins, k.id)) {
            k.folds = b->folds;
            k.reads_backwards = b->reads_backwards;
        }
        bool_field(v, ptr, "folds", k.folds);
        bool_field(v, ptr, "reads_backwards", k.reads_backwards);
        text(v, ptr, "forward", true, limits::kTitleBytes, "an edge reading", k.forward);
        text(v, ptr, "backward", true, limits::kTitleBytes, "an edge reading", k.backward);
        if (const Json* st = field(v, ptr, "style", false)) {
            static const std::vector<std::string> kStyles = {"solid", "dashed", "dotted"};
            if (!st->is_string()) {
                error(ptr + "/style", "expected one of \"solid\", \"dashed\", \"dotted\", got " + describe(*st));
            } else if (std::find(kStyles.begin(), kStyles.end(), st->get_ref<const std::string&>()) == kStyles.end()) {
                std::string m = "style " + in_quotes(st->get_ref<const std::string&>()) +
                                " is not one of \"solid\", \"dashed\", \"dotted\"";
                const std::string s = suggester_.suggest("style", st->get<std::string>(), kStyles);
                if (!s.empty()) m += " (did you mean \"" + s + "\"?)";
                error(ptr + "/style", m);
            } else {
                k.style = st->get<std::string>();
            }
        }
        declared_kinds_.push_back(std::move(k));
    }
}

// [SECTION] Nodes -----------------------------------------------------------------------------------------------

void Loader::read_nodes(const Json& root) {
    const Json* nodes = array_field(root, "", "nodes", true, 1, limits::kNodes, "node");
    if (!nodes) return;
    nodes_.unusable = nodes->empty();
    for (size_t i = 0; i < nodes->size(); ++i) read_node((*nodes)[i], pointer_append("/nodes", i));
}

void Loader::read_node(const Json& v, const std::string& ptr) {
    if (!expect_object(v, ptr)) return;
    unknown_fields(v, ptr, {"id", "category", "title", "summary", "body", "tags", "citations", "position"});
    Node n;
    if (id_field(v, ptr, n.id)) define(nodes_, n.id, ptr);
    if (string_field(v, ptr, "category", true, n.category)) resolve(categories_, n.category, ptr + "/category");
    text(v, ptr, "title", true, limits::kTitleBytes, "a title", n.title);
    text(v, ptr, "summary", true, limits::kSummaryBytes, "a summary", n.summary);
    if (const Json* body = array_field(v, ptr, "body", false, 0, limits::kBodyParagraphs, "body paragraph")) {
        for (size_t i = 0; i < body->size(); ++i) {
            Text t;
            if (text_value((*body)[i], pointer_append(ptr + "/body", i), limits::kParagraphBytes, "a body paragraph",
                           t))
                n.body.push_back(std::move(t));
        }
    }
    if (const Json* tags = array_field(v, ptr, "tags", false, 0, limits::kTagsPerNode, "tag")) {
        for (size_t i = 0; i < tags->size(); ++i) {
            Text t;
            if (text_value((*tags)[i], pointer_append(ptr + "/tags", i), limits::kTagBytes, "a tag", t))
                n.tags.push_back(std::move(t));
        }
    }
    const auto listed = v.find("citations");
    if (listed != v.end() && listed->is_array() && listed->empty()) {  // how edit mode marks a new card
        error(ptr + "/citations",
              "no citation yet: cite the source paragraph this card comes from, e.g. "
              "[{\"paragraph\": \"p1\"}] (in edit mode: Citations, pick a paragraph, Cite)");
        ++uncited_;
    } else if (const Json* cites = array_field(v, ptr, "citations", true, 1, limits::kCitationsPerNode, "citation",
                                               "every node cites at least one source paragraph")) {
        for (size_t i = 0; i < cites->size(); ++i) read_citation((*cites)[i], pointer_append(ptr + "/citations", i), n);
    }
    if (const Json* pos = field(v, ptr, "position", false)) read_position(*pos, ptr + "/position", n);
    c_.nodes.push_back(std::move(n));
}

void Loader::read_citation(const Json& v, const std::string& ptr, Node& node) {
    if (!expect_object(v, ptr)) return;
    unknown_fields(v, ptr, {"paragraph", "quote"});
    Citation cit;
    const bool resolved = string_field(v, ptr, "paragraph", true, cit.paragraph) &&
                          resolve(paragraphs_, cit.paragraph, ptr + "/paragraph");
    const bool has_quote = text(v, ptr, "quote", false, limits::kQuoteBytes, "a quote", cit.quote);
    if (resolved && has_quote) {
        auto at = paragraph_at_.find(cit.paragraph);
        if (at != paragraph_at_.end()) {
            const SourceParagraph& para = c_.meta.source.sections[at->second.first].paragraphs[at->second.second];
            check_quote(cit.quote, v.at("quote").is_object(), para, ptr + "/quote");
        }
    }
    node.citations.push_back(std::move(cit));
}

void Loader::check_quote(const Text& quote, bool quote_is_map, const SourceParagraph& para, const std::string& ptr) {
    if (para.text.items.empty()) return;  // the paragraph's own error was reported
    for (const auto& [lang, q] : quote.items) {
        const std::string p = quote_is_map ? pointer_append(ptr, lang) : ptr;
        // A plain quote may come from any entry; a language entry is checked against the same language (or a
        // plain paragraph).
        std::vector<const std::string*> passages;
        for (const auto& [plang, ptext] : para.text.items)
            if (lang.empty() || plang == lang || plang.empty()) passages.push_back(&ptext);
        if (passages.empty()) {
            warning(p, "paragraph " + in_quotes(para.id) + " has no " + in_quotes(lang) +
                           " text, so this quote cannot be checked");
            continue;
        }
        QuoteMatch best;
        bool found = false;
        for (const std::string* text : passages) {
            QuoteMatch m = match_quote(q, *text);
            if (m.found) {
                found = true;
                break;
            }
            if (m.differs_in_case_only ||
                (!best.differs_in_case_only && m.matched_prefix.size() > best.matched_prefix.size()))
                best = std::move(m);
        }
        if (found) continue;
        // Only the paragraph's plain text was there to match, and it is in meta.language: that is the cause.
        const std::string& quote_lang = lang;  // clang (wasm) cannot capture a structured binding
        const bool has_lang = std::any_of(para.text.items.begin(), para.text.items.end(),
                                          [&](const auto& item) { return item.first == quote_lang; });
        if (!lang.empty() && !has_lang && lang != c_.meta.language) {
            error(p, "paragraph " + in_quotes(para.id) + " has no " + in_quotes(lang) + " text: its text is a plain " +
                         "string, which counts as " + in_quotes(c_.meta.language) + " (meta.language); give the " +
                         "paragraph a " + in_quotes(lang) + " entry, or quote its " + in_quotes(c_.meta.language) +
                         " text");
            continue;
        }
        std::string m = "quote not found in paragraph " + in_quotes(para.id);
        if (best.differs_in_case_only) {
            m += " (it differs only in upper/lower case)";
        } else if (best.matched_prefix.size() >= 8) {
            std::string tail = best.matched_prefix;
            if (tail.size() > 40) {
                size_t cut = tail.size() - 40;
                while (cut < tail.size() && (static_cast<unsigned char>(tail[cut]) & 0xC0) == 0x80) ++cut;
                tail = "…" + tail.substr(cut);
            }
            m += ": the paragraph has \"" + tail + "\" but does not continue with \"" + best.next_in_quote + "…\"";
        } else {
            m += "; quotes must be copied verbatim from the paragraph (only runs of spaces and line breaks may differ)";
        }
        error(p, m);
    }
}

void Loader::read_position(const Json& v, const std::string& ptr, Node& node) {
    if (!expect_object(v, ptr, "an object like {\"x\": 0, \"y\": 0}")) return;
    unknown_fields(v, ptr, {"x", "y"});
    double xy[2] = {0, 0};
    bool ok = true;
    for (int i = 0; i < 2; ++i) {
        const char* key = i ? "y" : "x";
        const Json* c = field(v, ptr, key, true);
        if (!c) {
            ok = false;
            continue;
        }
        const std::string p = pointer_append(ptr, key);
        if (!c->is_number()) {
            error(p, "expected a number, got " + describe(*c));
            ok = false;
            continue;
        }
        xy[i] = c->get<double>();
        if (!std::isfinite(xy[i])) {
            error(p, "must be a finite number");
            ok = false;
        } else if (std::fabs(xy[i]) > limits::kCoordinate) {
            error(p, std::string(key) + " = " + c->dump() + " is too far out; " + limits::positions_within());
            ok = false;
        }
    }
    if (ok) {
        node.has_position = true;
        node.x = xy[0];
        node.y = xy[1];
    }
}

// [SECTION] Edges and tours -------------------------------------------------------------------------------------

void Loader::read_edges(const Json& root) {
    const Json* edges =
        array_field(root, "", "edges", true, 0, limits::kEdges, "edge", "write \"edges\": [] when there are none");
    if (!edges) return;
    std::unordered_map<std::string, std::string> seen;  // "from\x1fto\x1fkind" → first edge's pointer
    for (size_t i = 0; i < edges->size(); ++i) {
        const Json& v = (*edges)[i];
        const std::string ptr = pointer_append("/edges", i);
        if (!expect_object(v, ptr)) continue;
        unknown_fields(v, ptr, {"id", "from", "to", "kind", "label"});
        Edge e;
        if (field(v, ptr, "id", false) && id_field(v, ptr, e.id)) define(edges_, e.id, ptr);
        const bool from_ok = string_field(v, ptr, "from", true, e.from) && resolve(nodes_, e.from, ptr + "/from");
        const bool to_ok = string_field(v, ptr, "to", true, e.to) && resolve(nodes_, e.to, ptr + "/to");
        const bool kind_ok = string_field(v, ptr, "kind", true, e.kind) && resolve(kinds_, e.kind, ptr + "/kind");
        text(v, ptr, "label", false, limits::kTitleBytes, "an edge label", e.label);
        if (from_ok && to_ok && e.from == e.to) error(ptr, "edge goes from " + in_quotes(e.from) + " to itself");
        if (from_ok && to_ok && kind_ok) {
            auto [it, inserted] = seen.emplace(e.from + '\x1f' + e.to + '\x1f' + e.kind, ptr);
            if (!inserted) warning(ptr, "duplicate edge: same from, to and kind as " + it->second);
        }
        c_.edges.push_back(std::move(e));
    }
}

void Loader::read_tours(const Json& root) {
    const Json* tours =
        array_field(root, "", "tours", true, 0, limits::kTours, "tour", "write \"tours\": [] when there are none");
    if (!tours) return;
    for (size_t i = 0; i < tours->size(); ++i) {
        const Json& v = (*tours)[i];
        const std::string ptr = pointer_append("/tours", i);
        if (!expect_object(v, ptr)) continue;
        unknown_fields(v, ptr, {"id", "title", "description", "steps"});
        Tour t;
        if (id_field(v, ptr, t.id)) define(tours_, t.id, ptr);
        text(v, ptr, "title", true, limits::kTitleBytes, "a title", t.title);
        text(v, ptr, "description", false, limits::kDescriptionBytes, "a description", t.description);
        if (const Json* steps = array_field(v, ptr, "steps", true, 1, limits::kStepsPerTour, "step")) {
            for (size_t j = 0; j < steps->size(); ++j) {
                const Json& sv = (*steps)[j];
                const std::string sp = pointer_append(ptr + "/steps", j);
                if (!expect_object(sv, sp)) continue;
                unknown_fields(sv, sp, {"node", "caption"});
                TourStep step;
                if (string_field(sv, sp, "node", true, step.node)) resolve(nodes_, step.node, sp + "/node");
                text(sv, sp, "caption", true, limits::kCaptionBytes, "a caption", step.caption);
                t.steps.push_back(std::move(step));
            }
        }
        c_.tours.push_back(std::move(t));
    }
}

std::shared_ptr<Content> Loader::run() {
    const Json& root = parsed_.root;
    if (!root.is_object()) {
        error("", "the top level must be a JSON object {\"meta\": ..., \"nodes\": [...], ...}, got " + describe(root));
        return nullptr;
    }
    unknown_fields(root, "",
                   {"$schema", "format", "meta", "categories", "lanes", "edge_kinds", "nodes", "edges", "tours"});
    if (const Json* s = field(root, "", "$schema", false); s && !s->is_string())
        error("/$schema", "expected a string (the path or URL of the schema), got " + describe(*s));
    if (const Json* f = field(root, "", "format", false)) {
        if (!f->is_number()) error("/format", "expected the number 1, got " + describe(*f));
        else if (f->get<double>() != 1.0)
            error("/format", "format " + f->dump() + " is not supported; this version reads format 1");
    }
    read_meta(root);
    read_categories(root);
    read_lanes(root);
    read_edge_kinds(root);
    read_nodes(root);
    read_edges(root);
    read_tours(root);
    if (sink_.error_count() > tolerated_errors()) return nullptr;

    // Built-in kinds first; a declared kind with a built-in's id replaces it in place.
    c_.edge_kinds = builtin_edge_kinds();
    for (auto& k : declared_kinds_) {
        auto it =
            std::find_if(c_.edge_kinds.begin(), c_.edge_kinds.end(), [&](const EdgeKind& b) { return b.id == k.id; });
        if (it != c_.edge_kinds.end()) *it = std::move(k);
        else c_.edge_kinds.push_back(std::move(k));
    }
    check_folds();
    c_.rebuild_indices();
    return std::make_shared<Content>(std::move(c_));
}

std::vector<Fold> Loader::follow_ons() const {
    std::vector<Fold> folds;
    for (const IdTable* t : {&nodes_, &categories_, &kinds_, &tours_, &paragraphs_}) {
        if (t->duplicates.size() != 1 || t->dangling.empty()) continue;
        const std::string& missing = t->dangling.front().first;
        if (std::any_of(t->dangling.begin(), t->dangling.end(), [&](const auto& d) { return d.first != missing; }))
            continue;
        Fold f;
        f.into = t->duplicates.front().second;
        std::string where;
        for (const auto& d : t->dangling) {
            f.drop.push_back(d.second);
            if (f.drop.size() <= 3) where += (where.empty() ? "" : ", ") + d.second;
        }
        if (f.drop.size() > 3) where += " and " + std::to_string(f.drop.size() - 3) + " more";
        f.addition = "; " + std::string(f.drop.size() == 1 ? "a reference" : "references") + " to " +
                     in_quotes(missing) + " (" + where + ") find no " + t->noun + ": if this " + t->noun +
                     " is the one meant, change its id to " + in_quotes(missing);
        folds.push_back(std::move(f));
    }
    return folds;
}

}  // namespace

// [SECTION] Entry points ----------------------------------------------------------------------------------------

size_t LoadResult::error_count() const {
    size_t n = 0;
    for (const auto& p : problems) n += p.severity == Severity::Error;
    return n;
}

size_t LoadResult::warning_count() const { return problems.size() - error_count(); }

static std::string mebibytes(size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / (1024.0 * 1024.0));
    return buf;
}

static std::string too_big(size_t bytes) {
    return "the file is " + mebibytes(bytes) + " (" + std::to_string(bytes) + " bytes); the limit is " +
           limits::file_size_text() + " (" + std::to_string(limits::kFileBytes) + " bytes)";
}

namespace limits {

std::string file_size_text() {
    constexpr size_t kMiB = 1024 * 1024;
    return kFileBytes % kMiB == 0 ? std::to_string(kFileBytes / kMiB) + " MiB" : mebibytes(kFileBytes);
}

std::string coordinate_text() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", kCoordinate);  // 1e6 → "1000000", not "1e+06"
    return std::string("±") + buf;
}

std::string file_too_large() { return "the file is larger than the " + file_size_text() + " limit"; }

std::string positions_within() { return "positions must lie within " + coordinate_text(); }

}  // namespace limits

LoadResult load_content(std::string_view bytes, const std::string& file_label, LoadOptions options) {
    LoadResult r;
    ProblemSink sink(file_label, limits::kReportedProblems);
    std::vector<Fold> folds;
    try {
        if (bytes.size() > limits::kFileBytes) {
            sink.error("", too_big(bytes.size()));
        } else {
            ParsedJson parsed = parse_json_guarded(bytes, limits::kDepth, sink);
            if (parsed.ok) {
                Loader loader(sink, parsed, options);
                std::shared_ptr<Content> c = loader.run();
                folds = loader.follow_ons();
                if (c && sink.error_count() <= loader.tolerated_errors()) r.content = std::move(c);
            }
        }
    } catch (const std::bad_alloc&) {
        sink.error("", "out of memory while loading the file");
    } catch (const std::exception& e) {
        sink.error("", std::string("internal error while loading the file: ") + e.what());
    } catch (...) { sink.error("", "internal error while loading the file"); }
    r.problems = sink.finish();
    for (const Fold& f : folds) {
        auto is_error_at = [](const Problem& p, const std::string& ptr) {
            return p.severity == Severity::Error && p.pointer == ptr;
        };
        for (Problem& p : r.problems)
            if (is_error_at(p, f.into) && p.message.rfind("duplicate ", 0) == 0) p.message += f.addition;
        r.problems.erase(std::remove_if(r.problems.begin(), r.problems.end(),
                                        [&](const Problem& p) {
                                            return p.message.rfind("no ", 0) == 0 &&
                                                   std::any_of(f.drop.begin(), f.drop.end(),
                                                               [&](const std::string& d) { return is_error_at(p, d); });
                                        }),
                         r.problems.end());
    }
    return r;
}

Problem unreadable_problem(const std::string& path, ReadStatus status, const std::string& label) {
    auto problem = [&](const std::string& message) { return Problem(label, "", message, Severity::Error); };
    // What the file system says comes first: it tells a folder or an oversized file apart from an I/O error.
    std::error_code ec;
    const auto fs_status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(fs_status)) return problem("cannot open the file: it does not exist");
    if (std::filesystem::is_directory(fs_status)) return problem("cannot open the file: it is a directory");
    if (std::filesystem::is_regular_file(fs_status)) {
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > limits::kFileBytes) return problem(too_big(size_t(size)));
    }
    switch (status) {
        case ReadStatus::Missing: return problem("cannot open the file: it does not exist");
        case ReadStatus::Unreadable: return problem("cannot open the file: permission denied or unreadable");
        case ReadStatus::TooBig: return problem(limits::file_too_large());  // pipes, growing files
        case ReadStatus::Ok:
        case ReadStatus::IoError: break;
    }
    return problem("cannot read the file (I/O error)");
}

LoadResult load_content_file(const std::string& path, const std::string& label_override, LoadOptions options) {
    const std::string label = label_override.empty() ? path : label_override;
    std::string bytes;  // the read stops just past the cap, so an oversized file is never read whole
    const ReadStatus status = read_file(path, bytes, limits::kFileBytes);
    if (status != ReadStatus::Ok) {
        LoadResult r;
        r.problems.push_back(unreadable_problem(path, status, label));
        return r;
    }
    return load_content(bytes, label, options);
}

}  // namespace ex
