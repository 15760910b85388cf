// content_doc.h — the editable document behind edit mode: the article's JSON as an order-preserving DOM, edit
// operations on it, undo/redo, validation after every change, and an atomic save.
//
// Why a DOM and not Content: saving must keep the author's field order, language maps and fields the app does not
// know (notes, "$schema"), so edits change the JSON in place and Content is re-derived by the loader each time.
// Undo keeps compact serialized snapshots (smaller than the file), capped at kUndoDepth.
// Saving keeps the file's own formatting (core/json_splice.h): what did not change is written as it was read.
// Nodes are named by id; with duplicate ids (an invalid file) the first node with that id is the one edited.
// The document remembers (by hash) the bytes it was read from or last saved as, so that a save never overwrites a
// change someone made to the file meanwhile.
#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/json_splice.h"
#include "core/load.h"

namespace ex {

enum class NodeTextField { Title, Summary, Body, Tag };

struct NewNode {
    std::string category;        // "" = the first category
    std::string title, summary;  // plain strings; the node gets "citations": [] (see add_node)
    bool has_position = false;
    double x = 0, y = 0;  // top-left, canvas units
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
    // The file's text: its own formatting where nothing changed, its style (indent, one-line lists) where it did.
    std::string serialize() const;
    const std::string& label() const { return label_; }

    // The loader's verdict on the current document: content (null when there are errors) and problems. Problems
    // from open() that stop parsing are here too.
    const LoadResult& result() const { return result_; }
    std::shared_ptr<const Content> content() const { return result_.content; }

    // [SECTION] Edits — each returns false (and sets problem()) without changing anything when it cannot apply.
    bool move_card(const std::string& node_id, double x, double y);  // writes "position": {"x", "y"}
    // Every text edit: lang "" writes a plain string. A language tag sets that entry of a language map; a plain
    // string becomes a map ({meta.language: old, lang: new}) unless lang is meta.language.
    // Body and Tag are lists: index == the list's size appends; an empty value with lang "" removes that item.
    bool set_node_text(const std::string& node_id, NodeTextField field, const std::string& value,
                       const std::string& lang = "", size_t index = 0);
    // The new id (unique, from the title), or "" on failure. The node cites nothing ("citations": []): only the
    // author knows which passage it comes from, so the loader reports it until add_citation gives it one.
    std::string add_node(const NewNode& node);
    // Also removes the edges and tour steps that name it, and tours left without steps; `removed` lists them
    // ("edge talent → wages (drives)", "step 2 of tour basics", "tour basics (no steps left)").
    bool remove_node(const std::string& node_id, std::vector<std::string>* removed = nullptr);
    bool add_edge(const std::string& from, const std::string& to, const std::string& kind,
                  const std::string& label = "");
    bool remove_edge(size_t index);                               // index into "edges"
    bool set_edge_label(size_t index, const std::string& label);  // "" removes the label
    bool set_node_category(const std::string& node_id, const std::string& category);
    // A citation of source paragraph `paragraph` (an id in meta.source), with an optional verbatim quote.
    bool add_citation(const std::string& node_id, const std::string& paragraph, const std::string& quote = "",
                      const std::string& lang = "");
    bool remove_citation(const std::string& node_id, size_t index);
    bool set_citation_quote(const std::string& node_id, size_t index, const std::string& quote,
                            const std::string& lang = "");  // "" with lang "" removes the quote

    // Tours, by index into "tours"; steps by index. A new step (and a new tour's first step) without a caption
    // gets its card's title as the caption, which the author then rewrites.
    std::string add_tour(const std::string& title, const std::string& first_node, const std::string& lang = "");
    bool remove_tour(size_t tour);
    bool set_tour_title(size_t tour, const std::string& title, const std::string& lang = "");
    bool add_tour_step(size_t tour, const std::string& node_id, size_t at, const std::string& caption = "",
                       const std::string& lang = "");
    bool remove_tour_step(size_t tour, size_t step);  // not the last one: a tour needs a step (remove the tour)
    bool move_tour_step(size_t tour, size_t step, size_t to);
    bool set_step_caption(size_t tour, size_t step, const std::string& caption, const std::string& lang = "");

    bool undo();
    bool redo();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    bool modified() const { return doc_ != layout_.value(); }  // differs from what was opened or last saved
    // Why the last edit, undo, redo or save was refused, worded by the string table (a UI shows it in its reader's
    // language: problem_message); no message when it was not.
    const Problem& problem() const { return problem_; }

    // Writes PATH.tmp, copies the current PATH to PATH.bak, then renames PATH.tmp over PATH (atomic on POSIX).
    // Writes even when result() has errors: it is the author's file. False (and problem()) on I/O failure.
    // Unless `overwrite`, it first checks that PATH still holds what was opened or last saved: when someone changed
    // it meanwhile, PATH is left alone, the document is written next to it (conflict_copy(): PATH.mine, or
    // PATH.mine-2, ... when that holds something else) and save_file returns false with problem() saying so.
    bool save_file(const std::string& path, bool overwrite = false);
    enum class Disk { Same, Changed, Missing, Unreadable };
    Disk disk_state(const std::string& path) const;            // PATH against what was opened or last saved
    bool holds_base(std::string_view bytes) const;             // these are the bytes opened or last saved
    bool conflict() const { return !conflict_copy_.empty(); }  // the last save was refused
    const std::string& conflict_copy() const { return conflict_copy_; }

  private:
    nlohmann::ordered_json* find_node(const std::string& id, size_t* index = nullptr);
    nlohmann::ordered_json* find_tour(size_t tour);  // null (and problem()) when there is none
    nlohmann::ordered_json* find_steps(size_t tour);
    nlohmann::ordered_json step_for(const nlohmann::ordered_json& node, const std::string& caption,
                                    const std::string& lang) const;
    void write_text(nlohmann::ordered_json& slot, const std::string& value, const std::string& lang) const;
    bool check_text(const std::string& value, const std::string& lang);  // UTF-8 and a language tag
    bool fail(Str key, std::vector<std::string> args = {});              // sets problem_
    void commit(std::string before);  // after an edit: push undo, clear redo, re-validate
    void validate();
    std::string snapshot() const;  // for undo: compact, parsed back on undo/redo
    std::string meta_language() const;

    nlohmann::ordered_json doc_;
    std::string label_;
    bool open_ = false;
    LoadResult result_;
    std::vector<std::string> undo_, redo_;
    JsonLayout layout_;  // the text opened or last saved, and its formatting
    Problem problem_;
    uint64_t base_hash_ = 0;  // content_hash of the bytes opened or last saved
    size_t base_size_ = 0;
    std::string conflict_copy_;
};

// A valid id from free text: "Talent pipeline!" → "talent-pipeline" (ASCII letters and digits kept, the rest
// folded to '-', at most 48 characters); "node" when nothing is left.
std::string slug_id(std::string_view text);

}  // namespace ex
