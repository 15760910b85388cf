// content_json.cpp — see content_json.h.
#include "core/content_json.h"

#include <cmath>
#include <cstdint>

namespace ex {

using OJson = nlohmann::ordered_json;

OJson text_to_json(const Text& t) {
    if (t.items.size() == 1 && t.items[0].first.empty()) return t.items[0].second;
    OJson m = OJson::object();
    for (const auto& [lang, text] : t.items) m[lang.empty() ? "und" : lang] = text;
    return m;
}

static OJson texts_to_json(const std::vector<Text>& v) {
    OJson a = OJson::array();
    for (const Text& t : v) a.push_back(text_to_json(t));
    return a;
}

// A whole number as an integer ("x": 120, not 120.0), as an author writes it.
static OJson number_to_json(double v) {
    if (v == std::floor(v) && std::fabs(v) < 9e15) return int64_t(v);
    return v;
}

OJson meta_to_json(const Meta& m) {
    OJson source = {{"title", text_to_json(m.source.title)}};
    if (!m.source.publisher.empty()) source["publisher"] = text_to_json(m.source.publisher);
    if (!m.source.url.empty()) source["url"] = m.source.url;
    OJson sections = OJson::array();
    for (const SourceSection& sec : m.source.sections) {
        OJson paragraphs = OJson::array();
        for (const SourceParagraph& p : sec.paragraphs)
            paragraphs.push_back({{"id", p.id}, {"text", text_to_json(p.text)}});
        sections.push_back(
            {{"id", sec.id}, {"heading", text_to_json(sec.heading)}, {"paragraphs", std::move(paragraphs)}});
    }
    source["sections"] = std::move(sections);
    OJson meta = {{"title", text_to_json(m.title)}};
    if (!m.subtitle.empty()) meta["subtitle"] = text_to_json(m.subtitle);
    meta["summary"] = text_to_json(m.summary);
    meta["language"] = m.language;
    meta["source"] = std::move(source);
    return meta;
}

OJson categories_to_json(const std::vector<Category>& categories) {
    OJson out = OJson::array();
    for (const Category& cat : categories) {
        OJson one = {{"id", cat.id}, {"label", text_to_json(cat.label)}, {"colour", cat.colour}};
        if (!cat.description.empty()) one["description"] = text_to_json(cat.description);
        out.push_back(std::move(one));
    }
    return out;
}

OJson declared_kinds_to_json(const std::vector<EdgeKind>& kinds) {
    static const std::vector<EdgeKind> kBuiltins = builtin_edge_kinds();
    OJson out = OJson::array();
    for (const EdgeKind& k : kinds) {
        const EdgeKind* b = find_edge_kind(kBuiltins, k.id);
        if (b && b->forward.items == k.forward.items && b->backward.items == k.backward.items && b->style == k.style &&
            b->folds == k.folds && b->reads_backwards == k.reads_backwards)
            continue;
        out.push_back({{"id", k.id},
                       {"forward", text_to_json(k.forward)},
                       {"backward", text_to_json(k.backward)},
                       {"style", k.style},
                       {"folds", k.folds},
                       {"reads_backwards", k.reads_backwards}});
    }
    return out;
}

OJson node_to_json(const Node& n) {
    OJson o = {
        {"id", n.id}, {"category", n.category}, {"title", text_to_json(n.title)}, {"summary", text_to_json(n.summary)}};
    if (!n.body.empty()) o["body"] = texts_to_json(n.body);
    if (!n.tags.empty()) o["tags"] = texts_to_json(n.tags);
    OJson citations = OJson::array();
    for (const Citation& c : n.citations) {
        OJson one = {{"paragraph", c.paragraph}};
        if (!c.quote.empty()) one["quote"] = text_to_json(c.quote);
        citations.push_back(std::move(one));
    }
    o["citations"] = std::move(citations);
    if (n.has_position) o["position"] = {{"x", number_to_json(n.x)}, {"y", number_to_json(n.y)}};
    return o;
}

static OJson edge_to_json(const Edge& e) {
    OJson o = OJson::object();
    if (!e.id.empty()) o["id"] = e.id;
    o["from"] = e.from;
    o["to"] = e.to;
    o["kind"] = e.kind;
    if (!e.label.empty()) o["label"] = text_to_json(e.label);
    return o;
}

OJson tours_to_json(const std::vector<Tour>& tours) {
    OJson out = OJson::array();
    for (const Tour& t : tours) {
        OJson steps = OJson::array();
        for (const TourStep& st : t.steps) steps.push_back({{"node", st.node}, {"caption", text_to_json(st.caption)}});
        OJson one = {{"id", t.id}, {"title", text_to_json(t.title)}};
        if (!t.description.empty()) one["description"] = text_to_json(t.description);
        one["steps"] = std::move(steps);
        out.push_back(std::move(one));
    }
    return out;
}

OJson content_to_json(const Content& c) {
    OJson doc = {{"format", 1}, {"meta", meta_to_json(c.meta)}, {"categories", categories_to_json(c.categories)}};
    if (c.lanes.on) doc["lanes"] = {{"notes", c.lanes.notes}};
    if (OJson kinds = declared_kinds_to_json(c.edge_kinds); !kinds.empty()) doc["edge_kinds"] = std::move(kinds);
    OJson nodes = OJson::array();
    for (const Node& n : c.nodes) nodes.push_back(node_to_json(n));
    doc["nodes"] = std::move(nodes);
    OJson edges = OJson::array();
    for (const Edge& e : c.edges) edges.push_back(edge_to_json(e));
    doc["edges"] = std::move(edges);
    doc["tours"] = tours_to_json(c.tours);
    return doc;
}

}  // namespace ex
