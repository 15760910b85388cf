// export_parts.cpp — the reading order and look-ups shared by export_markdown and export_html.
#include "core/export_parts.h"

namespace ex {

std::vector<NodeGroup> nodes_by_category(const Content& c) {
    std::vector<NodeGroup> groups;
    std::vector<bool> placed(c.nodes.size(), false);
    for (const Category& cat : c.categories) {
        NodeGroup g{&cat, {}};
        for (size_t i = 0; i < c.nodes.size(); ++i)
            if (c.nodes[i].category == cat.id) {
                g.nodes.push_back((int)i);
                placed[i] = true;
            }
        groups.push_back(std::move(g));
    }
    NodeGroup other{nullptr, {}};
    for (size_t i = 0; i < c.nodes.size(); ++i)
        if (!placed[i]) other.nodes.push_back((int)i);
    if (!other.nodes.empty()) groups.push_back(std::move(other));
    return groups;
}

const SourceParagraph* cited_paragraph(const Content& c, const std::string& paragraph_id) {
    if (const SourceParagraph* p = c.find_paragraph(paragraph_id)) return p;
    for (const auto& s : c.meta.source.sections)
        for (const auto& p : s.paragraphs)
            if (p.id == paragraph_id) return &p;
    return nullptr;
}

}  // namespace ex
