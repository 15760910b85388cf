// Edit mode through the real UI: a dragged card keeps its position in the document; undo, redo and save.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/load.h"
#include "headless.h"
#include "ui/editor_state.h"  // these tests drive the editor and read its state

using ex::test::Headless;

namespace {

std::string temp_copy_of_article() {
    const std::string path = (std::filesystem::temp_directory_path() / "explainer-edit-test.json").string();
    std::filesystem::copy_file(std::string(EXPLAINER_SOURCE_DIR) + "/assets/content/article.json", path,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::remove(path + ".bak");
    return path;
}

}  // namespace

TEST_CASE("edit mode: drag keeps the position, undo/redo, Ctrl+Z, save writes a valid file with a backup") {
    const std::string path = temp_copy_of_article();
    ex::AppConfig config = ex::test::default_config();
    config.content_path = path;
    Headless h(config);
    h.frame(2);
    REQUIRE(ex::app_open_editor(h.app));
    CHECK(h.app.editor->edit_mode);
    h.frame();

    // Drag the card nearest the middle of the screen.
    const nlohmann::json s = ex::app_state(h.app);
    std::string id;
    ImVec2 from;
    float best = 1e9f;
    for (const auto& n : s["nodes"]) {
        const auto& r = n["rect"];
        const ImVec2 c(r[0].get<float>() + r[2].get<float>() / 2, r[1].get<float>() + r[3].get<float>() / 2);
        const float d = std::abs(c.x - 640) + std::abs(c.y - 500);
        if (c.x > 440 && c.x < 840 && d < best) {
            best = d;
            id = n["id"];
            from = c;
        }
    }
    REQUIRE_FALSE(id.empty());
    h.drag(from, ImVec2(from.x + 40, from.y + 90));
    int idx = h.app.content->node_index(id);
    REQUIRE(idx >= 0);
    CHECK(h.app.content->nodes[idx].has_position);
    CHECK(h.app.editor->doc->modified());
    const double moved_y = h.app.content->nodes[idx].y;

    CHECK(ex::app_undo(h.app));
    idx = h.app.content->node_index(id);
    CHECK_FALSE(h.app.content->nodes[idx].has_position);
    CHECK(ex::app_redo(h.app));
    idx = h.app.content->node_index(id);
    CHECK(h.app.content->nodes[idx].y == doctest::Approx(moved_y));

    h.key(ImGuiKey_Z, ImGuiMod_Ctrl);  // the keyboard undo
    idx = h.app.content->node_index(id);
    CHECK_FALSE(h.app.content->nodes[idx].has_position);
    CHECK(ex::app_redo(h.app));

    CHECK(ex::app_save(h.app));
    CHECK_FALSE(h.app.editor->doc->modified());
    CHECK(std::filesystem::exists(path + ".bak"));
    ex::LoadResult saved = ex::load_content_file(path);
    REQUIRE(saved.ok());
    CHECK(saved.warning_count() == 0);
    CHECK(saved.content->nodes[saved.content->node_index(id)].has_position);

    ex::app_close_editor(h.app);
    CHECK_FALSE(h.app.editor->edit_mode);
    std::filesystem::remove(path);
    std::filesystem::remove(path + ".bak");
}

TEST_CASE("edit mode refuses nothing to edit and outside edit mode a drag changes no file") {
    Headless h(ex::test::default_config());
    h.frame(2);
    CHECK(h.app.editor->doc == nullptr);
    ex::app_edit_card_moved(h.app, 0);  // not editing: ignored
    CHECK(h.app.editor->doc == nullptr);
    CHECK_FALSE(ex::app_undo(h.app));
    CHECK_FALSE(ex::app_save(h.app));
}

TEST_CASE("edit mode speaks the reading language") {
    ex::AppConfig config = ex::test::default_config();
    config.lang = "zh";
    Headless h(config);
    h.frame(2);
    h.app.content_bytes = "{";  // not JSON: the editor refuses it and says why
    h.app.content_path.clear();
    CHECK_FALSE(ex::app_open_editor(h.app));
    CHECK(h.app.status.rfind("无法编辑此内容：", 0) == 0);
    h.app.reading.lang = "en";
    CHECK_FALSE(ex::app_open_editor(h.app));
    CHECK(h.app.status.rfind("This content cannot be edited: ", 0) == 0);
}

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Another editor saving the file: node 0 gets `title`.
std::string save_from_outside(const std::string& path, const std::string& title) {
    nlohmann::ordered_json d = nlohmann::ordered_json::parse(slurp(path));
    d["nodes"][0]["title"] = title;
    const std::string text = d.dump(2) + "\n";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return text;
}

}  // namespace

TEST_CASE("edit mode: a change made on disk is followed or kept, never overwritten; a drag does not undo it") {
    const std::string path = (std::filesystem::temp_directory_path() / "explainer-edit-outside.json").string();
    std::filesystem::copy_file(std::string(EXPLAINER_SOURCE_DIR) + "/tests/fixtures/good/complete.json", path,
                               std::filesystem::copy_options::overwrite_existing);
    for (const char* extra : {".bak", ".mine", ".mine-2"}) std::filesystem::remove(path + extra);
    ex::AppConfig config = ex::test::default_config();
    config.content_path = path;
    config.content_label = "outside.json";
    Headless h(config);
    h.frame(2);
    REQUIRE(ex::app_open_editor(h.app));
    h.frame();
    auto title0 = [&] { return h.app.content->nodes[0].title.get(); };

    // Nothing unsaved: the editor takes the new version (what the desktop's file watch calls on a change).
    save_from_outside(path, "Changed outside");
    CHECK(ex::app_reload_file(h.app, path, "outside.json"));
    CHECK(title0() == "Changed outside");
    CHECK_FALSE(h.app.editor->doc->modified());
    CHECK(h.app.status.find("changed on disk; the editor now shows that version") != std::string::npos);
    ex::app_edit_card_moved(h.app, 1);  // a drag after the outside save keeps its text
    CHECK(title0() == "Changed outside");
    REQUIRE(ex::app_save(h.app));
    CHECK(slurp(path).find("\"Changed outside\"") != std::string::npos);
    CHECK(ex::app_reload_file(h.app, path, "outside.json"));  // our own save coming back changes nothing
    CHECK(title0() == "Changed outside");

    // Unsaved edits, then another save on disk: the edits stay, Save refuses and keeps both versions.
    ex::app_edit_card_moved(h.app, 2);
    REQUIRE(h.app.editor->doc->modified());
    const std::string theirs = save_from_outside(path, "Second outside change");
    CHECK_FALSE(ex::app_reload_file(h.app, path, "outside.json"));
    CHECK(h.app.editor->edit_disk_changed);
    CHECK(title0() == "Changed outside");  // the map keeps showing what the editor will save
    CHECK(h.app.status.find("changed on disk while you have unsaved edits") != std::string::npos);
    h.frame();  // the notice and its two choices are drawn
    const std::string mine = h.app.editor->doc->serialize();
    CHECK_FALSE(ex::app_save(h.app));
    CHECK(slurp(path) == theirs);
    CHECK(slurp(path + ".mine") == mine);
    CHECK(h.app.status ==
          "outside.json changed on disk, so it was not overwritten. Your version is saved as "
          "explainer-edit-outside.json.mine.");
    CHECK_FALSE(ex::app_save(h.app));  // a second Save overwrites nothing either
    CHECK(slurp(path) == theirs);
    h.frame();

    // The author takes the file's version: theirs on screen, theirs in the editor, ours still in FILE.mine.
    REQUIRE(ex::app_edit_use_file(h.app));
    CHECK(title0() == "Second outside change");
    CHECK_FALSE(h.app.editor->doc->modified());
    CHECK_FALSE(h.app.editor->edit_disk_changed);
    CHECK(slurp(path + ".mine") == mine);

    // Taking the file's version straight away (no Save first) still keeps the edits, beside the first copy.
    ex::app_edit_card_moved(h.app, 2);
    const std::string mine2 = h.app.editor->doc->serialize();
    save_from_outside(path, "Fourth outside change");
    CHECK_FALSE(ex::app_reload_file(h.app, path, "outside.json"));
    REQUIRE(ex::app_edit_use_file(h.app));
    CHECK(title0() == "Fourth outside change");
    CHECK(slurp(path + ".mine-2") == mine2);
    CHECK(slurp(path + ".mine") == mine);
    CHECK(h.app.status == "Opened the file's version; yours is in explainer-edit-outside.json.mine-2");

    // Or keeps theirs as the backup and saves over it.
    ex::app_edit_card_moved(h.app, 2);
    save_from_outside(path, "Third outside change");
    CHECK_FALSE(ex::app_reload_file(h.app, path, "outside.json"));
    const std::string third = slurp(path);
    REQUIRE(ex::app_edit_overwrite(h.app));
    CHECK(slurp(path + ".bak") == third);
    CHECK(slurp(path) == h.app.editor->doc->serialize());
    CHECK_FALSE(h.app.editor->edit_disk_changed);
    ex::app_close_editor(h.app);
    for (const char* extra : {"", ".bak", ".mine", ".mine-2"}) std::filesystem::remove(path + extra);
}
