// content_doc.h — the editable document behind edit mode: the article's JSON as an order-preserving DOM, edit
// operations on it, undo/redo, validation after every change, and an atomic save.
//
// Why a DOM and not Content: saving must keep the author's field order, language maps and fields the app does not
// know (notes, "$schema"), so edits change the JSON in place and Content is re-derived by the loader each time.
// Undo keeps serialized snapshots (about 90 KB for the bundled article), capped at kUndoDepth.
// Nodes are named by id; with duplicate ids (an invalid file) the first node with that id is the one edited.
// The document remembers (by hash) the bytes it was read from or last saved as, so that a save never overwrites a
// change someone made to the file meanwhile.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/load.h"

namespace ex {

enum class NodeTextField { Title, Summary, Body };

struct NewNode {
    std::string category;                     // "" = the first category
    std::string title, summary;               // plain strings; the node gets "citations": [] (see add_node)
    bool        has_position = false;
    double      x = 0, y = 0;                 // top-left, canvas units
};

class ContentDoc {
  public:
    static constexpr size_t kUndoDepth = 100;

    // Parses bytes with the loader's guards (encoding, depth, numbers). False when they are not a JSON object; the
    // problems say why and the document is left as it was. A file that parses but breaks the format's rules opens
    // (so it can be fixed), with its problems in result().
    bool open(std::string_view bytes, const std::string& label);
    bool open_file(const std::string& path, const std::string& label = "");  // label defaults to the file name
    bool is_open() const { return open_; }

    const nlohmann::ordered_json& json() const { return doc_; }
    std::string serialize() const;            // 2-space indent, UTF-8, trailing newline
    const std::string& label() const { return label_; }

    // The loader's verdict on the current document: content (null when there are errors) and problems. Problems
    // from open() that stop parsing are here too.
    const LoadResult& result() const { return result_; }
    std::shared_ptr<const Content> content() const { return result_.content; }

    // [SECTION] Edits — each returns false (and sets error()) without changing anything when it cannot apply.
    bool move_card(const std::string& node_id, double x, double y);  // writes "position": {"x", "y"}
    // lang "" writes a plain string. A language tag sets that entry of a language map; a plain string becomes a map
    // ({meta.language: old, lang: new}) unless lang is meta.language. Body: index == body size appends; an empty
    // value with lang "" removes that paragraph.
    bool set_node_text(const std::string& node_id, NodeTextField field, const std::string& value,
                       const std::string& lang = "", size_t body_index = 0);
    // The new id (unique, from the title), or "" on failure. The node cites nothing ("citations": []): only the
    // author knows which passage it comes from, so the loader reports it until add_citation gives it one.
    std::string add_node(const NewNode& node);
    // Also removes the edges and tour steps that name it, and tours left without steps; `removed` lists them
    // ("edge talent → wages (drives)", "step 2 of tour basics", "tour basics (no steps left)").
    bool remove_node(const std::string& node_id, std::vector<std::string>* removed = nullptr);
    bool add_edge(const std::string& from, const std::string& to, const std::string& kind,
                  const std::string& label = "");
    bool remove_edge(size_t index);           // index into "edges"
    bool set_edge_label(size_t index, const std::string& label);  // "" removes the label
    bool set_node_category(const std::string& node_id, const std::string& category);
    // A citation of source paragraph `paragraph` (an id in meta.source), with an optional verbatim quote.
    bool add_citation(const std::string& node_id, const std::string& paragraph, const std::string& quote = "");
    bool remove_citation(const std::string& node_id, size_t index);

    bool undo();
    bool redo();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    bool modified() const { return serialize() != saved_; }  // differs from what was opened or last saved
    const std::string& error() const { return error_; }

    // Writes PATH.tmp, copies the current PATH to PATH.bak, then renames PATH.tmp over PATH (atomic on POSIX).
    // Writes even when result() has errors: it is the author's file. False (and error()) on I/O failure.
    // Unless `overwrite`, it first checks that PATH still holds what was opened or last saved: when someone changed
    // it meanwhile, PATH is left alone, the document is written next to it (conflict_copy(): PATH.mine, or
    // PATH.mine-2, ... when that holds something else) and save_file returns false with error() saying so.
    bool save_file(const std::string& path, bool overwrite = false);
    enum class Disk { Same, Changed, Missing, Unreadable };
    Disk disk_state(const std::string& path) const;  // PATH against what was opened or last saved
    bool holds_base(std::string_view bytes) const;    // these are the bytes opened or last saved
    bool conflict() const { return !conflict_copy_.empty(); }  // the last save was refused
    const std::string& conflict_copy() const { return conflict_copy_; }

  private:
    nlohmann::ordered_json* find_node(const std::string& id, size_t* index = nullptr);
    bool fail(std::string message);
    void commit(std::string before);          // after an edit: push undo, clear redo, re-validate
    void validate();
    std::string meta_language() const;

    nlohmann::ordered_json   doc_;
    std::string              label_;
    bool                     open_ = false;
    LoadResult               result_;
    std::vector<std::string> undo_, redo_;
    std::string              saved_;
    std::string              error_;
    uint64_t                 base_hash_ = 0;  // content_hash of the bytes opened or last saved
    size_t                   base_size_ = 0;
    std::string              conflict_copy_;
};

// A valid id from free text: "Talent pipeline!" → "talent-pipeline" (ASCII letters and digits kept, the rest
// folded to '-', at most 48 characters); "node" when nothing is left.
std::string slug_id(std::string_view text);

}  // namespace ex
