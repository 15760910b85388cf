// content.cpp — lookups on the content model.
#include "core/content.h"

#include <algorithm>

namespace ex {

bool Text::empty() const {
    for (const auto& it : items)
        if (!it.second.empty()) return false;
    return true;
}

bool Text::has(const std::string& lang) const {
    for (const auto& it : items)
        if ((it.first == lang || it.first.empty()) && !it.second.empty()) return true;
    return false;
}

const std::string& Text::get(const std::string& lang, const std::string& fallback) const {
    static const std::string kEmpty;
    for (const auto& it : items)
        if (it.first == lang) return it.second;
    for (const auto& it : items)
        if (it.first.empty()) return it.second;
    for (const auto& it : items)
        if (it.first == fallback) return it.second;
    return items.empty() ? kEmpty : items.front().second;
}

static int find_in(const std::unordered_map<std::string, int>& map, const std::string& id) {
    auto it = map.find(id);
    return it == map.end() ? -1 : it->second;
}

int Content::node_index(const std::string& id) const { return find_in(node_ids_, id); }
int Content::category_index(const std::string& id) const { return find_in(category_ids_, id); }
int Content::edge_kind_index(const std::string& id) const { return find_in(kind_ids_, id); }
int Content::tour_index(const std::string& id) const { return find_in(tour_ids_, id); }

const SourceParagraph* Content::find_paragraph(const std::string& id) const {
    auto it = paragraph_ids_.find(id);
    if (it == paragraph_ids_.end()) return nullptr;
    return &meta.source.sections[it->second.first].paragraphs[it->second.second];
}

const SourceSection* Content::find_section_of(const std::string& paragraph_id) const {
    auto it = paragraph_ids_.find(paragraph_id);
    return it == paragraph_ids_.end() ? nullptr : &meta.source.sections[it->second.first];
}

void Content::rebuild_indices() {
    node_ids_.clear();
    category_ids_.clear();
    kind_ids_.clear();
    tour_ids_.clear();
    paragraph_ids_.clear();
    // First occurrence wins so that lookups agree with the loader's duplicate-id report.
    for (int i = 0; i < (int)nodes.size(); ++i) node_ids_.emplace(nodes[i].id, i);
    for (int i = 0; i < (int)categories.size(); ++i) category_ids_.emplace(categories[i].id, i);
    for (int i = 0; i < (int)edge_kinds.size(); ++i) kind_ids_.emplace(edge_kinds[i].id, i);
    for (int i = 0; i < (int)tours.size(); ++i) tour_ids_.emplace(tours[i].id, i);
    const auto& secs = meta.source.sections;
    for (int s = 0; s < (int)secs.size(); ++s)
        for (int p = 0; p < (int)secs[s].paragraphs.size(); ++p)
            paragraph_ids_.emplace(secs[s].paragraphs[p].id, std::make_pair(s, p));
    for (auto& n : nodes) n.category_index = category_index(n.category);
    for (auto& cat : categories)
        cat.notes = lanes.on && std::find(lanes.notes.begin(), lanes.notes.end(), cat.id) != lanes.notes.end();
    edges_at_.assign(nodes.size(), {});
    for (int i = 0; i < (int)edges.size(); ++i) {
        Edge& e = edges[i];
        e.from_index = node_index(e.from);
        e.to_index = node_index(e.to);
        e.kind_index = edge_kind_index(e.kind);
        if (e.from_index < 0 || e.to_index < 0) continue;
        edges_at_[e.from_index].push_back(i);
        if (e.to_index != e.from_index) edges_at_[e.to_index].push_back(i);
    }
    for (auto& t : tours)
        for (auto& s : t.steps) s.node_index = node_index(s.node);
}

const std::vector<int>& Content::edges_at(int node) const {
    static const std::vector<int> none;
    return node >= 0 && node < (int)edges_at_.size() ? edges_at_[node] : none;
}

const EdgeKind* find_edge_kind(const std::vector<EdgeKind>& kinds, const std::string& id) {
    for (const EdgeKind& k : kinds)
        if (k.id == id) return &k;
    return nullptr;
}

bool reads_backwards(const Content& c, const Edge& e) {
    return e.kind_index >= 0 && e.kind_index < (int)c.edge_kinds.size() && c.edge_kinds[e.kind_index].reads_backwards;
}

std::string edge_reading(const Content& c, const Edge& e, const std::string& lang, bool backward) {
    const EdgeKind* k = e.kind_index >= 0 && e.kind_index < (int)c.edge_kinds.size()
                            ? &c.edge_kinds[e.kind_index]
                            : find_edge_kind(c.edge_kinds, e.kind);
    const std::string& reading = k ? (backward ? k->backward : k->forward).get(lang, c.meta.language) : e.kind;
    return reading.empty() ? e.kind : reading;  // an unknown or unworded kind: its id is the best we have
}

std::string edge_caption(const Content& c, const Edge& e, const std::string& lang, std::string_view open,
                         std::string_view close, bool backward) {
    std::string s = edge_reading(c, e, lang, backward);
    if (!e.label.empty()) s.append(open).append(e.label.get(lang, c.meta.language)).append(close);
    return s;
}

std::optional<uint32_t> category_rgb(const Content& c, int category_index) {
    if (category_index < 0 || category_index >= (int)c.categories.size()) return std::nullopt;
    return c.categories[size_t(category_index)].rgb;
}

std::vector<EdgeKind> builtin_edge_kinds() {
    // Language maps, so that every built-in reading is translated (a plain string would show English to all).
    auto text = [](const char* en, const char* zh) {
        Text t;
        t.items = {{"en", en}, {"zh", zh}};
        return t;
    };
    auto k = [&](const char* id, Text fwd, Text back, const char* style, bool backwards = false, bool folds = false) {
        EdgeKind e;
        e.id = id;
        e.forward = std::move(fwd);
        e.backward = std::move(back);
        e.style = style;
        e.reads_backwards = backwards;
        e.folds = folds;
        return e;
    };
    // The Chinese backward readings are what a reader would say with this card as the subject ("B 源于 A"), not
    // the passive of the forward verb ("受推动于" reads as a translation).
    return {
        k("drives", text("drives", "推动"), text("is driven by", "源于"), "solid"),
        k("enables", text("enables", "促成"), text("is enabled by", "得益于"), "solid"),
        k("requires", text("requires", "需要"), text("is required by", "支撑"), "dashed", true),
        k("threatens", text("threatens", "威胁"), text("is threatened by", "面临"), "dashed"),
        k("mitigates", text("mitigates", "缓解"), text("is mitigated by", "缓解之道在于"), "dotted", true),
        k("part-of", text("is part of", "属于"), text("includes", "包括"), "dotted", true, true),
    };
}

}  // namespace ex
