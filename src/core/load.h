// load.h — bytes → Content, or every problem found with its JSON pointer and a plain-English message.
//
// The format and its caps: docs/CONTENT.md (the authors' guide),
// assets/schema/explainer.schema.json (the same rules for editors).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/file_io.h"
#include "core/problem.h"

namespace ex {

// The caps of the format; exceeding one is an error. Text caps count UTF-8 bytes of each language entry.
namespace limits {
constexpr size_t kFileBytes = 8u * 1024 * 1024;
constexpr size_t kDepth = 24;  // objects and arrays inside each other
constexpr size_t kIdChars = 64;
constexpr size_t kTitleBytes = 200;  // titles, labels, headings, edge readings
constexpr size_t kSummaryBytes = 1000;
constexpr size_t kCaptionBytes = 1000;
constexpr size_t kParagraphBytes = 8000;  // node body paragraphs and source paragraphs
constexpr size_t kDescriptionBytes = 2000;
constexpr size_t kTagBytes = 64;
constexpr size_t kQuoteBytes = 500;
constexpr size_t kUrlBytes = 2000;
constexpr size_t kLanguageEntries = 16;
constexpr size_t kTagsPerNode = 32;
constexpr size_t kCitationsPerNode = 64;
constexpr size_t kBodyParagraphs = 64;
constexpr size_t kNodes = 20000;
constexpr size_t kEdges = 100000;
constexpr size_t kCategories = 64;
constexpr size_t kEdgeKinds = 64;
constexpr size_t kTours = 100;
constexpr size_t kStepsPerTour = 500;
constexpr size_t kSections = 200;
constexpr size_t kParagraphsPerSection = 500;
constexpr double kCoordinate = 1e6;         // |position.x|, |position.y|
constexpr size_t kReportedProblems = 1000;  // beyond this, problems are only counted

// The caps as messages name them, built from the constants so that a changed cap changes every message.
std::string file_size_text();    // kFileBytes: "8 MiB"
std::string coordinate_text();   // kCoordinate: "±1000000"
std::string file_too_large();    // "the file is larger than the 8 MiB limit"
std::string positions_within();  // "positions must lie within ±1000000"
}  // namespace limits

struct LoadOptions {
    // A draft (edit mode, the desktop preview): a card whose "citations" is an empty list waits for the author to
    // cite a passage. That is still an error, but the content is built around it, so the card can be shown and
    // cited. Without this option (--validate, export, the web) it is an error like any other.
    bool draft = false;
};

struct LoadResult {
    std::shared_ptr<const Content> content;  // null whenever there is an error, but for a draft's
                                             // cards waiting for a citation
    std::vector<Problem> problems;           // errors and warnings, in document order

    bool ok() const { return content != nullptr && error_count() == 0; }
    size_t error_count() const;
    size_t warning_count() const;
};

// Never throws, aborts or recurses with the input's depth. `file_label` is what problems name the file.
LoadResult load_content(std::string_view bytes, const std::string& file_label, LoadOptions options = {});

// Reads the file (at most just past the size cap) and loads it. The label defaults to `path`.
LoadResult load_content_file(const std::string& path, const std::string& label_override = "", LoadOptions options = {});

// Why `path` could not be read (`status` from core/file_io.h's read_file), worded for authors as
// load_content_file words it: it looks at the file system (a folder? over the cap?) without reading again.
Problem unreadable_problem(const std::string& path, ReadStatus status, const std::string& label);

}  // namespace ex
