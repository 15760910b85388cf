// editor.cpp — edit mode: drag cards, edit a card's text, tags, citations (a quote picked by selecting it in the
// passage), category and links, add and remove cards, edit tours, undo/redo, save.
//
// Index
//   [SECTION] Document        open, apply an edit, undo/redo, save
//   [SECTION] Panel           the editor window
//   [SECTION] Quote from the passage, tags, tours
//
// Edits go to a ContentDoc (core/content_doc.h), which keeps the author's JSON (field order, unknown fields) and
// re-validates after every change; the map then shows the document's content, keeping the camera and selection.
#include <algorithm>
#include <cmath>

#include <imgui_internal.h>  // BringWindowToDisplayFront: the editor stays above the minimap

#include "core/path.h"
#include "core/strings.h"
#include "core/text_wrap.h"
#include "core/utf8.h"
#include "ui/app.h"
#include "ui/editor_state.h"
#include "ui/text.h"

namespace ex {

// [SECTION] Document ------------------------------------------------------------------------------------------------

static void say(AppContext& app, std::string message, double seconds = 4.0) {
    app_show_status(app, std::move(message), seconds);
}

static void load_buffers(AppContext& app) {
    app.editor->edit_node.clear();
    if (!app.content || app.reading.selected < 0) return;
    const Node& n = app.content->nodes[app.reading.selected];
    app.editor->edit_node = n.id;
    app.editor->edit_title = app_text(app, n.title);
    app.editor->edit_summary = app_text(app, n.summary);
    app.editor->edit_body.clear();
    for (const Text& p : n.body) app.editor->edit_body.push_back(app_text(app, p));
    app.editor->edit_tags.clear();
    for (const Text& t : n.tags) app.editor->edit_tags.push_back(app_text(app, t));
    app.editor->edit_labels.assign(app.content->edges.size(), std::string());
    for (size_t e = 0; e < app.content->edges.size(); ++e) {
        const Edge& ed = app.content->edges[e];
        if (ed.from_index == app.reading.selected || ed.to_index == app.reading.selected)
            app.editor->edit_labels[e] = app_text(app, ed.label);
    }
}

static void load_tour_buffers(AppContext& app) {
    app.editor->step_captions.clear();
    app.editor->tour_title.clear();
    if (!app.content || app.editor->edit_tour < 0 || app.editor->edit_tour >= (int)app.content->tours.size()) return;
    const Tour& t = app.content->tours[app.editor->edit_tour];
    app.editor->tour_title = app_text(app, t.title);
    for (const TourStep& step : t.steps) app.editor->step_captions.push_back(app_text(app, step.caption));
}

// After any change to the document: show its content (or keep the map and show its problems).
static void sync(AppContext& app) {
    const LoadResult& r = app.editor->doc->result();
    app.problems = r.problems;
    if (r.content) app_update_content(app, r.content, app.editor->doc->label());
    load_buffers(app);
    load_tour_buffers(app);
}

// Why the document refused the last change, in the reader's language.
static std::string refusal(const AppContext& app) {
    return problem_message(app.editor->doc->problem(), app.reading.lang);
}

static bool apply(AppContext& app, bool ok) {
    if (!ok) say(app, refusal(app));
    else sync(app);
    return ok;
}

void EditorStateFree::operator()(EditorState* editor) const { delete editor; }

bool app_editing(const AppContext& app) { return app.editor && app.editor->edit_mode && app.editor->doc; }
bool app_edit_modified(const AppContext& app) { return app_editing(app) && app.editor->doc->modified(); }

bool app_open_editor(AppContext& app) {
    if (app.editor->edit_mode) return true;
    auto doc = std::make_unique<ContentDoc>();
    const bool opened = !app.content_path.empty() ? doc->open_file(app.content_path, app.content_label)
                                                  : doc->open(app.content_bytes, app.content_label);
    if (!opened || !doc->content()) {
        const std::string why = doc->result().problems.empty() ? std::string(tr(app, Str::kEdNoSource))
                                                               : format_problem(doc->result().problems.front());
        say(app, fill(tr(app, Str::kEdCannot), why));
        return false;
    }
    app.editor->doc = std::move(doc);
    app.problems =
        app.editor->doc->result().problems;  // a draft's cards waiting for a citation are listed from the start
    app.editor->edit_mode = true;
    load_buffers(app);
    load_tour_buffers(app);
    return true;
}

void app_close_editor(AppContext& app) {
    app.editor->edit_mode = false;
    app.editor->doc.reset();
    app.editor->edit_node.clear();
}

void app_edit_card_moved(AppContext& app, int node) {
    if (!app.editor->edit_mode || !app.editor->doc || !app.content || node < 0 ||
        node >= (int)app.map.layout.cards.size())
        return;
    const Rect r = app.map.layout.cards[node];
    apply(app, app.editor->doc->move_card(app.content->nodes[node].id, std::round(r.x), std::round(r.y)));
}

bool app_undo(AppContext& app) { return app.editor->doc && app.editor->doc->undo() && apply(app, true); }
bool app_redo(AppContext& app) { return app.editor->doc && app.editor->doc->redo() && apply(app, true); }

bool app_save(AppContext& app) {
    if (!app.editor->doc) return false;
    bool ok = false;
    if (app.config.hooks.download) {  // the web: the content lives in the page's memory, so the author gets a file
        const std::string name = base_name(app.content_label.empty() ? "article.json" : app.content_label);
        ok = app.config.hooks.download(app.editor->doc->serialize(), name);
        say(app, ok ? fill(tr(app, Str::kEdDownloaded), name) : tr(app, Str::kEdDownloadFailed));
    } else if (!app.content_path.empty()) {
        ok = app.editor->doc->save_file(app.content_path);
        if (ok) app.editor->edit_disk_changed = false;
        if (ok) say(app, fill(tr(app, Str::kEdSaved), app.content_path));
        else if (app.editor->doc->conflict()) {
            app.editor->edit_disk_changed = true;
            say(app,
                fill(fill(tr(app, Str::kEdConflict), app.editor->doc->label()).c_str(),
                     base_name(app.editor->doc->conflict_copy())),
                30.0);
        } else say(app, refusal(app));
    } else {
        say(app, tr(app, Str::kEdNoFile));
    }
    return ok;
}

bool app_edit_file_changed(AppContext& app, const std::string& bytes) {
    if (!app.editor->doc) return false;
    ContentDoc& doc = *app.editor->doc;
    if (doc.holds_base(bytes)) return true;  // our own save coming back, or a touch
    if (doc.modified()) {
        // Keep the author's edits on screen (the map would otherwise flip between versions); Save keeps both.
        app.editor->edit_disk_changed = true;
        say(app, fill(tr(app, Str::kEdChangedOutside), doc.label()), 30.0);
        return false;
    }
    const bool opened = doc.open(bytes, doc.label());  // nothing unsaved: follow the file
    app.problems = doc.result().problems;
    if (!opened) return false;  // not JSON: the document stays, and Save refuses to overwrite the file
    app.editor->edit_disk_changed = false;
    sync(app);
    say(app, fill(tr(app, Str::kEdReloaded), doc.label()));
    return doc.content() != nullptr;
}

bool app_edit_use_file(AppContext& app) {
    if (!app.editor->doc || app.content_path.empty()) return false;
    if (app.editor->doc->modified() && !app.editor->doc->conflict()) {
        // Unsaved edits go next to the file first: save_file writes them to FILE.mine as the file changed (or, if
        // it is back as it was, simply saves them).
        if (app.editor->doc->save_file(app.content_path)) {
            app.editor->edit_disk_changed = false;
            say(app, fill(tr(app, Str::kEdSaved), app.content_path));
            return true;
        }
        if (!app.editor->doc->conflict()) return apply(app, false);  // an I/O error: everything stays as it is
    }
    const std::string mine = app.editor->doc->conflict_copy();
    if (!app.editor->doc->open_file(app.content_path, app.editor->doc->label())) {
        app.problems = app.editor->doc->result().problems;
        return false;
    }
    app.editor->edit_disk_changed = false;
    sync(app);
    if (!mine.empty()) say(app, fill(tr(app, Str::kEdUsedFile), base_name(mine)));
    return true;
}

bool app_edit_overwrite(AppContext& app) {
    if (!app.editor->doc || app.content_path.empty()) return false;
    if (!app.editor->doc->save_file(app.content_path, true)) return apply(app, false);
    app.editor->edit_disk_changed = false;
    say(app,
        fill(fill(tr(app, Str::kEdOverwritten), app.editor->doc->label()).c_str(), app.editor->doc->label() + ".bak"));
    return true;
}

// [SECTION] Panel ---------------------------------------------------------------------------------------------------

static bool input_text(const char* label, std::string& value, bool multiline, const char* hint = nullptr,
                       float rows = 4) {
    // InputText with a std::string that grows as the author types.
    auto resize = [](ImGuiInputTextCallbackData* d) {
        if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
            auto* s = static_cast<std::string*>(d->UserData);
            s->resize((size_t)d->BufTextLen);
            d->Buf = s->data();
        }
        return 0;
    };
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (multiline)
        ImGui::InputTextMultiline(label, value.data(), value.capacity() + 1,
                                  ImVec2(-1, ImGui::GetTextLineHeight() * rows), flags, resize, &value);
    else ImGui::InputTextWithHint(label, hint, value.data(), value.capacity() + 1, flags, resize, &value);
    return ImGui::IsItemDeactivatedAfterEdit();  // one undo step per field edit, not per keystroke
}

// Edits replace app.content; each form holds the content it started drawing with, so its indices stay valid.
// A combo over `count` items named by `label(i)`; `skip` is left out, -1 in `current` shows `none`. Noted for
// state() as "editor.ID" and, while open, its items as "editor.ID.I" ("##" dropped from the id).
template <typename Label>
static void pick(AppContext& app, const char* id, float width, int count, int& current, Label label, int skip = -1,
                 const char* none = "") {
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, current >= 0 && current < count ? label(current).c_str() : none);
    const std::string name = std::string("editor.") + (id + 2);
    note_item(app, name);
    if (!open) return;
    for (int i = 0; i < count; ++i) {
        if (i == skip) continue;
        ImGui::PushID(i);  // labels may repeat; ids may not
        if (ImGui::Selectable(label(i).c_str(), i == current)) current = i;
        note_item(app, name + "." + std::to_string(i));
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

// The first words of a text for a one-line list: at most `bytes` bytes, cut at a character boundary.
static std::string first_words(const std::string& text, size_t bytes) {
    return text.size() <= bytes ? text : text.substr(0, utf8_floor(text, bytes)) + "\u2026";
}

// [SECTION] Quote from the passage, tags, tours -------------------------------------------------------------------

// The passage a quote is taken from, shown read-only: the author selects the words (mouse or finger drag,
// double-click, Shift+arrows) and presses "Use selection as quote", so the quote is the source's own bytes.
// Dear ImGui's text field does not wrap, so the lines are joined with '\n' here and the selection is mapped back to
// the paragraph's text (the spaces a line broke at are in no line: a selection across them takes them back).
struct PassageLines {
    std::string shown;            // the lines joined with '\n'
    std::vector<LineSpan> lines;  // in the paragraph's text
    std::vector<size_t> starts;   // where each line starts in `shown`

    size_t source(size_t at) const {  // a byte offset in `shown` → one in the paragraph's text
        size_t i = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin();
        if (i == 0) return 0;
        --i;
        return std::min(lines[i].first + (at - starts[i]), lines[i].second);
    }
};

static PassageLines wrap_passage(const std::string& text, float width) {
    PassageLines p;
    p.lines = wrap_lines(text, width, [](std::string_view piece) {
        return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    });
    for (const LineSpan& line : p.lines) {
        if (!p.shown.empty() || !p.starts.empty()) p.shown += '\n';
        p.starts.push_back(p.shown.size());
        p.shown.append(text, line.first, line.second - line.first);
    }
    return p;
}

struct PassageSelection {
    AppContext* app;
    const PassageLines* lines;
};

static int passage_callback(ImGuiInputTextCallbackData* d) {
    // Called every frame while the field is active: the selection the author last made is the one kept.
    auto* sel = static_cast<PassageSelection*>(d->UserData);
    const int a = std::min(d->SelectionStart, d->SelectionEnd), b = std::max(d->SelectionStart, d->SelectionEnd);
    sel->app->editor->quote_from = sel->lines->source((size_t)a);
    sel->app->editor->quote_to = sel->lines->source((size_t)b);
    return 0;
}

static std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// Draws the passage of `para`; returns the selected words (and the language of the text shown) when the author
// presses "Use selection as quote".
static bool passage_quote(AppContext& app, const SourceParagraph& para, const std::string& key, std::string& quote,
                          std::string& quote_lang) {
    const bool opened = app.editor->quote_for != key;
    if (opened) {  // another passage: the old selection means nothing here
        app.editor->quote_for = key;
        app.editor->quote_from = app.editor->quote_to = 0;
    }
    const std::string& text = app_text(app, para.text);
    quote_lang.clear();  // the entry shown: a plain string stays plain
    for (const auto& [lang, entry] : para.text.items)
        if (&entry == &text) quote_lang = lang;
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::TextDisabled("%s", tr(app, Str::kEdSelectToQuote));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const PassageLines lines = wrap_passage(text, width - style.FramePadding.x * 2 - style.ScrollbarSize);
    std::string shown = lines.shown;  // the field wants a writable buffer; read-only, it never writes
    PassageSelection sel{&app, &lines};
    const float rows = (float)std::clamp((int)lines.lines.size(), 1, 6);
    ImGui::InputTextMultiline("##passage", shown.data(), shown.size() + 1,
                              ImVec2(width, ImGui::GetTextLineHeight() * rows + style.FramePadding.y * 2 + 2),
                              ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_CallbackAlways, passage_callback,
                              &sel);
    note_item(app, "editor.passage");
    const std::string words =
        app.editor->quote_to > app.editor->quote_from && app.editor->quote_to <= text.size()
            ? trimmed(text.substr(app.editor->quote_from, app.editor->quote_to - app.editor->quote_from))
            : std::string();
    ImGui::BeginDisabled(words.empty());
    const bool use = ImGui::SmallButton(tr(app, Str::kEdUseSelection));
    note_item(app, "editor.use_selection");
    ImGui::EndDisabled();
    // A long card's panel scrolls: bring the passage up to its top (as far as it scrolls). By hand, as an
    // auto-resizing window's height is not settled on the frame the passage appears.
    if (opened) ImGui::SetScrollY(ImGui::GetScrollY() + top - ImGui::GetWindowPos().y - style.WindowPadding.y);
    if (!use) return false;
    quote = words;
    return true;
}

// The card's citations: remove one, give one a quote from its passage, or cite a source paragraph (with an optional
// verbatim quote, typed or selected in the passage). A card with none says so: the loader reports it until it has one.
static bool citation_fields(AppContext& app, const Content& c, const std::string& id) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(app, Str::kEdCitations));
    const Node& node = c.nodes[app.reading.selected];
    if (node.citations.empty()) text_wrapped(tr(app, Str::kEdNeedsCitation));
    for (size_t k = 0; k < node.citations.size(); ++k) {
        const Citation& cit = node.citations[k];
        ImGui::PushID(int(k) + 100000);  // clear of the edge rows' ids
        const bool removed = ImGui::SmallButton("x");
        note_item(app, "editor.citation_remove." + std::to_string(k));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(app, Str::kEdQuoteFrom))) {
            app.editor->quote_open = !(app.editor->quote_open && app.editor->quote_target == (int)k);
            app.editor->quote_target = (int)k;
        }
        note_item(app, "editor.quote_from." + std::to_string(k));
        ImGui::PopID();
        if (removed) {
            app.editor->quote_open = false;
            apply(app, app.editor->doc->remove_citation(id, k));
            return false;
        }
        ImGui::SameLine();
        const std::string quote = app_text(app, cit.quote);
        text_wrapped(quote.empty() ? cit.paragraph : cit.paragraph + ": \u201c" + first_words(quote, 160) + "\u201d");
    }
    std::vector<const SourceParagraph*> paragraphs;
    for (const SourceSection& section : c.meta.source.sections)
        for (const SourceParagraph& p : section.paragraphs) paragraphs.push_back(&p);
    if (app.editor->cite_paragraph >= (int)paragraphs.size()) app.editor->cite_paragraph = -1;
    const int had = app.editor->cite_paragraph;
    pick(
        app, "##paragraph", 170, (int)paragraphs.size(), app.editor->cite_paragraph,
        [&](int i) { return paragraphs[i]->id + "  " + first_words(app_text(app, paragraphs[i]->text), 70); }, -1,
        tr(app, Str::kEdChooseParagraph));
    if (app.editor->cite_paragraph != had &&
        app.editor->cite_paragraph >= 0) {  // a passage picked: show it to quote from
        app.editor->quote_open = true;
        app.editor->quote_target = -1;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-60);
    input_text("##quote", app.editor->cite_quote, false, tr(app, Str::kEdQuoteHint));
    note_item(app, "editor.quote");
    ImGui::SameLine();
    ImGui::BeginDisabled(app.editor->cite_paragraph < 0);
    const bool cite = ImGui::Button(tr(app, Str::kEdCite));
    note_item(app, "editor.cite");
    ImGui::EndDisabled();
    if (cite && apply(app, app.editor->doc->add_citation(id, paragraphs[app.editor->cite_paragraph]->id,
                                                         app.editor->cite_quote, app.editor->cite_quote_lang))) {
        app.editor->cite_quote.clear();
        app.editor->cite_quote_lang.clear();
        app.editor->quote_open = false;
        return false;
    }

    // The passage to quote from: the new citation's paragraph, or the one citation k cites.
    const SourceParagraph* para = nullptr;
    if (app.editor->quote_open && app.editor->quote_target < 0 && app.editor->cite_paragraph >= 0)
        para = paragraphs[app.editor->cite_paragraph];
    if (app.editor->quote_open && app.editor->quote_target >= 0 &&
        app.editor->quote_target < (int)node.citations.size())
        for (const SourceParagraph* p : paragraphs)
            if (p->id == node.citations[app.editor->quote_target].paragraph) para = p;
    if (!para) return true;
    std::string quote, lang;
    if (!passage_quote(app, *para, id + "/" + std::to_string(app.editor->quote_target) + "/" + para->id, quote, lang))
        return true;
    if (app.editor->quote_target < 0) {  // into the new citation's field: the author presses Cite
        app.editor->cite_quote = quote;
        app.editor->cite_quote_lang = lang;
        return true;
    }
    app.editor->quote_open = false;
    apply(app, app.editor->doc->set_citation_quote(id, (size_t)app.editor->quote_target, quote, lang));
    return false;
}

// The card's tags, in the reading language: edit one in place (emptied, it goes), x removes, the last field adds.
static bool tag_fields(AppContext& app, const std::string& id, const std::string& lang) {
    ImGui::TextDisabled("%s", tr(app, Str::kEdTags));
    for (size_t i = 0; i < app.editor->edit_tags.size(); ++i) {
        ImGui::PushID((int)i + 200000);
        ImGui::SameLine();
        const float w = std::clamp(ImGui::CalcTextSize(app.editor->edit_tags[i].c_str()).x + 16.0f, 40.0f, 160.0f);
        if (ImGui::GetContentRegionAvail().x < w + 30.0f) ImGui::NewLine();
        ImGui::SetNextItemWidth(w);
        const bool edited = input_text("##tag", app.editor->edit_tags[i], false);
        ImGui::SameLine(0, 2);
        const bool removed = ImGui::SmallButton("x");
        note_item(app, "editor.tag_remove." + std::to_string(i));
        ImGui::PopID();
        // Emptied in a bilingual file, the tag goes rather than keeping an empty entry in this language.
        if (removed || (edited && app.editor->edit_tags[i].empty()))
            return !apply(app, app.editor->doc->set_node_text(id, NodeTextField::Tag, "", "", i));
        if (edited)
            return !apply(app,
                          app.editor->doc->set_node_text(id, NodeTextField::Tag, app.editor->edit_tags[i], lang, i));
    }
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < 90.0f) ImGui::NewLine();
    ImGui::SetNextItemWidth(90.0f);
    const bool added = input_text("##newtag", app.editor->new_tag, false, tr(app, Str::kEdTagHint));
    note_item(app, "editor.tag_new");
    if (added && !trimmed(app.editor->new_tag).empty()) {
        const bool ok = apply(app, app.editor->doc->set_node_text(id, NodeTextField::Tag, trimmed(app.editor->new_tag),
                                                                  lang, app.editor->edit_tags.size()));
        if (ok) app.editor->new_tag.clear();
        return !ok;
    }
    return true;
}

static void selected_card_fields(AppContext& app) {
    const std::shared_ptr<const Content> keep = app.content;
    const Content& c = *keep;
    if (app.reading.selected < 0) {
        ImGui::TextDisabled("%s", tr(app, Str::kEdSelectHint));
        return;
    }
    if (app.editor->edit_node != c.nodes[app.reading.selected].id) load_buffers(app);
    const std::string id = app.editor->edit_node;
    // Bilingual content: edit the language on screen; plain-string content stays plain.
    const std::string lang = app.reading.lang;
    ImGui::SetNextItemWidth(-1);
    if (input_text("##title", app.editor->edit_title, false))
        apply(app, app.editor->doc->set_node_text(id, NodeTextField::Title, app.editor->edit_title, lang));
    ImGui::TextDisabled("%s", tr(app, Str::kEdCategory));
    ImGui::SameLine();
    int category = c.nodes[app.reading.selected].category_index;
    pick(app, "##category", 180, (int)c.categories.size(), category,
         [&](int k) -> const std::string& { return app_text(app, c.categories[k].label); });
    if (category >= 0 && category != c.nodes[app.reading.selected].category_index) {
        apply(app, app.editor->doc->set_node_category(id, c.categories[category].id));
        return;
    }
    ImGui::TextDisabled("%s", tr(app, Str::kEdSummary));
    if (input_text("##summary", app.editor->edit_summary, true))
        apply(app, app.editor->doc->set_node_text(id, NodeTextField::Summary, app.editor->edit_summary, lang));
    for (size_t i = 0; i < app.editor->edit_body.size(); ++i) {
        ImGui::PushID((int)i);
        ImGui::TextDisabled(tr(app, Str::kEdParagraph), (int)i + 1);
        if (input_text("##body", app.editor->edit_body[i], true))
            apply(app, app.editor->doc->set_node_text(id, NodeTextField::Body, app.editor->edit_body[i], lang, i));
        ImGui::PopID();
    }
    if (ImGui::SmallButton(tr(app, Str::kEdAddParagraph)))
        apply(app, app.editor->doc->set_node_text(id, NodeTextField::Body, tr(app, Str::kEdNewParagraph), lang,
                                                  app.editor->edit_body.size()));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(app, Str::kEdRemoveCard))) {
        std::vector<std::string> removed;
        if (apply(app, app.editor->doc->remove_node(id, &removed)))
            say(app, removed.empty() ? std::string(tr(app, Str::kEdRemoved))
                                     : fill(tr(app, Str::kEdRemovedMore), std::to_string(removed.size())));
        return;
    }

    if (!tag_fields(app, id, lang)) return;
    if (!citation_fields(app, c, id)) return;

    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(app, Str::kEdLinks));
    for (size_t e = 0; e < c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        if (ed.from_index != app.reading.selected && ed.to_index != app.reading.selected) continue;
        ImGui::PushID((int)e);
        if (ImGui::SmallButton("x")) {
            apply(app, app.editor->doc->remove_edge(e));
            ImGui::PopID();
            return;
        }
        ImGui::SameLine();
        const std::string reading = edge_reading(c, ed, app.reading.lang);
        text_wrapped(app_text(app, c.nodes[ed.from_index].title) + " " + reading + " " +
                     app_text(app, c.nodes[ed.to_index].title));
        if (e < app.editor->edit_labels.size()) {  // the label the map writes on the link
            ImGui::Indent();
            ImGui::SetNextItemWidth(-1);
            const bool edited = input_text("##label", app.editor->edit_labels[e], false, tr(app, Str::kEdLabelHint));
            note_item(app, "editor.label." + std::to_string(e));
            ImGui::Unindent();
            if (edited) {
                apply(app, app.editor->doc->set_edge_label(e, app.editor->edit_labels[e]));
                ImGui::PopID();
                return;
            }
        }
        ImGui::PopID();
    }
    // New link from the selected card.
    app.editor->link_kind = std::clamp(app.editor->link_kind, 0, (int)c.edge_kinds.size() - 1);
    pick(app, "##kind", 120, (int)c.edge_kinds.size(), app.editor->link_kind,
         [&](int k) -> const std::string& { return app_text(app, c.edge_kinds[k].forward); });
    ImGui::SameLine();
    if (app.editor->link_target >= (int)c.nodes.size()) app.editor->link_target = -1;
    pick(
        app, "##target", -60, (int)c.nodes.size(), app.editor->link_target,
        [&](int n) -> const std::string& { return app_text(app, c.nodes[n].title); }, app.reading.selected,
        tr(app, Str::kEdChooseCard));
    ImGui::SameLine();
    ImGui::BeginDisabled(app.editor->link_target < 0);
    if (ImGui::Button(tr(app, Str::kEdLink)))
        apply(app, app.editor->doc->add_edge(id, c.nodes[app.editor->link_target].id,
                                             c.edge_kinds[app.editor->link_kind].id));
    ImGui::EndDisabled();
}

static void new_card_form(AppContext& app) {
    const std::shared_ptr<const Content> keep = app.content;
    const Content& c = *keep;
    ImGui::TextDisabled("%s", tr(app, Str::kEdNewCard));
    app.editor->new_category = std::clamp(app.editor->new_category, 0, (int)c.categories.size() - 1);
    pick(app, "##cat", 140, (int)c.categories.size(), app.editor->new_category,
         [&](int k) -> const std::string& { return app_text(app, c.categories[k].label); });
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-60);
    input_text("##newtitle", app.editor->new_title, false);
    ImGui::SameLine();
    ImGui::BeginDisabled(app.editor->new_title.empty());
    if (ImGui::Button(tr(app, Str::kEdAdd))) {
        NewNode n;
        n.category = c.categories[app.editor->new_category].id;
        n.title = app.editor->new_title;
        n.summary = app.editor->new_title;
        // Place it in the middle of the view so the author sees it appear.
        const Vec2 centre = app.map.view.cam.center;
        n.has_position = true;
        n.x = std::round(centre.x - 120);
        n.y = std::round(centre.y - 48);
        const std::string id = app.editor->doc->add_node(n);
        if (apply(app, !id.empty())) {
            app.editor->new_title.clear();
            app_select(app, id, true);
        }
    }
    ImGui::EndDisabled();
}

// The Tours tab: pick a tour, retitle it, caption, reorder and remove its steps, add the selected card as a step,
// start a new tour from the selected card, remove the tour.
static void tour_fields(AppContext& app) {
    const std::shared_ptr<const Content> keep = app.content;
    const Content& c = *keep;
    const std::string lang = app.reading.lang;
    const std::string selected = app.reading.selected >= 0 ? c.nodes[app.reading.selected].id : std::string();
    if (c.tours.empty()) ImGui::TextDisabled("%s", tr(app, Str::kEdNoTours));
    else {
        const int had = app.editor->edit_tour;
        app.editor->edit_tour = std::clamp(app.editor->edit_tour, 0, (int)c.tours.size() - 1);
        pick(app, "##tour", -1, (int)c.tours.size(), app.editor->edit_tour,
             [&](int t) -> const std::string& { return app_text(app, c.tours[t].title); });
        if (app.editor->edit_tour != had ||
            app.editor->step_captions.size() != c.tours[app.editor->edit_tour].steps.size())
            load_tour_buffers(app);
    }
    ImGui::BeginDisabled(selected.empty());
    if (ImGui::SmallButton(tr(app, Str::kEdNewTour))) {
        if (apply(app, !app.editor->doc->add_tour(tr(app, Str::kEdNewTourTitle), selected, lang).empty())) {
            app.editor->edit_tour = (int)app.content->tours.size() - 1;
            load_tour_buffers(app);
        }
        ImGui::EndDisabled();
        return;
    }
    note_item(app, "editor.tour_new");
    ImGui::EndDisabled();
    if (selected.empty()) text_wrapped(tr(app, Str::kEdPickCardForTour));
    if (c.tours.empty()) return;

    const size_t t = (size_t)app.editor->edit_tour;
    const Tour& tour = c.tours[t];
    ImGui::TextDisabled("%s", tr(app, Str::kEdTourTitle));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const bool titled = input_text("##tourtitle", app.editor->tour_title, false);
    note_item(app, "editor.tour_title");
    if (titled) {
        apply(app, app.editor->doc->set_tour_title(t, app.editor->tour_title, lang));
        return;
    }
    ImGui::TextDisabled("%s", tr(app, Str::kEdSteps));
    for (size_t k = 0; k < tour.steps.size() && k < app.editor->step_captions.size(); ++k) {
        const TourStep& step = tour.steps[k];
        const std::string n = std::to_string(k);
        ImGui::PushID((int)k + 300000);
        ImGui::Text("%d.", (int)k + 1);
        ImGui::SameLine();
        ImGui::BeginDisabled(k == 0);
        const bool up = ImGui::ArrowButton("##up", ImGuiDir_Up);
        note_item(app, "editor.step_up." + n);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(k + 1 == tour.steps.size());
        const bool down = ImGui::ArrowButton("##down", ImGuiDir_Down);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(tour.steps.size() == 1);  // a tour keeps one step: Remove tour removes the rest
        const bool removed = ImGui::SmallButton("x");
        note_item(app, "editor.step_remove." + n);
        ImGui::EndDisabled();
        ImGui::SameLine();
        text_wrapped(step.node_index >= 0 ? app_text(app, c.nodes[step.node_index].title) : step.node);
        ImGui::Indent();
        ImGui::SetNextItemWidth(-1);
        const bool captioned = input_text("##caption", app.editor->step_captions[k], true, nullptr, 2);
        note_item(app, "editor.step_caption." + n);
        ImGui::Unindent();
        ImGui::PopID();
        bool changed = false;
        if (up) changed = apply(app, app.editor->doc->move_tour_step(t, k, k - 1));
        else if (down) changed = apply(app, app.editor->doc->move_tour_step(t, k, k + 1));
        else if (removed) changed = apply(app, app.editor->doc->remove_tour_step(t, k));
        else if (captioned)
            changed = apply(app, app.editor->doc->set_step_caption(t, k, app.editor->step_captions[k], lang));
        if (changed || up || down || removed || captioned) return;
    }
    ImGui::BeginDisabled(selected.empty());
    if (ImGui::SmallButton(tr(app, Str::kEdAddStep))) {
        apply(app, app.editor->doc->add_tour_step(t, selected, tour.steps.size()));
        ImGui::EndDisabled();
        return;
    }
    note_item(app, "editor.step_add");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(app, Str::kEdRemoveTour))) apply(app, app.editor->doc->remove_tour(t));
}

void draw_editor(AppContext& app) {
    if (!app.editor->edit_mode || !app.editor->doc || !app.content) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 pos(vp->WorkPos.x + 8, vp->WorkPos.y + 170);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, vp->WorkSize.x - 16), 0));
    // Long cards and tours scroll inside the window rather than run off the screen.
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, std::max(200.0f, vp->WorkSize.y - 178)));
    ImGui::Begin("##editor", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                     ImGuiWindowFlags_AlwaysAutoResize);
    // Over the minimap, which comes and goes as the camera moves and would otherwise take the clicks meant for the
    // bottom of a tall editor. Not over the editor's own open combo list.
    if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::PushFont(app.font_bold, 0.0f);
    ImGui::TextUnformatted(tr(app, Str::kEdEditing));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(app, app.editor->doc->modified() ? Str::kEdUnsaved : Str::kEdSavedState));
    ImGui::BeginDisabled(!app.editor->doc->can_undo());
    if (ImGui::Button(tr(app, Str::kEdUndo))) app_undo(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.editor->doc->can_redo());
    if (ImGui::Button(tr(app, Str::kEdRedo))) app_redo(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(app, app.config.hooks.download || app.content_path.empty() ? Str::kEdDownload : Str::kEdSave)))
        app_save(app);
    ImGui::SameLine();
    if (ImGui::Button(tr(app, Str::kEdDone))) {
        app_close_editor(app);
        ImGui::End();
        return;
    }
    if (app.now < app.status_until) text_wrapped(app.status);
    if (app.editor->edit_disk_changed && !app.content_path.empty()) {
        // Until the author chooses which version goes on; the other one is kept in a file either way.
        if (!(app.now < app.status_until))
            text_wrapped(fill(tr(app, Str::kEdChangedOutside), app.editor->doc->label()));
        if (ImGui::SmallButton(tr(app, Str::kEdUseFile))) app_edit_use_file(app);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(app, Str::kEdOverwrite))) app_edit_overwrite(app);
    }
    if (ImGui::BeginTabBar("##edit_tabs")) {
        const bool card = ImGui::BeginTabItem(tr(app, Str::kEdCardTab));
        note_item(app, "editor.tab_card");
        if (card) {
            selected_card_fields(app);
            ImGui::Separator();
            new_card_form(app);
            ImGui::EndTabItem();
        }
        const bool tours = ImGui::BeginTabItem(tr(app, Str::kEdToursTab));
        note_item(app, "editor.tab_tours");
        if (tours) {
            tour_fields(app);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace ex
