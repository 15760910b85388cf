// json_canvas.cpp — Content → JSON Canvas 1.0 and back.
//
// Index
//   [SECTION] Helpers           colours, UTF-8 cuts, ids, Markdown splitting
//   [SECTION] Export
//   [SECTION] Import: reading   the canvas checked field by field, every problem with its pointer
//   [SECTION] Import: building  canvas cards → our content JSON, validated by the loader
#include "core/json_canvas.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/content_doc.h"
#include "core/content_json.h"
#include "core/file_io.h"
#include "core/json_guard.h"
#include "core/load.h"
#include "core/path.h"
#include "core/utf8.h"

namespace ex {

using OJson = nlohmann::ordered_json;
using Json = nlohmann::json;

// [SECTION] Helpers ---------------------------------------------------------------------------------------------

static std::string hex_colour(uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", unsigned(rgb & 0xFFFFFF));
    return buf;
}

// Canvas colours: "#rgb" / "#rrggbb", or the presets "1"–"6" (red, orange, yellow, green, cyan, purple) as
// Obsidian draws them. "" when the value is neither.
static std::string canvas_colour(const std::string& c) {
    static const char* kPresets[6] = {"#fb464c", "#e9973f", "#e0de71", "#44cf6e", "#53dfdd", "#a882ff"};
    if (c.size() == 1 && c[0] >= '1' && c[0] <= '6') return kPresets[c[0] - '1'];
    auto hex = [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; };
    if ((c.size() != 4 && c.size() != 7) || c[0] != '#' || !std::all_of(c.begin() + 1, c.end(), hex)) return "";
    std::string out = "#";
    for (size_t i = 1; i < c.size(); ++i) {
        const char l = char(std::tolower(static_cast<unsigned char>(c[i])));
        out += l;
        if (c.size() == 4) out += l;
    }
    return out;
}

// At most `max` bytes, cut at a character boundary, with "…" when cut.
static std::string cut(const std::string& s, size_t max, bool* was_cut = nullptr) {
    if (was_cut) *was_cut = s.size() > max;
    return utf8_cut(s, max);  // "…" is 3 bytes: the result stays within max
}

static std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// Our ids: [A-Za-z0-9][A-Za-z0-9._-]*, at most 64 characters; canvas ids are any string.
static std::string our_id(const std::string& raw) {
    std::string s;
    for (char c : raw) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
        s += (ok && static_cast<unsigned char>(c) < 0x80) ? c : '-';
    }
    if (s.empty() || !std::isalnum(static_cast<unsigned char>(s[0]))) s = "n" + s;
    return s.substr(0, 56);
}

static std::string unique(const std::string& base, std::unordered_set<std::string>& taken) {
    std::string id = base;
    for (int k = 2; taken.count(id); ++k) id = base + "-" + std::to_string(k);
    taken.insert(id);
    return id;
}

// Canvas colours by name, for categories made from colours: the six presets as Obsidian draws them, then by hue.
static std::string colour_name(const std::string& hex) {
    static const std::pair<const char*, const char*> kPresets[6] = {{"#fb464c", "Red"},    {"#e9973f", "Orange"},
                                                                    {"#e0de71", "Yellow"}, {"#44cf6e", "Green"},
                                                                    {"#53dfdd", "Cyan"},   {"#a882ff", "Purple"}};
    for (const auto& [h, name] : kPresets)
        if (hex == h) return name;
    if (hex.size() != 7) return "Colour " + hex;
    const double r = std::stoi(hex.substr(1, 2), nullptr, 16) / 255.0,
                 g = std::stoi(hex.substr(3, 2), nullptr, 16) / 255.0,
                 b = std::stoi(hex.substr(5, 2), nullptr, 16) / 255.0;
    const double hi = std::max({r, g, b}), lo = std::min({r, g, b}), l = (hi + lo) / 2, d = hi - lo;
    if (d < 0.08 || (l > 0.1 && l < 0.9 && d / (1 - std::fabs(2 * l - 1)) < 0.15))
        return l < 0.2 ? "Black" : l > 0.85 ? "White" : "Grey";
    double h = hi == r ? std::fmod((g - b) / d, 6.0) : hi == g ? (b - r) / d + 2 : (r - g) / d + 4;
    h *= 60;
    if (h < 0) h += 360;
    const std::pair<double, const char*> kHues[] = {{15, "Red"},     {45, "Orange"}, {70, "Yellow"},
                                                    {165, "Green"},  {200, "Cyan"},  {255, "Blue"},
                                                    {290, "Purple"}, {345, "Pink"},  {361, "Red"}};
    for (const auto& [upto, name] : kHues)
        if (h < upto) return name;
    return "Red";
}

static bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// Inline Markdown as the reader would see it: emphasis (**, __, *, _, ~~, ==) and code spans lose their markers,
// links and images keep their text ([text](url), ![alt](url), [[page|alias]], [[page]]), and backslash escapes
// their character. "2 * 3" keeps its star (an opening marker must touch the text), and so does snake_case.
std::string strip_markdown(std::string_view in) {
    std::string s(in);
    // Links first, so their brackets are not taken for text.
    for (size_t i = 0; (i = s.find("[[", i)) != std::string::npos;) {
        const size_t end = s.find("]]", i + 2);
        if (end == std::string::npos) break;
        std::string inner = s.substr(i + 2, end - i - 2);
        if (const size_t bar = inner.find('|'); bar != std::string::npos) inner = inner.substr(bar + 1);
        s.replace(i, end + 2 - i, inner);
        i += inner.size();
    }
    for (size_t i = 0; (i = s.find('[', i)) != std::string::npos;) {
        const size_t close = s.find(']', i + 1);
        if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != '(') {
            ++i;
            continue;
        }
        const size_t paren = s.find(')', close + 2);
        if (paren == std::string::npos) {
            ++i;
            continue;
        }
        const size_t from = i > 0 && s[i - 1] == '!' ? i - 1 : i;
        const std::string text = s.substr(i + 1, close - i - 1);
        s.replace(from, paren + 1 - from, text);
        i = from + text.size();
    }
    for (const std::string mark : {"**", "__", "~~", "==", "`", "*", "_"}) {
        const bool underscore = mark[0] == '_';
        for (size_t i = 0; (i = s.find(mark, i)) != std::string::npos;) {
            const size_t start = i + mark.size();
            const bool opens = start < s.size() && s[start] != ' ' && (i == 0 || s[i - 1] != '\\') &&
                               !(underscore && i > 0 && word_char(s[i - 1])) &&
                               !(mark.size() == 1 && start < s.size() && s[start] == mark[0]);
            size_t close = opens ? s.find(mark, start + 1) : std::string::npos;
            while (close != std::string::npos && underscore && close + mark.size() < s.size() &&
                   word_char(s[close + mark.size()]))
                close = s.find(mark, close + 1);
            if (close == std::string::npos || s[close - 1] == ' ' || s[close - 1] == '\\') {
                i = start;
                continue;
            }
            s.erase(close, mark.size());
            s.erase(i, mark.size());
            i = close - mark.size();
        }
    }
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
        out += s[i];
    }
    return out;
}

// A title from a line: Markdown's inline markers, and a list or quote marker in front, go.
static std::string plain_title(const std::string& line) {
    std::string t = trim(line);
    for (bool again = true; again && !t.empty();) {
        again = false;
        if ((t[0] == '>' || t[0] == '-' || t[0] == '+' || (t[0] == '*' && t.size() > 1 && t[1] == ' ')) &&
            (t.size() == 1 || t[1] == ' ')) {
            t = trim(t.substr(1));
            again = true;
        } else if (t.rfind("[ ] ", 0) == 0 || t.rfind("[x] ", 0) == 0) {
            t = trim(t.substr(4));
            again = true;
        }
    }
    const size_t digits = t.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') &&
        t[digits + 1] == ' ')
        t = trim(t.substr(digits + 2));
    return trim(strip_markdown(t));
}

// A Text as text_to_json wrote it, in `lang` (then `fallback`, then the first entry); "" when it is neither.
static std::string text_in(const OJson& t, const std::string& lang, const std::string& fallback) {
    if (t.is_string()) return t.get<std::string>();
    if (!t.is_object() || t.empty()) return "";
    for (const std::string& l : {lang, fallback})
        if (auto it = t.find(l); it != t.end() && it->is_string()) return it->get<std::string>();
    return t.begin()->is_string() ? t.begin()->get<std::string>() : "";
}

// What a canvas text or label said when it was exported, so an import can tell it is unchanged.
static std::string digest(const std::string& s) { return content_hash_hex(s); }

struct MarkdownParts {
    std::string title;
    std::vector<std::string> paragraphs;  // after the title, split at blank lines
};

// The first ATX heading is the title ("## Tariffs" → "Tariffs"); without one, the first non-empty line.
static MarkdownParts split_markdown(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    int title_line = -1;
    for (size_t i = 0; i < lines.size() && title_line < 0; ++i) {
        const std::string t = trim(lines[i]);
        const size_t hashes = t.find_first_not_of('#');
        if (hashes >= 1 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') title_line = int(i);
    }
    for (size_t i = 0; i < lines.size() && title_line < 0; ++i)
        if (!trim(lines[i]).empty()) title_line = int(i);
    MarkdownParts parts;
    if (title_line < 0) return parts;
    const std::string t = trim(lines[size_t(title_line)]);
    const size_t hashes = t.find_first_not_of('#');
    parts.title = plain_title(
        hashes != std::string::npos && hashes <= 6 && hashes < t.size() && t[hashes] == ' ' ? t.substr(hashes) : t);
    std::string para;
    auto flush = [&] {
        if (!trim(para).empty()) parts.paragraphs.push_back(trim(strip_markdown(para)));
        para.clear();
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        if (int(i) == title_line) {
            flush();
            continue;
        }
        if (trim(lines[i]).empty()) flush();
        else para += (para.empty() ? "" : "\n") + lines[i];
    }
    flush();
    return parts;
}

// [SECTION] Export ----------------------------------------------------------------------------------------------

static OJson rect_json(OJson node, const Rect& r) {
    node["x"] = std::lround(r.x);
    node["y"] = std::lround(r.y);
    node["width"] = std::max(1L, std::lround(r.w));
    node["height"] = std::max(1L, std::lround(r.h));
    return node;
}

// The canvas's own "explainer" field: the map's meta and source, all categories, lanes, the kinds the file declares
// and the tours, none of which a canvas can show, as the content file writes them. Texts keep every language.
static OJson export_extras(const Content& c, const std::string& lang) {
    OJson out = {{"format", 1},
                 {"lang", lang},
                 {"meta", meta_to_json(c.meta)},
                 {"categories", categories_to_json(c.categories)}};
    if (c.lanes.on) out["lanes"] = {{"notes", c.lanes.notes}};
    if (OJson kinds = declared_kinds_to_json(c.edge_kinds); !kinds.empty()) out["edge_kinds"] = std::move(kinds);
    out["tours"] = tours_to_json(c.tours);
    return out;
}

OJson export_canvas(const Content& content, const Layout& layout, const CanvasExportOptions& options) {
    const std::string& lang = options.lang;
    const std::string& fallback = content.meta.language;
    const size_t n = std::min(content.nodes.size(), layout.cards.size());

    // Group rectangles: each category's cards plus a margin, kept only if no rectangle touches a foreign card.
    constexpr float kMargin = 40;
    std::vector<Rect> groups(content.categories.size());
    std::vector<bool> used(content.categories.size(), false);
    for (size_t i = 0; i < n; ++i) {
        const int c = content.nodes[i].category_index;
        if (c < 0 || c >= int(groups.size())) continue;
        const Rect r = layout.cards[i];
        if (!used[size_t(c)]) groups[size_t(c)] = r;
        Rect& g = groups[size_t(c)];
        const float x0 = std::min(g.x, r.x), y0 = std::min(g.y, r.y);
        g = Rect{x0, y0, std::max(g.right(), r.right()) - x0, std::max(g.bottom(), r.bottom()) - y0};
        used[size_t(c)] = true;
    }
    bool with_groups = options.groups;
    for (size_t c = 0; c < groups.size() && with_groups; ++c) {
        if (!used[c]) continue;
        Rect& g = groups[c];
        g = Rect{g.x - kMargin, g.y - kMargin, g.w + 2 * kMargin, g.h + 2 * kMargin};
        for (size_t i = 0; i < n && with_groups; ++i)
            if (content.nodes[i].category_index != int(c) && g.intersects(layout.cards[i])) with_groups = false;
    }

    OJson nodes = OJson::array(), edges = OJson::array();
    if (with_groups)  // first: array order is z-order, groups go behind their cards
        for (size_t c = 0; c < groups.size(); ++c) {
            if (!used[c]) continue;
            const Category& cat = content.categories[c];
            OJson g = {{"id", "group:" + cat.id}, {"type", "group"}};
            g = rect_json(std::move(g), groups[c]);
            g["color"] = hex_colour(cat.rgb);
            g["label"] = cat.label.get(lang, fallback);
            g["explainer"] = {{"category", cat.id}, {"digest", digest(g["label"].get<std::string>())}};
            nodes.push_back(std::move(g));
        }
    for (size_t i = 0; i < n; ++i) {
        const Node& node = content.nodes[i];
        std::string text = "# " + node.title.get(lang, fallback) + "\n\n" + node.summary.get(lang, fallback);
        for (const Text& p : node.body) text += "\n\n" + p.get(lang, fallback);
        OJson card = {{"id", node.id}, {"type", "text"}};  // our ids are unique and contain no ':'
        card = rect_json(std::move(card), layout.cards[i]);
        if (const auto rgb = category_rgb(content, node.category_index)) card["color"] = hex_colour(*rgb);
        card["text"] = text;
        // What the text cannot carry, in a field of our own (JSON Canvas allows them): the import uses it while the
        // card's text is as exported (its digest), and the text itself once someone has edited it.
        OJson extra = {{"digest", digest(text)}};
        OJson fields = node_to_json(node);  // the node as the file writes it; id and position are the card's own
        for (auto& [key, value] : fields.items())
            if (key != "id" && key != "position") extra[key] = std::move(value);
        card["explainer"] = std::move(extra);
        nodes.push_back(std::move(card));
    }
    for (size_t i = 0; i < content.edges.size(); ++i) {
        const Edge& e = content.edges[i];
        if (e.from_index < 0 || e.to_index < 0 || size_t(e.from_index) >= n || size_t(e.to_index) >= n) continue;
        const std::string label = edge_caption(content, e, lang, " (", ")");  // the import reads it back
        OJson extra = {{"digest", digest(label)}, {"kind", e.kind}};
        if (!e.id.empty()) extra["id"] = e.id;
        if (!e.label.empty()) extra["label"] = text_to_json(e.label);
        edges.push_back({{"id", "edge:" + std::to_string(i)},
                         {"fromNode", e.from},
                         {"toNode", e.to},
                         {"toEnd", "arrow"},
                         {"label", label},
                         {"explainer", std::move(extra)}});
    }
    return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"explainer", export_extras(content, lang)}};
}

// [SECTION] Import: reading -------------------------------------------------------------------------------------

namespace {

struct CanvasNode {
    std::string pointer, id, type, text, file, subpath, url, label, colour;
    int64_t x = 0, y = 0, width = 0, height = 0;
    std::string our_id;  // text/file/link: node id; group: category id
    int category = -1;
    const OJson* extra = nullptr;  // our own "explainer" field (export_canvas), when an object
};

struct CanvasEdge {
    std::string pointer, from, to, label;
    const OJson* extra = nullptr;
};

// The "explainer" field of a canvas, node or edge, when an object.
const OJson* extra_of(const OJson& v) {
    auto it = v.find("explainer");
    return it != v.end() && it->is_object() ? &*it : nullptr;
}

class CanvasReader {
  public:
    explicit CanvasReader(ProblemSink& sink) : sink_(sink) {}

    bool read(const Json& root) {
        if (!root.is_object()) {
            sink_.error("", "expected a JSON Canvas object like {\"nodes\": [...], \"edges\": [...]}");
            return false;
        }
        if (const Json* nodes = array(root, "nodes"))
            for (size_t i = 0; i < nodes->size(); ++i) read_node((*nodes)[i], pointer_append("/nodes", i));
        if (const Json* edges = array(root, "edges"))
            for (size_t i = 0; i < edges->size(); ++i) read_edge((*edges)[i], pointer_append("/edges", i));
        return sink_.error_count() == 0;
    }

    std::vector<CanvasNode> nodes;
    std::vector<CanvasEdge> edges;
    std::unordered_map<std::string, size_t> node_index;  // canvas id → nodes index

  private:
    const Json* array(const Json& root, const char* key) {
        auto it = root.find(key);
        if (it == root.end()) return nullptr;  // both are optional in the spec
        if (!it->is_array()) {
            sink_.error(pointer_append("", key), std::string("expected an array of ") + key);
            return nullptr;
        }
        return &*it;
    }

    const std::string* string(const Json& v, const std::string& ptr, const char* key, bool required) {
        auto it = v.find(key);
        if (it == v.end()) {
            if (required) sink_.error(ptr, std::string("missing required field \"") + key + "\"");
            return nullptr;
        }
        if (!it->is_string()) {
            sink_.error(pointer_append(ptr, key), "expected a string, got " + std::string(it->type_name()));
            return nullptr;
        }
        return &it->get_ref<const std::string&>();
    }

    void id(const Json& v, const std::string& ptr, std::string& out) {
        const std::string* s = string(v, ptr, "id", true);
        if (!s) return;
        if (s->empty()) {
            sink_.error(ptr + "/id", "the id is empty");
            return;
        }
        auto [it, fresh] = ids_.emplace(*s, ptr);
        if (!fresh) sink_.error(ptr + "/id", "duplicate id \"" + *s + "\"; the first one is at " + it->second);
        out = *s;
    }

    void read_node(const Json& v, const std::string& ptr) {
        if (!v.is_object()) {
            sink_.error(ptr, "expected a node object");
            return;
        }
        CanvasNode n;
        n.pointer = ptr;
        id(v, ptr, n.id);
        if (const std::string* t = string(v, ptr, "type", true)) {
            n.type = *t;
            if (n.type != "text" && n.type != "file" && n.type != "link" && n.type != "group")
                sink_.error(ptr + "/type", "unknown node type \"" + n.type + "\"; expected text, file, link or group");
        }
        const char* geometry[4] = {"x", "y", "width", "height"};
        int64_t* out[4] = {&n.x, &n.y, &n.width, &n.height};
        for (int k = 0; k < 4; ++k) {
            auto it = v.find(geometry[k]);
            const std::string p = pointer_append(ptr, geometry[k]);
            if (it == v.end()) sink_.error(ptr, std::string("missing required field \"") + geometry[k] + "\"");
            else if (!it->is_number_integer()) sink_.error(p, "expected an integer, got " + it->dump());
            else if (it->is_number_unsigned() && it->get<uint64_t>() > uint64_t(INT64_MAX))
                sink_.error(p, "the number is too large");
            else {
                *out[k] = it->get<int64_t>();
                if (k >= 2 && *out[k] < 0) sink_.error(p, std::string(geometry[k]) + " must not be negative");
            }
        }
        if (const std::string* c = string(v, ptr, "color", false)) {
            n.colour = canvas_colour(*c);
            if (n.colour.empty())
                sink_.warning(ptr + "/color",
                              "colour \"" + *c + "\" is neither \"#rrggbb\" nor a preset \"1\"–\"6\"; ignored");
        }
        if (n.type == "text") {
            if (const std::string* s = string(v, ptr, "text", true)) n.text = *s;
        } else if (n.type == "file") {
            if (const std::string* s = string(v, ptr, "file", true)) n.file = *s;
            if (const std::string* s = string(v, ptr, "subpath", false)) n.subpath = *s;
        } else if (n.type == "link") {
            if (const std::string* s = string(v, ptr, "url", true)) {
                const bool web = s->rfind("http://", 0) == 0 || s->rfind("https://", 0) == 0;
                if (web && s->find_first_of(" \t\r\n") == std::string::npos) n.url = *s;
                else sink_.warning(ptr + "/url", "only http(s) addresses are kept; this link's address is dropped");
            }
        } else if (n.type == "group") {
            if (const std::string* s = string(v, ptr, "label", false)) n.label = *s;
        }
        if (nodes.size() >= limits::kNodes) {
            if (nodes.size() == limits::kNodes)
                sink_.error(ptr, "more than " + std::to_string(limits::kNodes) + " nodes; the explainer's limit");
            return;
        }
        if (!n.id.empty()) node_index.emplace(n.id, nodes.size());
        nodes.push_back(std::move(n));
    }

    void read_edge(const Json& v, const std::string& ptr) {
        if (!v.is_object()) {
            sink_.error(ptr, "expected an edge object");
            return;
        }
        CanvasEdge e;
        e.pointer = ptr;
        std::string ignored;
        id(v, ptr, ignored);
        if (const std::string* s = string(v, ptr, "fromNode", true)) e.from = *s;
        if (const std::string* s = string(v, ptr, "toNode", true)) e.to = *s;
        if (const std::string* s = string(v, ptr, "label", false)) e.label = *s;
        edges.push_back(std::move(e));
    }

    ProblemSink& sink_;
    std::unordered_map<std::string, std::string> ids_;  // node and edge ids share one namespace: id → pointer
};

}  // namespace

// [SECTION] Import: building ------------------------------------------------------------------------------------

bool CanvasImport::ok() const {
    for (const Problem& p : problems)
        if (p.severity == Severity::Error) return false;
    return !content.is_null();
}

// Maps an edge label to a kind when it starts with the kind's reading ("drives (through X)"), keeping the rest as
// the label; otherwise the kind is "relates-to" and the whole label is kept. `declared`: (id, reading) of the kinds
// the exported file declared, tried before the built-in ones.
static std::pair<std::string, std::string> edge_kind_of(
    const std::string& raw, const std::vector<std::pair<std::string, std::string>>& declared = {}) {
    const std::string label = trim(raw);
    auto lower = [](std::string s) {
        for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string l = lower(label);
    std::vector<std::pair<std::string, std::string>> kinds = declared;
    for (const EdgeKind& k : builtin_edge_kinds()) kinds.emplace_back(k.id, k.forward.get());
    for (const auto& [id, forward] : kinds) {
        for (const std::string& reading : {lower(forward), id}) {
            if (reading.empty()) continue;
            if (l == reading) return {id, ""};
            if (l.rfind(reading + " (", 0) == 0 && l.back() == ')')
                return {id, trim(label.substr(reading.size() + 2, label.size() - reading.size() - 3))};
        }
    }
    return {"relates-to", label};
}

namespace {

// What the import's stages share: the canvas as read, what its "explainer" field carried, and what is built so far.
// With `extras` (the canvas's "explainer" field, from export_canvas) the map's meta, source, categories, declared
// kinds, lanes and tours come back, and so do a card's or link's own fields while its visible text is unchanged (its
// digest); without, everything is made from what the canvas shows.
struct Import {
    Import(std::vector<CanvasNode> n, std::vector<CanvasEdge> e, const std::unordered_map<std::string, size_t>& index,
           const OJson* x, const OJson* m, std::string l, std::string f, ProblemSink& s)
        : nodes(std::move(n)),
          edges(std::move(e)),
          node_index(index),
          extras(x),
          meta(m),
          lang(std::move(l)),
          fallback(std::move(f)),
          sink(s) {}

    std::vector<CanvasNode> nodes;
    std::vector<CanvasEdge> edges;
    const std::unordered_map<std::string, size_t>& node_index;
    const OJson* extras;  // null: the canvas alone
    const OJson* meta;    // the carried meta, when an object
    std::string lang, fallback;
    ProblemSink& sink;

    OJson categories = OJson::array();
    std::unordered_set<std::string> category_ids, node_ids;
    OJson sections = OJson::array(), out_nodes = OJson::array(), out_edges = OJson::array();
    bool relates = false;  // an edge fell back to "relates-to", undeclared

    const OJson* list(const char* key) const {
        return extras && extras->contains(key) && (*extras)[key].is_array() ? &(*extras)[key] : nullptr;
    }
};

// The card's or link's text is as exported: its carried fields still say what it shows.
bool unchanged(const OJson* extra, const std::string& shown) {
    return extra && extra->value("digest", OJson()).is_string() && (*extra)["digest"] == digest(shown);
}

// Categories: those the export carried, then one per other group (renamed or recoloured carried ones follow their
// group). Returns carried category id → index.
std::unordered_map<std::string, int> group_categories(Import& im, std::vector<size_t>& group_nodes) {
    static const char* kPalette[6] = {"#4a90d9", "#e07b39", "#2f9e44", "#ae3ec9", "#0c8599", "#e03131"};
    std::unordered_map<std::string, int> carried;
    OJson& categories = im.categories;
    if (const OJson* cats = im.list("categories"))
        for (const OJson& c : *cats)
            if (c.is_object() && c.value("id", OJson()).is_string() &&
                im.category_ids.insert(c["id"].get<std::string>()).second) {
                carried[c["id"].get<std::string>()] = int(categories.size());
                categories.push_back(OJson(c));
            }
    for (size_t i = 0; i < im.nodes.size(); ++i) {
        CanvasNode& g = im.nodes[i];
        if (g.type != "group") continue;
        group_nodes.push_back(i);
        const std::string name = trim(g.label).empty() ? "Group " + std::to_string(group_nodes.size())
                                                       : cut(trim(g.label), limits::kTitleBytes);
        if (g.extra && g.extra->value("category", OJson()).is_string()) {
            auto it = carried.find((*g.extra)["category"].get<std::string>());
            if (it != carried.end()) {  // a carried category's group: renamed or recoloured on the canvas?
                g.category = it->second;
                OJson& c = categories[size_t(it->second)];
                if (!unchanged(g.extra, g.label) && !trim(g.label).empty()) c["label"] = name;
                if (!g.colour.empty()) c["colour"] = g.colour;
                continue;
            }
        }
        g.our_id = unique(trim(g.label).empty() ? our_id(g.id) : slug_id(g.label), im.category_ids);
        g.category = int(categories.size());
        categories.push_back({{"id", g.our_id},
                              {"label", name},
                              {"colour", g.colour.empty() ? kPalette[categories.size() % 6] : g.colour}});
    }
    return carried;
}

// Each card's category: the smallest group it sits in, else the one it carried, else one per colour of ungrouped
// cards, else "Ungrouped".
void build_categories(Import& im) {
    std::vector<size_t> group_nodes;
    const std::unordered_map<std::string, int> carried = group_categories(im, group_nodes);
    std::map<std::string, int> colour_category;
    int ungrouped = -1;
    for (CanvasNode& n : im.nodes) {
        if (n.type == "group") continue;
        const double cx = double(n.x) + double(n.width) / 2, cy = double(n.y) + double(n.height) / 2;
        double best_area = -1;
        for (size_t gi : group_nodes) {  // where the card sits wins: moving it into a group recategorises it
            const CanvasNode& g = im.nodes[gi];
            const bool inside =
                cx >= double(g.x) && cx <= double(g.x + g.width) && cy >= double(g.y) && cy <= double(g.y + g.height);
            const double area = double(g.width) * double(g.height);
            if (inside && (best_area < 0 || area < best_area)) {
                best_area = area;
                n.category = g.category;
            }
        }
        if (n.category >= 0) continue;
        if (n.extra && n.extra->value("category", OJson()).is_string()) {
            auto it = carried.find((*n.extra)["category"].get<std::string>());
            if (it != carried.end()) {
                n.category = it->second;
                continue;
            }
        }
        if (!n.colour.empty()) {
            auto [it, fresh] = colour_category.emplace(n.colour, int(im.categories.size()));
            if (fresh) {
                const std::string name = colour_name(n.colour);
                std::string id = slug_id(name);
                std::string shown = name;
                if (im.category_ids.count(id)) {
                    id = unique(id, im.category_ids);
                    shown = name + " " + id.substr(id.rfind('-') + 1);
                } else {
                    im.category_ids.insert(id);
                }
                im.categories.push_back({{"id", id}, {"label", shown}, {"colour", n.colour}});
            }
            n.category = it->second;
        } else {
            if (ungrouped < 0) {
                ungrouped = int(im.categories.size());
                im.categories.push_back(
                    {{"id", unique("ungrouped", im.category_ids)}, {"label", "Ungrouped"}, {"colour", "#868e96"}});
            }
            n.category = ungrouped;
        }
    }
}

// A card's title, summary and body from what it shows (its carried fields while its text is unchanged); returns
// the card's whole text, which becomes its source paragraph when it carries no citations.
std::string card_texts(const CanvasNode& n, OJson& node, ProblemSink& sink) {
    if (n.type == "text" && unchanged(n.extra, n.text) && n.extra->contains("title") && n.extra->contains("summary")) {
        for (const char* key : {"title", "summary", "body"})
            if (n.extra->contains(key)) node[key] = (*n.extra)[key];
        return trim(n.text);
    }
    std::string title, full;
    std::vector<std::string> rest;
    if (n.type == "text") {
        MarkdownParts parts = split_markdown(n.text);
        title = parts.title;
        rest = std::move(parts.paragraphs);
        full = trim(n.text);
    } else if (n.type == "file") {
        const std::string where = n.file + n.subpath;
        title = trim(base_name(n.file)) + n.subpath;
        full = "File: " + where;
        rest = {"A file on the canvas.", where};
    } else {
        title = n.url.empty() ? "Link" : n.url;
        full = n.url.empty() ? "A link to an address that is not a web page (not kept)." : "Link: " + n.url;
        rest = {n.url.empty() ? full : "A web page on the canvas."};
        if (!n.url.empty()) rest.push_back(n.url);
    }
    if (trim(title).empty()) title = "Untitled card";
    if (full.empty()) full = title;
    bool was_cut = false;
    node["title"] = cut(title, limits::kTitleBytes, &was_cut);
    if (was_cut)
        sink.warning(n.pointer,
                     "the title is longer than " + std::to_string(limits::kTitleBytes) + " bytes; shortened");
    node["summary"] = rest.empty() ? cut(title, limits::kSummaryBytes) : cut(rest[0], limits::kSummaryBytes);
    OJson body = OJson::array();
    for (size_t k = 1; k < rest.size() && body.size() < limits::kBodyParagraphs; ++k)
        body.push_back(cut(rest[k], limits::kParagraphBytes));
    if (rest.size() > limits::kBodyParagraphs + 1)
        sink.warning(n.pointer, "more than " + std::to_string(limits::kBodyParagraphs) +
                                    " paragraphs after the summary; the rest is left out");
    if (!body.empty()) node["body"] = std::move(body);
    return full;
}

// Nodes, and the source: the carried sections, then a section of the cards' own texts for each card with no carried
// citations (each cites its own paragraph, in sections of at most limits::kParagraphsPerSection paragraphs).
void build_nodes(Import& im) {
    OJson& sections = im.sections;
    std::unordered_set<std::string> paragraph_ids;
    const OJson* meta = im.meta;
    const bool carried_source = meta && meta->contains("source") && (*meta)["source"].is_object() &&
                                (*meta)["source"].value("sections", OJson()).is_array();
    if (carried_source)
        for (const OJson& sec : (*meta)["source"]["sections"]) {
            sections.push_back(OJson(sec));
            if (sec.is_object() && sec.value("paragraphs", OJson()).is_array())
                for (const OJson& para : sec["paragraphs"])
                    if (para.is_object() && para.value("id", OJson()).is_string())
                        paragraph_ids.insert(para["id"].get<std::string>());
        }
    const size_t carried_sections = sections.size();
    size_t paragraph = 0;
    for (CanvasNode& n : im.nodes) {
        if (n.type == "group") continue;
        OJson node = {{"id", n.our_id = unique(our_id(n.id), im.node_ids)},
                      {"category", im.categories[size_t(n.category)]["id"]}};
        const std::string full = card_texts(n, node, im.sink);
        if (n.extra && n.extra->contains("tags")) node["tags"] = (*n.extra)["tags"];
        if (carried_source && n.extra && n.extra->value("citations", OJson()).is_array() &&
            !(*n.extra)["citations"].empty()) {
            node["citations"] = (*n.extra)["citations"];
        } else {
            std::string pid = "p" + std::to_string(++paragraph);
            while (paragraph_ids.count(pid)) pid = "p" + std::to_string(++paragraph);
            node["citations"] = OJson::array({{{"paragraph", pid}}});
            if (sections.size() == carried_sections ||
                sections.back()["paragraphs"].size() >= limits::kParagraphsPerSection) {
                std::string sid = "cards-" + std::to_string(sections.size() - carried_sections + 1);
                const size_t k = sections.size() - carried_sections + 1;
                sections.push_back({{"id", sid},
                                    {"heading", k == 1 ? "Cards" : "Cards (" + std::to_string(k) + ")"},
                                    {"paragraphs", OJson::array()}});
            }
            sections.back()["paragraphs"].push_back({{"id", pid}, {"text", cut(full, limits::kParagraphBytes)}});
        }
        const double lim = limits::kCoordinate;
        const double x = std::clamp(double(n.x), -lim, lim), y = std::clamp(double(n.y), -lim, lim);
        if (x != double(n.x) || y != double(n.y))
            im.sink.warning(n.pointer,
                            "position beyond " + limits::coordinate_text() + "; moved to the edge of the map");
        node["position"] = {{"x", int64_t(x)}, {"y", int64_t(y)}};
        im.out_nodes.push_back(std::move(node));
    }
}

// Edges: an unchanged label gives back its kind and label; any other reads through the kinds' readings.
void build_edges(Import& im) {
    std::vector<std::pair<std::string, std::string>> declared;
    std::unordered_set<std::string> kind_ids;
    if (const OJson* kinds = im.list("edge_kinds"))
        for (const OJson& k : *kinds)
            if (k.is_object() && k.value("id", OJson()).is_string()) {
                declared.emplace_back(k["id"].get<std::string>(),
                                      text_in(k.value("forward", OJson()), im.lang, im.fallback));
                kind_ids.insert(k["id"].get<std::string>());
            }
    std::unordered_set<std::string> edge_ids;
    for (const CanvasEdge& e : im.edges) {
        const CanvasNode& from = im.nodes[im.node_index.at(e.from)];
        const CanvasNode& to = im.nodes[im.node_index.at(e.to)];
        if (from.type == "group" || to.type == "group") {
            im.sink.warning(e.pointer, "an edge to or from a group is not kept (groups become categories)");
            continue;
        }
        if (from.our_id == to.our_id) {
            im.sink.warning(e.pointer, "an edge from a node to itself is not kept");
            continue;
        }
        OJson edge;
        if (e.extra && e.extra->value("id", OJson()).is_string() &&
            edge_ids.insert((*e.extra)["id"].get<std::string>()).second)
            edge["id"] = (*e.extra)["id"];
        edge["from"] = from.our_id;
        edge["to"] = to.our_id;
        if (unchanged(e.extra, e.label) && e.extra->value("kind", OJson()).is_string()) {
            edge["kind"] = (*e.extra)["kind"];
            if (e.extra->contains("label")) edge["label"] = (*e.extra)["label"];
        } else {
            auto [kind, text] = edge_kind_of(e.label, declared);
            edge["kind"] = kind;
            if (!text.empty()) edge["label"] = cut(text, limits::kTitleBytes);
        }
        im.relates |= edge["kind"] == "relates-to" && !kind_ids.count("relates-to");
        im.out_edges.push_back(std::move(edge));
    }
}

// Tours, without the steps whose cards are no longer on the canvas.
OJson build_tours(const Import& im) {
    OJson tours = OJson::array();
    if (const OJson* carried_tours = im.list("tours"))
        for (size_t t = 0; t < carried_tours->size(); ++t) {
            OJson tour = (*carried_tours)[t];
            if (!tour.is_object() || !tour.value("steps", OJson()).is_array()) continue;
            OJson steps = OJson::array();
            for (const OJson& st : tour["steps"])
                if (st.is_object() && st.value("node", OJson()).is_string() &&
                    im.node_ids.count(st["node"].get<std::string>()))
                    steps.push_back(st);
            const std::string name = tour.value("id", OJson()).is_string() ? tour["id"].get<std::string>() : "?";
            if (steps.size() < tour["steps"].size())
                im.sink.warning("/explainer/tours/" + std::to_string(t),
                                "tour \"" + name + "\": " + std::to_string(tour["steps"].size() - steps.size()) +
                                    " step(s) name cards no longer on the canvas; left out");
            if (steps.empty()) continue;
            tour["steps"] = std::move(steps);
            tours.push_back(std::move(tour));
        }
    return tours;
}

// The content document from the stages' parts: the carried meta (or one made from the file's name), categories,
// lanes, the carried kinds (plus "relates-to" when an edge needs it), nodes, edges and tours.
OJson assemble(Import& im, const std::string& label) {
    OJson doc;
    doc["format"] = 1;
    if (im.meta) {
        doc["meta"] = *im.meta;
        doc["meta"]["source"]["sections"] = std::move(im.sections);
    } else {
        std::string stem = file_stem(label);
        if (trim(stem).empty()) stem = "Imported canvas";
        doc["meta"] = {{"title", cut(stem, limits::kTitleBytes)},
                       {"summary", "Imported from " + cut(label, limits::kTitleBytes) + ": " +
                                       std::to_string(im.out_nodes.size()) + " cards and " +
                                       std::to_string(im.out_edges.size()) + " connections."},
                       {"source", {{"title", cut(label, limits::kTitleBytes)}, {"sections", std::move(im.sections)}}}};
    }
    doc["categories"] = std::move(im.categories);
    if (im.extras && im.extras->contains("lanes")) doc["lanes"] = (*im.extras)["lanes"];
    OJson kinds = im.list("edge_kinds") ? OJson(*im.list("edge_kinds")) : OJson::array();
    if (im.relates) kinds.push_back({{"id", "relates-to"}, {"forward", "relates to"}, {"backward", "is related to"}});
    if (!kinds.empty()) doc["edge_kinds"] = std::move(kinds);
    doc["nodes"] = std::move(im.out_nodes);
    doc["edges"] = std::move(im.out_edges);
    doc["tours"] = build_tours(im);
    return doc;
}

// The import proper, from the canvas as read (see Import).
OJson build_content(std::vector<CanvasNode> nodes, std::vector<CanvasEdge> edges,
                    const std::unordered_map<std::string, size_t>& node_index, const OJson* extras,
                    const std::string& label, ProblemSink& sink) {
    if (!extras) {  // the canvas alone: no card's or edge's exported fields either
        for (CanvasNode& n : nodes) n.extra = nullptr;
        for (CanvasEdge& e : edges) e.extra = nullptr;
    }
    const std::string lang =
        extras && extras->value("lang", OJson()).is_string() ? (*extras)["lang"].get<std::string>() : "en";
    const OJson* meta =
        extras && extras->contains("meta") && (*extras)["meta"].is_object() ? &(*extras)["meta"] : nullptr;
    const std::string fallback =
        meta && meta->value("language", OJson()).is_string() ? (*meta)["language"].get<std::string>() : "en";
    Import im(std::move(nodes), std::move(edges), node_index, extras, meta, lang, fallback, sink);
    build_categories(im);
    build_nodes(im);
    build_edges(im);
    return assemble(im, label);
}

// Every edge's ends name a node, and there is a card to import; each problem is an error.
void check_references(const CanvasReader& reader, ProblemSink& sink) {
    for (const CanvasEdge& e : reader.edges)
        for (const std::string* end : {&e.from, &e.to})
            if (!end->empty() && !reader.node_index.count(*end))
                sink.error(e.pointer + (end == &e.from ? "/fromNode" : "/toNode"), "no node with id \"" + *end + "\"");
    size_t cards = 0;
    for (const CanvasNode& n : reader.nodes) cards += n.type != "group";
    if (cards == 0) sink.error("/nodes", "the canvas has no text, file or link nodes to import");
}

// The import is only useful if the result loads: check it with the loader itself. What the export carried is used
// when the result validates; otherwise (a hand-edited "explainer" field) the canvas alone is. Appends the problems
// to `problems`; returns the content, or null.
OJson build_checked(const CanvasReader& reader, const OJson* extras, const std::string& label,
                    std::vector<Problem>& problems) {
    for (int attempt = extras ? 0 : 1; attempt < 2; ++attempt) {
        ProblemSink built(label);
        OJson doc =
            build_content(reader.nodes, reader.edges, reader.node_index, attempt == 0 ? extras : nullptr, label, built);
        const LoadResult check = load_content(doc.dump(2), label);
        if (!check.ok() && attempt == 0) {
            std::string first;
            for (const Problem& p : check.problems)
                if (p.severity == Severity::Error && first.empty()) first = p.pointer + ": " + p.message;
            problems.push_back(Problem{
                label, "/explainer",
                "the explainer fields do not make valid content (" + first + "); imported from what the canvas shows",
                Severity::Warning});
            continue;
        }
        for (const Problem& p : check.problems)
            if (p.severity == Severity::Error)
                built.error("", "the imported content does not validate: " + p.pointer + ": " + p.message);
        for (Problem& p : built.finish()) problems.push_back(std::move(p));
        if (check.ok()) return doc;
        break;
    }
    return OJson();
}

}  // namespace

CanvasImport import_canvas(std::string_view bytes, const std::string& label) {
    CanvasImport result;
    ProblemSink sink(label);
    try {
        if (bytes.size() > limits::kFileBytes) {
            sink.error("", limits::file_too_large());
            result.problems = sink.finish();
            return result;
        }
        ParsedJson parsed = parse_json_guarded(bytes, 16, sink);
        CanvasReader reader(sink);
        if (!parsed.ok || !parsed.root.is_object()) {
            if (parsed.ok) reader.read(parsed.root);  // says what was expected
            result.problems = sink.finish();
            return result;
        }
        reader.read(parsed.root);  // on errors too: dangling edges are worth reporting in the same run
        check_references(reader, sink);
        if (sink.error_count() > 0) {
            result.problems = sink.finish();
            return result;
        }
        // The exported fields from the file in its own key order (the loader's tree sorts keys), so an imported
        // file reads like the one exported.
        OJson ordered;
        try {
            ordered = OJson::parse(bytes);
        } catch (const std::exception&) {  // bytes the guarded parser accepts and this one does not (a BOM)
            ordered = OJson(parsed.root);
        }
        auto at = [&](const std::string& ptr) -> const OJson& { return ordered.at(OJson::json_pointer(ptr)); };
        for (CanvasNode& n : reader.nodes) n.extra = extra_of(at(n.pointer));
        for (CanvasEdge& e : reader.edges) e.extra = extra_of(at(e.pointer));
        result.problems = sink.finish();
        result.content = build_checked(reader, extra_of(ordered), label, result.problems);
        return result;
    } catch (const std::exception& e) { sink.error("", std::string("internal error while importing: ") + e.what()); }
    result.problems = sink.finish();
    return result;
}

}  // namespace ex
