// editor_state.h — the author's edit mode, private to ui/editor.cpp (and the tests that drive it). The rest of the
// UI reaches it only through the actions in ui/app.h (app_editing, app_open_editor, app_save...).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/content_doc.h"

namespace ex {

struct EditorState {
    bool edit_mode = false;
    std::unique_ptr<ContentDoc> doc;  // the editable document while edit mode is on
    std::string edit_node;            // node whose fields are in the buffers below
    std::string edit_title, edit_summary;
    std::vector<std::string> edit_body;
    std::string new_title;  // "add a card" form
    int new_category = 0, link_kind = 0, link_target = -1;
    int cite_paragraph = -1;                  // "add a citation" form: index into the source's paragraphs
    std::string cite_quote, cite_quote_lang;  // the quote, and the language it was selected in
    std::vector<std::string> edit_labels;     // link labels, by edge index
    std::vector<std::string> edit_tags;       // the card's tags, in the reading language
    std::string new_tag;
    // The source passage shown to pick a quote from: for the new citation (-1) or citation k of the card.
    bool quote_open = false;
    int quote_target = -1;
    std::string quote_for;                // node, target and paragraph it was selected in (a change resets it)
    size_t quote_from = 0, quote_to = 0;  // the selection, as bytes of the paragraph's text
    int edit_tour = 0;                    // the Tours tab: which tour, its title and step captions
    std::string tour_title;
    std::vector<std::string> step_captions;
    bool edit_disk_changed = false;  // the file changed on disk under unsaved edits
};

}  // namespace ex
