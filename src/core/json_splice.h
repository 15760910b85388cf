// json_splice.h — writes an edited JSON value in the formatting of the text it was read from, so that saving one
// edit changes a few lines of the author's file, not all of them.
//
// How: the original text is parsed once into spans (where each value, key and separator is). Writing walks the
// edited value beside the original one: an unchanged value is copied from the text byte for byte; a container
// whose members changed keeps its brackets, separators and members' text and is rebuilt only where needed
// (array elements are matched by equality, so a removed or inserted card leaves its neighbours' text alone); a new
// value is written in the style detected from the file: its indent unit, "key": spacing, and whether short lists
// and objects sit on one line ({ "x": 1, "y": 2 }).
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ex {

// The formatting a file uses, as detected by JsonLayout (or the defaults: nlohmann's dump(2)).
struct JsonStyle {
    std::string indent = "  ";  // one level
    std::string newline = "\n";
    std::string colon = ": ";           // between a key and its value
    bool compact = false;               // short lists/objects of plain values go on one line
    bool compact_nested = false;        // ... also when they hold other short lists/objects
    bool pad_object = true;             // one line: "{ "x": 1 }" rather than "{"x": 1}"
    bool pad_array = false;             // one line: "[ 1, 2 ]" rather than "[1, 2]"
    bool pad_array_nested = false;      // one line: "[ { ... } ]" rather than "[{ ... }]"
    std::string item_separator = ", ";  // between the items of a one-line list/object
    size_t line_width = 100;            // a one-line list/object ends by this column (in characters)
};

class JsonLayout {
  public:
    // `text` must be valid JSON (the loader's guarded parse has accepted it); false otherwise, and the layout
    // then writes fresh text in the default style.
    bool read(std::string text);
    const nlohmann::ordered_json& value() const { return value_; }  // what the text holds
    const std::string& text() const { return text_; }
    const JsonStyle& style() const { return style_; }

    // Text that parses to `edited`: the original text where the value is unchanged, the file's style elsewhere.
    std::string write(const nlohmann::ordered_json& edited) const;

    // Where a value is in the text (internal, public for the writer's helpers).
    struct Span {
        size_t begin = 0, end = 0;  // the value
        size_t key_begin = 0;       // object members: the key's opening quote
        std::string key;            // object members: the key, unescaped
        std::vector<Span> kids;     // a container's members, in text order
        char kind = 0;              // '{', '[', or 0: a plain value (or a container written afresh)
    };

  private:
    std::string text_;
    nlohmann::ordered_json value_;
    Span root_;
    JsonStyle style_;
    bool read_ = false;  // text_ parsed: write() splices into it
};

// `value` in `style`, as if it started at `column` of a line indented by `indent`.
std::string dump_styled(const nlohmann::ordered_json& value, const JsonStyle& style, const std::string& indent = "",
                        size_t column = 0);

}  // namespace ex
