// editor.cpp — edit mode: drag cards, edit a card's text, add and remove cards and links, undo/redo, save.
//
// Index
//   [SECTION] Document        open, apply an edit, undo/redo, save
//   [SECTION] Panel           the editor window
//
// Edits go to a ContentDoc (core/content_doc.h), which keeps the author's JSON (field order, unknown fields) and
// re-validates after every change; the map then shows the document's content, keeping the camera and selection.
#include <algorithm>
#include <cmath>

#include "core/strings.h"
#include "ui/app.h"
#include "ui/text.h"

namespace ex {

// [SECTION] Document ------------------------------------------------------------------------------------------------

static void say(AppContext& app, std::string message) {
    app.status = std::move(message);
    app.status_until = app.now + 4.0;
}

static void load_buffers(AppContext& app) {
    app.edit_node.clear();
    if (!app.content || app.selected < 0) return;
    const Node& n = app.content->nodes[app.selected];
    app.edit_node = n.id;
    app.edit_title = app_text(app, n.title);
    app.edit_summary = app_text(app, n.summary);
    app.edit_body.clear();
    for (const Text& p : n.body) app.edit_body.push_back(app_text(app, p));
}

// After any change to the document: show its content (or keep the map and show its problems).
static void sync(AppContext& app) {
    const LoadResult& r = app.doc->result();
    app.problems = r.problems;
    if (r.content) app_update_content(app, r.content, app.doc->label());
    load_buffers(app);
}

static bool apply(AppContext& app, bool ok) {
    if (!ok) say(app, app.doc->error());
    else sync(app);
    return ok;
}

bool app_open_editor(AppContext& app) {
    if (app.edit_mode) return true;
    auto doc = std::make_unique<ContentDoc>();
    const bool opened = !app.content_path.empty() ? doc->open_file(app.content_path, app.content_label)
                                                  : doc->open(app.content_bytes, app.content_label);
    if (!opened || !doc->content()) {
        const std::string why = doc->result().problems.empty() ? std::string(tr(app, Str::kEdNoSource))
                                                                : format_problem(doc->result().problems.front());
        say(app, fill(tr(app, Str::kEdCannot), why));
        return false;
    }
    app.doc = std::move(doc);
    app.edit_mode = true;
    load_buffers(app);
    return true;
}

void app_close_editor(AppContext& app) {
    app.edit_mode = false;
    app.doc.reset();
    app.edit_node.clear();
}

void app_edit_card_moved(AppContext& app, int node) {
    if (!app.edit_mode || !app.doc || !app.content || node < 0 || node >= (int)app.layout.cards.size()) return;
    const Rect r = app.layout.cards[node];
    apply(app, app.doc->move_card(app.content->nodes[node].id, std::round(r.x), std::round(r.y)));
}

bool app_undo(AppContext& app) { return app.doc && app.doc->undo() && apply(app, true); }
bool app_redo(AppContext& app) { return app.doc && app.doc->redo() && apply(app, true); }

bool app_save(AppContext& app) {
    if (!app.doc) return false;
    bool ok = false;
    if (!app.content_path.empty()) {
        ok = app.doc->save_file(app.content_path);
        say(app, ok ? fill(tr(app, Str::kEdSaved), app.content_path) : app.doc->error());
    } else if (app.download) {
        ok = app.download(app.doc->serialize(), app.content_label.empty() ? "article.json" : app.content_label);
        say(app, ok ? fill(tr(app, Str::kEdDownloaded), app.content_label) : tr(app, Str::kEdDownloadFailed));
    } else {
        say(app, tr(app, Str::kEdNoFile));
    }
    return ok;
}

// [SECTION] Panel ---------------------------------------------------------------------------------------------------

static bool input_text(const char* label, std::string& value, bool multiline) {
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
        ImGui::InputTextMultiline(label, value.data(), value.capacity() + 1, ImVec2(-1, ImGui::GetTextLineHeight() * 4),
                                  flags, resize, &value);
    else ImGui::InputText(label, value.data(), value.capacity() + 1, flags, resize, &value);
    return ImGui::IsItemDeactivatedAfterEdit();  // one undo step per field edit, not per keystroke
}

// Edits replace app.content; each form holds the content it started drawing with, so its indices stay valid.
// A combo over `count` items named by `label(i)`; `skip` is left out, -1 in `current` shows `none`.
template <typename Label>
static void pick(const char* id, float width, int count, int& current, Label label, int skip = -1,
                 const char* none = "") {
    ImGui::SetNextItemWidth(width);
    if (!ImGui::BeginCombo(id, current >= 0 && current < count ? label(current).c_str() : none)) return;
    for (int i = 0; i < count; ++i) {
        if (i == skip) continue;
        ImGui::PushID(i);  // labels may repeat; ids may not
        if (ImGui::Selectable(label(i).c_str(), i == current)) current = i;
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

static void selected_card_fields(AppContext& app) {
    const std::shared_ptr<const Content> keep = app.content;
    const Content& c = *keep;
    if (app.selected < 0) {
        ImGui::TextDisabled("%s", tr(app, Str::kEdSelectHint));
        return;
    }
    if (app.edit_node != c.nodes[app.selected].id) load_buffers(app);
    const std::string id = app.edit_node;
    // Bilingual content: edit the language on screen; plain-string content stays plain.
    const std::string lang = app.config.lang;
    ImGui::SetNextItemWidth(-1);
    if (input_text("##title", app.edit_title, false))
        apply(app, app.doc->set_node_text(id, NodeTextField::Title, app.edit_title, lang));
    ImGui::TextDisabled("%s", tr(app, Str::kEdSummary));
    if (input_text("##summary", app.edit_summary, true))
        apply(app, app.doc->set_node_text(id, NodeTextField::Summary, app.edit_summary, lang));
    for (size_t i = 0; i < app.edit_body.size(); ++i) {
        ImGui::PushID((int)i);
        ImGui::TextDisabled(tr(app, Str::kEdParagraph), (int)i + 1);
        if (input_text("##body", app.edit_body[i], true))
            apply(app, app.doc->set_node_text(id, NodeTextField::Body, app.edit_body[i], lang, i));
        ImGui::PopID();
    }
    if (ImGui::SmallButton(tr(app, Str::kEdAddParagraph)))
        apply(app, app.doc->set_node_text(id, NodeTextField::Body, tr(app, Str::kEdNewParagraph), lang, app.edit_body.size()));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(app, Str::kEdRemoveCard))) {
        std::vector<std::string> removed;
        if (apply(app, app.doc->remove_node(id, &removed)))
            say(app, removed.empty() ? std::string(tr(app, Str::kEdRemoved))
                                     : fill(tr(app, Str::kEdRemovedMore), std::to_string(removed.size())));
        return;
    }

    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(app, Str::kEdLinks));
    for (size_t e = 0; e < c.edges.size(); ++e) {
        const Edge& ed = c.edges[e];
        if (ed.from_index != app.selected && ed.to_index != app.selected) continue;
        ImGui::PushID((int)e);
        if (ImGui::SmallButton("x")) {
            apply(app, app.doc->remove_edge(e));
            ImGui::PopID();
            return;
        }
        ImGui::SameLine();
        const std::string reading = ed.kind_index >= 0 ? app_text(app, c.edge_kinds[ed.kind_index].forward) : ed.kind;
        ImGui::Text("%s %s %s", app_text(app, c.nodes[ed.from_index].title).c_str(), reading.c_str(),
                    app_text(app, c.nodes[ed.to_index].title).c_str());
        ImGui::PopID();
    }
    // New link from the selected card.
    app.link_kind = std::clamp(app.link_kind, 0, (int)c.edge_kinds.size() - 1);
    pick("##kind", 120, (int)c.edge_kinds.size(), app.link_kind,
         [&](int k) -> const std::string& { return app_text(app, c.edge_kinds[k].forward); });
    ImGui::SameLine();
    if (app.link_target >= (int)c.nodes.size()) app.link_target = -1;
    pick("##target", -60, (int)c.nodes.size(), app.link_target,
         [&](int n) -> const std::string& { return app_text(app, c.nodes[n].title); }, app.selected, tr(app, Str::kEdChooseCard));
    ImGui::SameLine();
    ImGui::BeginDisabled(app.link_target < 0);
    if (ImGui::Button(tr(app, Str::kEdLink)))
        apply(app, app.doc->add_edge(id, c.nodes[app.link_target].id, c.edge_kinds[app.link_kind].id));
    ImGui::EndDisabled();
}

static void new_card_form(AppContext& app) {
    const std::shared_ptr<const Content> keep = app.content;
    const Content& c = *keep;
    ImGui::TextDisabled("%s", tr(app, Str::kEdNewCard));
    app.new_category = std::clamp(app.new_category, 0, (int)c.categories.size() - 1);
    pick("##cat", 140, (int)c.categories.size(), app.new_category,
         [&](int k) -> const std::string& { return app_text(app, c.categories[k].label); });
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-60);
    input_text("##newtitle", app.new_title, false);
    ImGui::SameLine();
    ImGui::BeginDisabled(app.new_title.empty());
    if (ImGui::Button(tr(app, Str::kEdAdd))) {
        NewNode n;
        n.category = c.categories[app.new_category].id;
        n.title = app.new_title;
        n.summary = app.new_title;
        if (app.selected >= 0) n.near = c.nodes[app.selected].id;
        // Place it in the middle of the view so the author sees it appear.
        const Vec2 centre = app.view.cam.center;
        n.has_position = true;
        n.x = std::round(centre.x - 120);
        n.y = std::round(centre.y - 48);
        const std::string id = app.doc->add_node(n);
        if (apply(app, !id.empty())) {
            app.new_title.clear();
            app_select(app, id, true);
        }
    }
    ImGui::EndDisabled();
}

void draw_editor(AppContext& app) {
    if (!app.edit_mode || !app.doc || !app.content) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + 170), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, vp->WorkSize.x - 16), 0));
    ImGui::Begin("##editor", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(app.font_bold, 0.0f);
    ImGui::TextUnformatted(tr(app, Str::kEdEditing));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(app, app.doc->modified() ? Str::kEdUnsaved : Str::kEdSavedState));
    ImGui::BeginDisabled(!app.doc->can_undo());
    if (ImGui::Button(tr(app, Str::kEdUndo))) app_undo(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.doc->can_redo());
    if (ImGui::Button(tr(app, Str::kEdRedo))) app_redo(app);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(app, app.content_path.empty() ? Str::kEdDownload : Str::kEdSave))) app_save(app);
    ImGui::SameLine();
    if (ImGui::Button(tr(app, Str::kEdDone))) {
        app_close_editor(app);
        ImGui::End();
        return;
    }
    if (app.now < app.status_until) text_wrapped(app.status);
    ImGui::Separator();
    selected_card_fields(app);
    if (!app.content) { ImGui::End(); return; }
    ImGui::Separator();
    new_card_form(app);
    ImGui::End();
}

}  // namespace ex
