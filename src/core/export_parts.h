// export_parts.h — what the readable exports (Markdown, HTML) write and in which order, so each one only formats.
#pragma once
#include <string>
#include <vector>

#include "core/content.h"

namespace ex {

// The categories in file order, each with its nodes (indices into Content::nodes) in file order, then, when some
// node names no known category, one last group with `category == nullptr` ("Other"). Empty categories are kept.
struct NodeGroup {
    const Category* category;
    std::vector<int> nodes;
};
std::vector<NodeGroup> nodes_by_category(const Content& c);

// The source passage a citation points at; also for content built without rebuild_indices (by hand, in tests).
const SourceParagraph* cited_paragraph(const Content& c, const std::string& paragraph_id);

}  // namespace ex
