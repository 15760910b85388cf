// The editor's authoring forms through real input: a quote selected in the passage (English and Chinese, where the
// passage's lines are broken without spaces), tags, and tours — each an undoable edit that reaches the saved file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/load.h"
#include "headless.h"
#include "ui/editor_state.h"  // these tests drive the editor and read its state

using ex::test::Headless;
using json = nlohmann::json;

namespace {

std::string temp_copy(const std::string& rel, const std::string& name) {
    const std::string path = (std::filesystem::temp_directory_path() / name).string();
    std::filesystem::copy_file(std::string(EXPLAINER_SOURCE_DIR) + "/" + rel, path,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::remove(path + ".bak");
    return path;
}

json ui_rect(Headless& h, const std::string& name) {
    const json s = ex::app_state(h.app);
    return s["ui"].contains(name) ? s["ui"][name] : json();
}

ImVec2 centre(const json& r) {
    return ImVec2(r[0].get<float>() + r[2].get<float>() / 2, r[1].get<float>() + r[3].get<float>() / 2);
}

void press(Headless& h, const std::string& name) {
    const json r = ui_rect(h, name);
    REQUIRE_MESSAGE(r.is_array(), name);
    h.click(centre(r));
}

const ex::SourceParagraph* paragraph(const ex::Content& c, const std::string& id) {
    for (const auto& section : c.meta.source.sections)
        for (const auto& p : section.paragraphs)
            if (p.id == id) return &p;
    return nullptr;
}

ex::AppConfig editing(const std::string& path) {
    ex::AppConfig config = ex::test::default_config();
    config.content_path = path;
    config.content_label = std::filesystem::path(path).filename().string();
    return config;
}

void start_editing(Headless& h, const std::string& select) {
    h.frame(2);
    REQUIRE(ex::app_open_editor(h.app));
    REQUIRE(ex::app_select(h.app, select));
    h.frame(2);
}

// A quote picked in a card's first citation's passage by dragging across its first two lines, with a mouse or a
// finger.
void quote_by_selection(const std::string& lang, bool touch) {
    CAPTURE(lang);
    CAPTURE(touch);
    const std::string path = temp_copy("assets/content/article.json", "explainer-quote-" + lang + ".json");
    ex::AppConfig config = editing(path);
    config.lang = lang;
    Headless h(config, ImVec2(1280, 1000));
    h.frame(2);
    REQUIRE(ex::app_open_editor(h.app));
    // A card whose first passage is long enough to wrap, so the selection crosses a line break.
    std::string id, para_id;
    for (const ex::Node& n : h.app.content->nodes) {
        const ex::SourceParagraph* p =
            n.citations.empty() ? nullptr : paragraph(*h.app.content, n.citations[0].paragraph);
        if (p && p->text.get(lang).size() > 300) {
            id = n.id;
            para_id = p->id;
            break;
        }
    }
    REQUIRE_FALSE(id.empty());
    REQUIRE(ex::app_select(h.app, id));
    h.frame(2);
    press(h, "editor.quote_from.0");
    const json r = ui_rect(h, "editor.passage");
    REQUIRE(r.is_array());
    const float line = ImGui::GetTextLineHeight(), pad = ImGui::GetStyle().FramePadding.y;
    REQUIRE(r[3].get<float>() > line * 2);  // the passage wraps onto several lines
    const float x0 = r[0].get<float>(), y0 = r[1].get<float>();
    if (touch) ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    h.drag(ImVec2(x0 + r[2].get<float>() * 0.4f, y0 + pad + line * 0.5f),
           ImVec2(x0 + r[2].get<float>() * 0.3f, y0 + pad + line * 1.5f));
    CHECK(h.app.editor->quote_to > h.app.editor->quote_from);
    press(h, "editor.use_selection");

    const int idx = h.app.content->node_index(id);
    REQUIRE(idx >= 0);
    const ex::Citation& cit = h.app.content->nodes[idx].citations[0];
    const std::string quote = cit.quote.get(lang);
    const std::string text = paragraph(*h.app.content, para_id)->text.get(lang);
    CAPTURE(quote);
    CHECK(quote.size() > 6);
    CHECK(quote.find('\n') == std::string::npos);
    CHECK(text.find(quote) != std::string::npos);  // the source's own words, not the shown lines
    CHECK(quote.find(text.substr(h.app.editor->quote_from, 3)) == 0);
    for (const ex::Problem& p : h.app.editor->doc->result().problems)  // and the loader agrees
        CHECK_MESSAGE(p.pointer.find("/citations/0/quote") == std::string::npos, p.message);
    CHECK(h.app.editor->doc->modified());
    // In Chinese the quote goes into the citation's "zh" entry, next to the English one.
    if (lang == "zh") CHECK(cit.quote.has("en"));
    CHECK(ex::app_undo(h.app));
    CHECK_FALSE(h.app.editor->doc->modified());
    ex::app_close_editor(h.app);
    std::filesystem::remove(path);
}

}  // namespace

TEST_CASE("edit mode: a quote is the words selected in the passage, mapped back through the wrapped lines") {
    quote_by_selection("en", false);
    quote_by_selection("zh", true);
}

TEST_CASE("edit mode: tags and tours are edited through the panel and saved") {
    const std::string path = temp_copy("tests/fixtures/format/four-space-compact.json", "explainer-author.json");
    const std::string original = [&] {
        std::ifstream in(path, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    Headless h(editing(path), ImVec2(1280, 1000));
    start_editing(h, "rate-rise");
    auto node = [&](const std::string& id) -> const ex::Node& {
        return h.app.content->nodes[h.app.content->node_index(id)];
    };

    // A tag typed into the "+ tag" field, then removed with its x.
    press(h, "editor.tag_new");
    h.type("interest");
    h.key(ImGuiKey_Enter);
    REQUIRE(node("rate-rise").tags.size() == 3);
    CHECK(node("rate-rise").tags[2].get() == "interest");
    press(h, "editor.tag_remove.0");
    REQUIRE(node("rate-rise").tags.size() == 2);
    CHECK(node("rate-rise").tags[0].get() == "rates");

    // Tours: add the selected card as a step, move it up, caption it, retitle the tour.
    press(h, "editor.tab_tours");
    REQUIRE(ui_rect(h, "editor.step_add").is_array());
    REQUIRE(ex::app_select(h.app, "spending"));
    h.frame(2);
    press(h, "editor.step_add");
    REQUIRE(h.app.content->tours[0].steps.size() == 3);
    CHECK(h.app.content->tours[0].steps[2].node == "spending");
    press(h, "editor.step_up.2");
    CHECK(h.app.content->tours[0].steps[1].node == "spending");
    CHECK(h.app.content->tours[0].steps[2].node == "rents");
    press(h, "editor.step_caption.1");
    h.key(ImGuiKey_A, ImGuiMod_Ctrl);
    h.type("Then spending falls.");
    press(h, "editor.tour_title");  // leaving the caption field keeps it
    CHECK(h.app.content->tours[0].steps[1].caption.get() == "Then spending falls.");
    h.key(ImGuiKey_A, ImGuiMod_Ctrl);
    h.type("The whole chain");
    h.key(ImGuiKey_Enter);
    CHECK(h.app.content->tours[0].title.get() == "The whole chain");
    press(h, "editor.step_remove.0");
    REQUIRE(h.app.content->tours[0].steps.size() == 2);
    CHECK(h.app.content->tours[0].steps[0].node == "spending");

    // A new tour from the selected card.
    press(h, "editor.tour_new");
    REQUIRE(h.app.content->tours.size() == 2);
    CHECK(h.app.content->tours[1].steps[0].node == "spending");
    CHECK(h.app.editor->edit_tour == 1);
    CHECK(h.app.editor->doc->result().ok());

    // Saved: the file loads back to what the editor shows, and keeps its own formatting around the edits.
    REQUIRE(ex::app_save(h.app));
    const ex::LoadResult back = ex::load_content_file(path);
    REQUIRE(back.ok());
    CHECK(back.content->tours.size() == 2);
    CHECK(back.content->tours[0].title.get() == "The whole chain");
    CHECK(back.content->tours[0].steps[0].caption.get() == "Then spending falls.");
    CHECK(back.content->nodes[0].tags.size() == 2);
    std::ifstream in(path, std::ios::binary);
    const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(saved.find("\n        { \"from\": \"rate-rise\", \"to\": \"mortgages\", \"kind\": \"drives\" },\n") !=
          std::string::npos);
    CHECK(saved.find("\"tags\": [\"rates\", \"interest\"],") != std::string::npos);

    // Every step undoes.
    while (h.app.editor->doc->can_undo()) REQUIRE(ex::app_undo(h.app));
    CHECK(h.app.content->tours.size() == 1);
    CHECK(h.app.content->tours[0].steps.size() == 2);
    CHECK(node("rate-rise").tags.size() == 2);
    CHECK(h.app.editor->doc->serialize() == original);
    ex::app_close_editor(h.app);
    std::filesystem::remove(path);
    std::filesystem::remove(path + ".bak");
}

TEST_CASE("edit mode: category, a new citation with a selected quote, and a link label through the panel") {
    const std::string path = temp_copy("tests/fixtures/format/four-space-compact.json", "explainer-cite.json");
    Headless h(editing(path), ImVec2(1280, 1000));
    start_editing(h, "spending");
    auto spending = [&]() -> const ex::Node& { return h.app.content->nodes[h.app.content->node_index("spending")]; };

    // Category: open the combo, pick "Causes".
    press(h, "editor.category");
    press(h, "editor.category.0");
    CHECK(spending().category == "cause");

    // A citation of p1: pick the paragraph, select words in its passage, use them, cite.
    press(h, "editor.paragraph");
    press(h, "editor.paragraph.0");
    CHECK(h.app.editor->cite_paragraph == 0);
    const json r = ui_rect(h, "editor.passage");
    REQUIRE(r.is_array());
    const float line = ImGui::GetTextLineHeight(), pad = ImGui::GetStyle().FramePadding.y;
    const float x0 = r[0].get<float>(), y = r[1].get<float>() + pad + line * 0.5f;
    h.drag(ImVec2(x0 + 60, y), ImVec2(x0 + 200, y));
    press(h, "editor.use_selection");
    const std::string quote = h.app.editor->cite_quote;
    CAPTURE(quote);
    const std::string p1 = "The central bank raised its rate by half a point in March.";
    CHECK(quote.size() > 4);
    CHECK(p1.find(quote) != std::string::npos);
    press(h, "editor.cite");
    REQUIRE(spending().citations.size() == 2);
    CHECK(spending().citations[1].paragraph == "p1");
    CHECK(spending().citations[1].quote.get() == quote);
    CHECK(h.app.editor->doc->result().ok());  // the loader found the quote in p1
    CHECK(h.app.editor->cite_quote.empty());

    // The link label: rents → spending is edge 2.
    press(h, "editor.label.2");
    h.key(ImGuiKey_A, ImGuiMod_Ctrl);
    h.type("cuts");
    h.key(ImGuiKey_Enter);
    CHECK(h.app.content->edges[2].label.get() == "cuts");

    // The old citation goes with its x.
    press(h, "editor.citation_remove.0");
    REQUIRE(spending().citations.size() == 1);
    CHECK(spending().citations[0].paragraph == "p1");

    REQUIRE(ex::app_save(h.app));
    const ex::LoadResult back = ex::load_content_file(path);
    REQUIRE(back.ok());
    const ex::Node& saved = back.content->nodes[back.content->node_index("spending")];
    CHECK(saved.category == "cause");
    REQUIRE(saved.citations.size() == 1);
    CHECK(saved.citations[0].quote.get() == quote);
    CHECK(back.content->edges[2].label.get() == "cuts");
    ex::app_close_editor(h.app);
    std::filesystem::remove(path);
    std::filesystem::remove(path + ".bak");
}
