// content_json.h — Content → JSON in the content format (docs/CONTENT.md), so that generated content can be written
// to files the loader reads back. Bench-only: the app never writes content.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/content.h"

namespace ex::bench {

nlohmann::json content_to_json(const Content& content);
std::string    content_to_string(const Content& content);   // compact, UTF-8

// make_synthetic_content puts 12 paragraphs in a section, so above ~7 200 nodes it exceeds the format's 200
// sections (limits::kSections) and the loader refuses the file. This regroups the paragraphs (ids unchanged, so
// citations still resolve) into at most that many sections.
void fit_section_limit(Content& content);

}  // namespace ex::bench
