// content_json.h — Content → JSON in the content format (docs/CONTENT.md): the inverse of load, so that
// load(content_to_json(c)) gives c back. Optional fields are written only when set, as an author would; keys come in
// the order the authors' guide lists them. The parts are public for writers that carry pieces of content (the JSON
// Canvas export's own field).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/content.h"

namespace ex {

nlohmann::ordered_json content_to_json(const Content& content);

// A plain string when the Text is one untagged entry, else a language map in the Text's order (an untagged entry
// among tagged ones becomes "und").
nlohmann::ordered_json text_to_json(const Text& text);
nlohmann::ordered_json meta_to_json(const Meta& meta);
nlohmann::ordered_json categories_to_json(const std::vector<Category>& categories);
// The kinds the file must declare: those that are not a built-in exactly as built in (an empty array when none).
nlohmann::ordered_json declared_kinds_to_json(const std::vector<EdgeKind>& kinds);
nlohmann::ordered_json node_to_json(const Node& node);
nlohmann::ordered_json tours_to_json(const std::vector<Tour>& tours);

}  // namespace ex
