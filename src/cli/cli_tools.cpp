// cli_tools.cpp — validation report, translation check and Markdown / HTML export for the command line.
//
// The translation check walks the raw JSON rather than the loaded Content: the model merges declared edge kinds
// into the built-in ones, so only the file knows each text's JSON pointer.
#include "cli/cli_tools.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/export_html.h"
#include "core/export_markdown.h"
#include "core/file_io.h"
#include "core/font_files.h"
#include "core/json_guard.h"
#include "core/load.h"
#include "core/text_wrap.h"

namespace ex {

namespace {

std::string count(size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// Every text field of the format (assets/schema/explainer.schema.json, "Text"); "*" is each array element.
constexpr const char* kTextFields[] = {
    "/meta/title",
    "/meta/subtitle",
    "/meta/summary",
    "/meta/source/title",
    "/meta/source/publisher",
    "/meta/source/sections/*/heading",
    "/meta/source/sections/*/paragraphs/*/text",
    "/categories/*/label",
    "/categories/*/description",
    "/edge_kinds/*/forward",
    "/edge_kinds/*/backward",
    "/nodes/*/title",
    "/nodes/*/summary",
    "/nodes/*/body/*",
    "/nodes/*/tags/*",
    "/nodes/*/citations/*/quote",
    "/edges/*/label",
    "/tours/*/title",
    "/tours/*/description",
    "/tours/*/steps/*/caption",
};

// Letters make a plain string language-specific. Besides ASCII letters, any code point from U+00C0 up counts,
// except the punctuation and symbol blocks (general punctuation to dingbats, CJK punctuation, fullwidth
// punctuation, emoji), so "2025" or "→" need no translation and "AI" or "人工智能" do.
bool has_letters(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
            ++i;
            continue;
        }
        const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        uint32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3Fu);
        i += len;
        const bool symbol = cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
                            (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                            (cp >= 0xFF00 && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
                            (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x1F000 && cp <= 0x1FAFF);
        if (!symbol) return true;
    }
    return false;
}

// Calls `leaf(value, pointer)` for each value at `pattern` (split into segments) below `v`; "*" is each element.
template <typename Leaf>
void visit(const nlohmann::json& v, const std::vector<std::string>& segs, size_t at, const std::string& ptr,
           const Leaf& leaf) {
    if (at == segs.size()) {
        leaf(v, ptr);
        return;
    }
    if (segs[at] == "*") {
        if (!v.is_array()) return;
        for (size_t i = 0; i < v.size(); ++i) visit(v[i], segs, at + 1, pointer_append(ptr, i), leaf);
    } else if (v.is_object()) {
        auto it = v.find(segs[at]);
        if (it != v.end()) visit(*it, segs, at + 1, pointer_append(ptr, segs[at]), leaf);
    }
}

std::vector<std::string> split_pattern(const char* pattern) {
    std::vector<std::string> segs;
    std::string cur;
    for (const char* p = pattern + 1;; ++p) {
        if (*p == '/' || *p == 0) {
            segs.push_back(cur);
            cur.clear();
        } else cur += *p;
        if (*p == 0) break;
    }
    return segs;
}

// Orders problems by where they are in the document: pointers compared segment by segment, array indices as
// numbers, object keys in the order of kTextFields (the format's order), so the report reads top to bottom.
bool document_order(const Problem& a, const Problem& b, const std::vector<std::string>& key_rank) {
    auto segments = [](const std::string& p) {
        std::vector<std::string> out;
        size_t start = 1;
        while (start <= p.size()) {
            size_t slash = p.find('/', start);
            if (slash == std::string::npos) slash = p.size();
            out.push_back(p.substr(start, slash - start));
            start = slash + 1;
        }
        return out;
    };
    auto rank = [&](const std::string& s) -> long {
        if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos) return std::stol(s);
        for (size_t i = 0; i < key_rank.size(); ++i)
            if (key_rank[i] == s) return (long)i;
        return (long)key_rank.size();
    };
    const auto sa = segments(a.pointer), sb = segments(b.pointer);
    for (size_t i = 0; i < sa.size() && i < sb.size(); ++i)
        if (sa[i] != sb[i]) return rank(sa[i]) < rank(sb[i]);
    return sa.size() < sb.size();
}

// Sorts problems into document order (see document_order), keeping the order of those at the same place.
void sort_into_document_order(std::vector<Problem>& problems) {
    std::vector<std::string> key_rank;  // field names in the format's order
    for (const char* pattern : kTextFields)
        for (const auto& s : split_pattern(pattern))
            if (s != "*" && std::find(key_rank.begin(), key_rank.end(), s) == key_rank.end()) key_rank.push_back(s);
    std::stable_sort(problems.begin(), problems.end(),
                     [&](const Problem& a, const Problem& b) { return document_order(a, b, key_rank); });
}

// Every untranslated text, sorted into document order, uncapped.
std::vector<Problem> all_missing(std::string_view bytes, const std::string& lang, const std::string& label) {
    ProblemSink ignored(label);  // the loader reports syntax problems, not this check
    const ParsedJson parsed = parse_json_guarded(bytes, limits::kDepth, ignored);
    if (!parsed.ok || !parsed.root.is_object() || lang.empty()) return {};
    // A plain string is written in meta.language (the loader's default: "en").
    std::string written_in = "en";
    if (auto meta = parsed.root.find("meta"); meta != parsed.root.end() && meta->is_object())
        if (auto l = meta->find("language"); l != meta->end() && l->is_string()) written_in = l->get<std::string>();
    const bool plain_is_lang = written_in == lang;
    ProblemSink collect(label, (size_t)-1);
    auto check = [&](const nlohmann::json& v, const std::string& ptr) {
        bool missing = false;
        if (v.is_string()) missing = !plain_is_lang && has_letters(v.get_ref<const std::string&>());
        else if (v.is_object()) missing = !v.contains(lang);
        if (missing) collect.error(ptr, "missing \"" + lang + "\" translation");
    };
    for (const char* pattern : kTextFields) visit(parsed.root, split_pattern(pattern), 0, "", check);
    std::vector<Problem> all = collect.finish();
    sort_into_document_order(all);
    return all;
}

}  // namespace

std::vector<Problem> missing_translations(std::string_view bytes, const std::string& lang, const std::string& label) {
    ProblemSink sink(label, limits::kReportedProblems);  // as the loader: a huge file cannot flood the report
    for (const Problem& p : all_missing(bytes, lang, label)) sink.error(p.pointer, p.message);
    return sink.finish();
}

namespace {

// Calls `f(text, pointer)` for every string of every text field: a plain string, or each entry of a language map.
template <typename F>
void for_each_text(const nlohmann::json& root, const F& f) {
    auto leaf = [&](const nlohmann::json& v, const std::string& ptr) {
        if (v.is_string()) f(v.get_ref<const std::string&>(), ptr);
        else if (v.is_object())
            for (auto it = v.begin(); it != v.end(); ++it)
                if (it->is_string()) f(it->get_ref<const std::string&>(), pointer_append(ptr, it.key()));
    };
    for (const char* pattern : kTextFields) visit(root, split_pattern(pattern), 0, "", leaf);
}

// Calls `f(cp, utf8)` for each character of `text` that `fonts` cannot draw.
template <typename F>
void each_undrawn(const std::string& text, const GlyphCoverage& fonts, const F& f) {
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = 0;
        const size_t len = decode_utf8(text, i, cp);
        if (!fonts.draws(cp)) f(cp, text.substr(i, len));
        i += len;
    }
}

bool contains(const std::vector<uint32_t>& v, uint32_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

std::vector<Problem> missing_glyphs(std::string_view bytes, const GlyphCoverage& fonts, const std::string& label) {
    ProblemSink sink(label, limits::kReportedProblems);
    if (!fonts.error().empty()) {
        sink.warning("", "cannot check which characters the desktop app draws: " + fonts.error());
        return sink.finish();
    }
    ProblemSink ignored(label);  // the loader reports syntax problems, not this check
    const ParsedJson parsed = parse_json_guarded(bytes, limits::kDepth, ignored);
    if (!parsed.ok || !parsed.root.is_object()) return {};
    ProblemSink collect(label, (size_t)-1);
    for_each_text(parsed.root, [&](const std::string& text, const std::string& ptr) {
        std::vector<uint32_t> missing;  // each once
        std::string list;               // the first five as "U+1200 "ሀ""
        each_undrawn(text, fonts, [&](uint32_t cp, const std::string& utf8) {
            if (contains(missing, cp)) return;
            missing.push_back(cp);
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", (unsigned)cp);
            if (missing.size() <= 5) list += (list.empty() ? "" : ", ") + std::string(hex) + " \"" + utf8 + "\"";
        });
        if (missing.empty()) return;
        if (missing.size() > 5) list += " and " + count(missing.size() - 5, "more character");
        const bool one = missing.size() == 1;
        collect.warning(ptr, "the desktop app's fonts have no glyph for " + list + ": it draws " +
                                 (one ? "a box" : "boxes") + " unless the machine has a font for " +
                                 (one ? "it" : "them") + " (the browser uses the reader's fonts)");
    });
    std::vector<Problem> all = collect.finish();
    sort_into_document_order(all);
    for (const Problem& p : all) sink.warning(p.pointer, p.message);
    return sink.finish();
}

std::vector<uint32_t> undrawn_code_points(std::string_view bytes, const GlyphCoverage& fonts) {
    ProblemSink ignored("");
    const ParsedJson parsed = parse_json_guarded(bytes, limits::kDepth, ignored);
    std::vector<uint32_t> out;
    if (!parsed.ok || !parsed.root.is_object() || !fonts.error().empty()) return out;
    for_each_text(parsed.root, [&](const std::string& text, const std::string&) {
        each_undrawn(text, fonts, [&](uint32_t cp, const std::string&) {
            if (!contains(out, cp)) out.push_back(cp);
        });
    });
    return out;
}

int cli_validate(const std::vector<std::string>& files, std::ostream& out, const std::string& require_lang,
                 const GlyphCoverage* fonts) {
    if (files.empty()) {
        out << "validate: no files given\n";
        return 1;
    }
    int status = 0;
    for (const auto& file : files) {
        LoadResult r = load_content_file(file);
        std::string bytes;  // again, to give each problem its line, column and node
        const bool read = read_file(file, bytes, limits::kFileBytes) == ReadStatus::Ok;
        if (read && r.content && fonts)
            for (Problem& p : missing_glyphs(bytes, *fonts, file)) r.problems.push_back(std::move(p));
        if (read) locate_problems(bytes, r.problems);
        for (const auto& p : r.problems) out << format_problem(p) << "\n";
        if (!r.ok()) {
            out << file << ": refused (" << count(r.error_count(), "error") << ", "
                << count(r.warning_count(), "warning") << ")\n";
            status = 1;
            continue;
        }
        size_t untranslated = 0;
        std::string by_field;  // "2 tags, 1 quote, 5 other texts": what the list above adds up to
        if (!require_lang.empty()) {
            const std::vector<Problem> missing = all_missing(bytes, require_lang, file);
            untranslated = missing.size();
            size_t tags = 0, quotes = 0;
            for (const Problem& p : missing) {
                tags += p.pointer.find("/tags/") != std::string::npos;
                quotes += p.pointer.size() >= 6 && p.pointer.compare(p.pointer.size() - 6, 6, "/quote") == 0;
            }
            for (const auto& [n, noun] : {std::pair<size_t, const char*>{tags, "tag"},
                                          {quotes, "quote"},
                                          {untranslated - tags - quotes, tags + quotes ? "other text" : "text"}})
                if (n) by_field += (by_field.empty() ? "" : ", ") + count(n, noun);
            ProblemSink capped(file, limits::kReportedProblems);
            for (const Problem& p : missing) capped.error(p.pointer, p.message);
            std::vector<Problem> listed = capped.finish();
            locate_problems(bytes, listed);
            for (const Problem& p : listed) out << format_problem(p) << "\n";
        }
        const Content& c = *r.content;
        out << file << ": ok (" << count(c.nodes.size(), "node") << ", " << count(c.edges.size(), "edge") << ", "
            << count(c.tours.size(), "tour") << ", " << count(r.warning_count(), "warning") << ")";
        if (untranslated) {
            out << ", but " << count(untranslated, "text") << " lack" << (untranslated == 1 ? "s" : "") << " a \""
                << require_lang << "\" translation (" << by_field << ")";
            status = 1;
        } else if (!require_lang.empty()) {
            out << ", every text in \"" << require_lang << "\"";
        }
        out << "\n";
    }
    return status;
}

namespace {

// Loads `file` (its problems go to `err`) and writes `render(content)` to `out`: 0, or 1 when it does not load.
template <typename Render>
int cli_export_text(const std::string& file, std::ostream& out, std::ostream& err, Render render) {
    const LoadResult r = load_content_file(file);
    for (const auto& p : r.problems) err << format_problem(p) << "\n";
    if (!r.ok()) {
        err << file << ": refused (" << count(r.error_count(), "error") << "); nothing exported\n";
        return 1;
    }
    out << render(*r.content);
    return out.good() ? 0 : 1;
}

}  // namespace

int cli_export_markdown(const std::string& file, const std::string& lang, std::ostream& out, std::ostream& err) {
    return cli_export_text(file, out, err, [&](const Content& c) { return export_markdown(c, lang) + "\n"; });
}

int cli_export_html(const std::string& file, const std::string& lang, std::ostream& out, std::ostream& err) {
    return cli_export_text(file, out, err, [&](const Content& c) { return export_html(c, lang); });
}

}  // namespace ex
