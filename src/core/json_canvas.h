// json_canvas.h — JSON Canvas 1.0 (the open infinite-canvas format) to and from the explainer's content format.
// docs/CONTENT.md ("JSON Canvas") gives the mapping field by field.
//
// Export: every node becomes a text node at its layout rectangle (integer geometry) with Markdown text, coloured by
// its category; every edge keeps its direction and reads "kind reading (label)". Each category also becomes a group
// enclosing its cards when no group rectangle would touch another category's card (groups contain by geometry only,
// so an overlapping group would change a card's category on import); otherwise colours alone show the categories.
// What a canvas cannot show travels in "explainer" fields, which the format allows: the canvas's own (meta and
// source, categories, lanes, declared kinds, tours), each card's (category, every language of its texts, tags,
// citations) and each edge's (id, kind, label), each with a digest of the visible text it goes with.
// Import: text, file and link nodes become nodes, their Markdown shown as plain text; groups become categories (a
// node belongs to the smallest group containing its centre; else the category it was exported with; else one per
// colour, named after it, or "Ungrouped"); edge labels that start with a kind's reading get that kind, others the
// declared kind "relates-to"; positions become position hints. A card or label whose text still matches its digest
// gets its exported fields back; an edited one is read from the canvas. Without exported fields the format's
// required source is made up: one section whose paragraphs are the cards' texts, each node citing its own.
// Nothing is ever fetched: a link node keeps its URL as text only when it is http(s).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/layout.h"
#include "core/problem.h"

namespace ex {

struct CanvasExportOptions {
    std::string lang = "en";  // language of the text written
    bool groups = true;       // a group per category, when they do not overlap other cards
};

nlohmann::ordered_json export_canvas(const Content& content, const Layout& layout,
                                     const CanvasExportOptions& options = {});

struct CanvasImport {
    nlohmann::ordered_json content;  // our format; null when there are errors
    std::vector<Problem> problems;   // pointers into the canvas file (RFC 6901)
    bool ok() const;
};

// Never throws. `label` names the file in problems and becomes the map's title (without its extension) unless the
// canvas carries the exported title.
CanvasImport import_canvas(std::string_view bytes, const std::string& label);

// Inline Markdown as plain text: "**Spending falls**" → "Spending falls", "[text](url)" → "text", "[[page|alias]]"
// → "alias", code spans and backslash escapes unwrapped. Markers that do not pair with text stay ("2 * 3").
std::string strip_markdown(std::string_view markdown);

}  // namespace ex
