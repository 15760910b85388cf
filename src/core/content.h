// content.h — the content model: what one article's map is, independent of how it is drawn.
//
// Index
//   [SECTION] Text            localisable string (plain string or {"en": ..., "zh": ...} in JSON)
//   [SECTION] Source          the analysed article, split into citable paragraphs
//   [SECTION] Graph           categories, edge kinds, nodes, edges
//   [SECTION] Tours
//   [SECTION] Content         the whole document plus lookup helpers
//
// Naming: types are PascalCase, functions, variables and members snake_case, constants kPascalCase.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ex {

// [SECTION] Text ------------------------------------------------------------------------------------------------

// A localisable string. A plain JSON string is stored under the empty language tag "", which matches any
// requested language; a language map keeps its entries in file order.
struct Text {
    std::vector<std::pair<std::string, std::string>> items;  // (language tag, UTF-8 text)

    Text() = default;
    Text(std::string plain) { items.emplace_back("", std::move(plain)); }

    bool empty() const;
    bool has(const std::string& lang) const;  // an entry for exactly lang (or a plain string)
    // Best text for lang: exact tag, then plain string, then `fallback`, then the first entry, then "".
    const std::string& get(const std::string& lang = "en", const std::string& fallback = "en") const;
};

// [SECTION] Source ----------------------------------------------------------------------------------------------

struct SourceParagraph {
    std::string id;  // e.g. "analysis-p2"; citations point here
    Text text;       // the passage as the source words it
};

struct SourceSection {
    std::string id;
    Text heading;
    std::vector<SourceParagraph> paragraphs;
};

struct Source {
    Text title;
    Text publisher;
    std::string url;  // may be empty
    std::vector<SourceSection> sections;
};

struct Meta {
    Text title;
    Text subtitle;
    Text summary;
    std::string language = "en";  // default language of plain strings
    Source source;
};

// [SECTION] Graph -----------------------------------------------------------------------------------------------

struct Category {
    std::string id;
    Text label;
    std::string colour;       // "#rrggbb" as written
    uint32_t rgb = 0x808080;  // parsed colour, 0xRRGGBB
    Text description;
    bool notes = false;  // lanes: its cards sit in the notes margin
};

// Lanes (opted into by the file's "lanes" field): one column per category in file order, the argument's steps
// side by side; categories listed in `notes` sit in a margin instead.
struct Lanes {
    bool on = false;
    std::vector<std::string> notes;  // category ids
};

struct EdgeKind {
    std::string id;                // "drives"
    Text forward;                  // "drives"        (from → to)
    Text backward;                 // "is driven by"  (to → from)
    std::string style = "solid";   // solid | dashed | dotted
    bool folds = false;            // `from` is a part of `to`: folds into it at the
                                   // overview when both share a category (part-of)
    bool reads_backwards = false;  // `to` reads first: laid out before `from`, and the
                                   // map draws the arrow to→from with `backward`
                                   // (part-of, mitigates, requires)
};

struct Citation {
    std::string paragraph;  // SourceParagraph::id
    Text quote;             // optional; must occur in the paragraph
};

struct Node {
    std::string id;
    std::string category;
    Text title;              // one line
    Text summary;            // one or two sentences
    std::vector<Text> body;  // paragraphs
    std::vector<Text> tags;
    std::vector<Citation> citations;
    bool has_position = false;  // author's position hint, canvas units
    double x = 0, y = 0;
    int category_index = -1;  // resolved by the loader
};

struct Edge {
    std::string id;  // optional
    std::string from, to, kind;
    Text label;                                           // optional
    int from_index = -1, to_index = -1, kind_index = -1;  // resolved by the loader
};

// [SECTION] Tours -----------------------------------------------------------------------------------------------

struct TourStep {
    std::string node;
    Text caption;
    int node_index = -1;  // resolved by the loader
};

struct Tour {
    std::string id;
    Text title;
    Text description;  // optional
    std::vector<TourStep> steps;
};

// [SECTION] Content ---------------------------------------------------------------------------------------------

struct Content {
    Meta meta;
    std::vector<Category> categories;
    Lanes lanes;
    std::vector<EdgeKind> edge_kinds;  // built-in kinds plus those the file declares
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Tour> tours;

    int node_index(const std::string& id) const;  // -1 when absent
    int category_index(const std::string& id) const;
    int edge_kind_index(const std::string& id) const;
    int tour_index(const std::string& id) const;
    const SourceParagraph* find_paragraph(const std::string& id) const;
    const SourceSection* find_section_of(const std::string& paragraph_id) const;

    const std::vector<int>& edges_at(int node) const;  // the resolved edges from or to it, in edge order

    void rebuild_indices();  // call after changing ids or vectors

  private:
    std::unordered_map<std::string, int> node_ids_, category_ids_, kind_ids_, tour_ids_;
    std::vector<std::vector<int>> edges_at_;  // node → its edges: neighbours in O(degree), not O(edges)
    std::unordered_map<std::string, std::pair<int, int>> paragraph_ids_;  // id → (section, paragraph)
};

// The kinds every file may use without declaring them: drives, enables, requires, threatens, mitigates, part-of.
std::vector<EdgeKind> builtin_edge_kinds();
// The kind with this id among `kinds`, or nullptr (for code that runs before Content::rebuild_indices).
const EdgeKind* find_edge_kind(const std::vector<EdgeKind>& kinds, const std::string& id);
// The edge's kind reads from its `to` (EdgeKind::reads_backwards); false for an unresolved kind.
bool reads_backwards(const Content& c, const Edge& e);
// How the edge reads, in `lang` (then meta.language): its kind's forward reading ("drives"), or with `backward` the
// reading from `to` ("is driven by"); the kind's id when the kind is unknown. Content without resolved indices works.
std::string edge_reading(const Content& c, const Edge& e, const std::string& lang, bool backward = false);
// The reading and, when the edge has one, its label between `open` and `close`: "drives (through prices)" for
// open " (" and close ")". Every caption of an edge (map, exports, JSON Canvas) is this one.
std::string edge_caption(const Content& c, const Edge& e, const std::string& lang, std::string_view open,
                         std::string_view close = "", bool backward = false);
// A category's colour, 0xRRGGBB; none when the index names no category (a node whose category is unknown).
std::optional<uint32_t> category_rgb(const Content& c, int category_index);

}  // namespace ex
