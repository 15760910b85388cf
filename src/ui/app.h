// app.h — the one seam between a platform runner and the explainer's UI, and the explicit context it draws from.
//
// A runner creates the window, the ImGui context and its backends, then calls app_init once, app_frame once per
// drawn frame (between ImGui::NewFrame and ImGui::Render) and app_shutdown at the end. Everything the UI knows lives
// in AppContext, passed explicitly; nothing is global. Actions (select, fly, tour...) are plain functions on it, so
// the canvas, the panels, the keyboard and the web bridge all change state the same way.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/content.h"
#include "core/content_doc.h"
#include "core/fold.h"
#include "core/font_files.h"
#include "core/layout.h"
#include "core/navigation.h"
#include "core/problem.h"
#include "core/search.h"
#include "core/strings.h"
#include "core/viewport.h"
#include "ui/canvas_cache.h"
#include "ui/theme.h"

namespace ex {

// The UI's one channel to the platform (desktop, web page, headless tests). Every hook is optional: an empty one
// means the platform has none, and the UI does without (font files, Save to the file on disk, ImGui's own clipboard
// and shell, the status line only, no slot in the top bar). The platform fills them before app_init.
struct PlatformHooks {
    std::function<ImFont*(bool bold)> font;  // fonts the platform draws (the browser's) instead of font files
    // Saving where there is no file to write (the web: a download); false when it could not start.
    std::function<bool(const std::string& text, const std::string& file_name)> download;
    std::function<bool(const std::string& url)> open_url;        // a link the reader followed; false: refused
    std::function<void(const std::string& text)> set_clipboard;  // copies, and ImGui's text boxes
    std::function<const char*()> get_clipboard;                  // the platform keeps the text until the next call
    std::function<void(const std::string& message)> notify;      // a notice beyond the status line (the page's toast)
    // Tab went past the last (+1) or first (-1) card (AppConfig::tab_leaves): the focus goes to the platform.
    std::function<void(int direction)> focus_leave;
    std::function<void()> first_frame;  // the first frame that shows the content in place (the fit settled)
    // The size of the platform's own buttons over the app (the web page's toolbar): the top bar keeps a slot for
    // them, so they never cover its text. Asked every frame; zero: none.
    std::function<ImVec2()> page_covers;
};

struct AppConfig {
    std::string content_path;                // file loaded at start (unless `content` is given)
    std::shared_ptr<const Content> content;  // already loaded content (the desktop checks the file first)
    std::string content_label;               // how messages name it ("article.json")
    std::string font_dir;                    // the desktop fonts' folder (core/font_files.h names the files)
    std::vector<FontFile> fallback_regular, fallback_bold;  // merged after those, for characters they lack
    std::string lang = "en";                                // at start: the reader may switch (AppContext::reading)
    std::string theme = "light";                            // light | dark, at start
    std::string select;                                     // node id selected at start
    float ui_scale = 1.0f;    // panels and text; the desktop passes the monitor's content scale
    bool embed = false;       // inside an iframe: the map and the detail panel only
    bool tab_leaves = false;  // Tab past the last card leaves the map (a web page has more to reach)
    bool authoring = true;    // Edit (and the page's Open file…) shown: always on the desktop; the
                              // web turns it on with ?edit=1, so readers get a reading toolbar
    PlatformHooks hooks;
};

// A named rectangle of the UI in ImGui coordinates (CSS pixels on the web), reported by state() for tests.
struct UiRect {
    std::string name;
    Rect rect;
};

// [SECTION] State — what the map shows, what the reader does, what the author edits -----------------------------------

// The map: the layout on screen, the camera, and what the pointer is doing to it (ui/canvas_view.cpp draws it).
struct MapState {
    Layout layout;                  // what is drawn (mid-animation: between two layouts)
    Layout layout_target;           // where the last relayout put everything
    std::vector<Rect> layout_from;  // cards as they were when it started
    double relayout_start = -1;     // < 0: no card is moving
    unsigned layout_version = 0;    // counts relayouts (caches rebuild)
    FoldTree folds;                 // parts and their wholes (core/fold.h)
    std::vector<char> unfolded;     // by node: its parts are shown
    int laid_out_columns = 0;       // the view's shape the lanes were laid out for: columns
    float laid_out_aspect = 0;      // (portrait) or width / height (landscape); 0 = not yet
    std::vector<float> title_px;    // by node: the title's size as last drawn (0: not drawn)
    std::vector<char> title_cut;    // by node: some of the title was not drawn
    int fold_hover = -1;            // card whose fold control is under the pointer
    std::vector<Rect> edge_labels;  // edge labels drawn last frame (ImGui coordinates), for state()
    Viewport view;                  // screen space = ImGui coordinates inside the canvas rect
    ImVec2 canvas_origin;           // top-left of the canvas in ImGui coordinates
    CameraAnimation flight;
    bool needs_fit = true;     // fit the map once the canvas size is known
    std::vector<Rect> covers;  // panels over the map last frame (screen space), which Fit avoids
    Camera fitted;             // the camera the first fit chose; while the camera is still there,
    int fit_settle = 0;        // it is fitted again for this many frames, as the panels get sizes
    int hovered = -1;          // node under the pointer
    int hovered_edge = -1;
    int dragging = -1;        // node being dragged
    bool drag_moved = false;  // the card under the pointer was dragged, not clicked
    int focused = -1;         // keyboard cursor (Tab / arrows); Enter selects it
    bool pinched = false;     // a two-finger gesture ran: the finger's release is no click
    std::vector<int> order;   // reading order for Tab
    CanvasCache cache;        // derived from content and layout once, not every frame
    CanvasScratch scratch;    // per-frame buffers the canvas reuses
};

// The reader: what is selected, searched, filtered, toured and expanded, and the language and theme they picked.
struct ReadingState {
    std::string lang = "en";
    std::string theme = "light";  // light | dark
    int selected = -1;
    History history;
    SearchIndex search;
    std::string search_query;
    std::vector<int> search_results;
    bool focus_search = false;        // '/' pressed: focus the box next frame
    bool search_fresh_focus = false;  // the box was just focused by '/': keep what is typed next
    unsigned long long search_focus_frame = 0;
    std::string pending_search;         // typed between '/' and the box taking the focus
    int search_cursor = 0;              // the result ArrowUp/Down marks in the list; Enter opens it
    bool search_folded = false;         // a result was opened: the list folds to one line until typed again
    bool search_cursor_moved = false;   // scroll the list to the marked result
    std::vector<bool> hidden_category;  // by category index
    TourState tour;
    bool show_help = false;
    bool legend_open = false;                // narrow screens: the legend starts folded
    std::vector<std::string> open_passages;  // citation passages the reader expanded
    int detail_shown = -1;                   // the card the detail panel showed last frame (a new one opens at the top)
};

// The author's edit mode: private to ui/editor.cpp (ui/editor_state.h), so the rest of the UI asks app_editing().
struct EditorState;
struct EditorStateFree {
    void operator()(EditorState* editor) const;
};

struct AppContext {
    AppConfig config;                        // as the runner gave it to app_init; read-only after that
    std::shared_ptr<const Content> content;  // the content on screen; a failed load never replaces it
    std::string content_label;
    std::string content_bytes;      // the file the content came from, for edit mode to open
    bool content_is_file = false;   // the content is what content_bytes load to (no edit adopted since)
    std::string content_path;       // where it lives on disk ("" on the web or when dropped)
    std::vector<Problem> problems;  // of the last load attempt
    ImFont* font_regular = nullptr;
    ImFont* font_bold = nullptr;
    Theme theme;                    // the colours of reading.theme
    unsigned long long frames = 0;  // frames actually drawn
    bool content_shown = false;
    double now = 0;                // ImGui time at this frame
    std::vector<UiRect> ui_rects;  // panels and their key controls last frame (state()["ui"])
    std::string status;            // one-line feedback ("Copied", ...), until status_until
    double status_until = 0;

    MapState map;
    ReadingState reading;
    std::unique_ptr<EditorState, EditorStateFree> editor;  // made by app_init

    Rect page_toolbar_slot;  // the slot kept for the page's buttons (hooks.page_covers; w = 0: none)
};

// A UI string in the reading language.
inline const char* tr(const AppContext& app, Str key) { return tr(app.reading.lang, key); }

bool app_init(AppContext& app, const AppConfig& config);
void app_frame(AppContext& app);
void app_shutdown(AppContext& app);
// 0 = wants a frame now, > 0 = seconds until it wants one (tooltips), < 0 = idle until input.
double app_wake_in(const AppContext& app);
// The last frame was provisional (the map is still being fitted around the panels): run another pass before
// showing one.
bool app_settling(const AppContext& app);
ImVec4 app_clear_colour(const AppContext& app);

// Loads content; on success it replaces what is shown (keeping the selection when the node still exists), on failure
// it keeps it. Problems are stored in app.problems either way (warnings only on success).
bool app_load(AppContext& app, std::string_view bytes, const std::string& label);
bool app_load_file(AppContext& app, const std::string& path, const std::string& label);
// The same article saved again (live preview): like app_load_file, but keeps the camera, history and filters.
bool app_reload_file(AppContext& app, const std::string& path, const std::string& label);
// Replaces the content with an edited version of the same article, keeping the reader's place.
void app_update_content(AppContext& app, std::shared_ptr<const Content> content, const std::string& label);

// [SECTION] Actions — shared by the canvas, panels, keyboard and the web bridge --------------------------------------
bool app_select(AppContext& app, const std::string& id, bool record_history = true);  // "" clears; false if unknown
void app_select_index(AppContext& app, int node, bool record_history = true);
void app_clear_selection(AppContext& app);  // nothing selected; the camera and history stay
void app_show_status(AppContext& app, std::string message, double seconds = 2.0);  // the one-line feedback
void app_copy_node_text(AppContext& app, int node);  // the card as plain text to the clipboard, and "Copied"
void app_back(AppContext& app);
void app_forward(AppContext& app);
void app_fly_to(AppContext& app, int node);  // eases the camera to show the node
void app_fit(AppContext& app, bool animate);
// Folding (core/fold.h): unfold or fold a card's parts, or every card's. Any action that points at a folded card
// (select, search, tours, deep links, history, keys) unfolds its wholes first. The map moves the cards there.
void app_set_unfolded(AppContext& app, int node, bool unfolded);
void app_unfold_all(AppContext& app, bool unfold);
bool app_reveal(AppContext& app, int node);  // unfolds what hides `node`; true if anything changed
// Lays the map out again for the current folds and view shape; `animate` moves the cards from where they are.
void app_relayout(AppContext& app, bool animate);
// The view's shape as the lanes layout sees it: upright views read top to bottom in `columns` (> 0), wide ones in
// columns wrapped towards `aspect`.
struct LaneShape {
    int columns = 0;
    float aspect = 0;
};
LaneShape lane_shape(Vec2 view);
// Where a card ends up (the target of a running move).
Rect app_card_rect(const AppContext& app, int node);
void app_step_relayout(AppContext& app);  // per frame: moves the cards along
// The canvas calls this once it knows the view's size: the lanes follow the view's shape, and the first fit is
// redone for a few frames while the panels around it get their sizes (unless the reader moved the map meanwhile).
void app_follow_view(AppContext& app);
// The camera, by the reader's hand: each stops a running flight.
void app_pan(AppContext& app, Vec2 screen_delta);
void app_zoom_at(AppContext& app, Vec2 screen_pivot, float factor);
void app_center_on(AppContext& app, Vec2 canvas_point);
void app_zoom(AppContext& app, float factor);  // around the canvas centre
// Two-finger gesture: pan by `pan` screen pixels, then zoom by `factor` around `pivot` (ImGui coordinates).
void app_pinch(AppContext& app, ImVec2 pivot, float factor, ImVec2 pan);
void app_set_search(AppContext& app, const std::string& query);
void app_toggle_category(AppContext& app, int category);
bool app_start_tour(AppContext& app, const std::string& id);  // "" = the first tour
void app_tour_step(AppContext& app, int delta);
void app_stop_tour(AppContext& app);
void app_set_theme(AppContext& app, bool dark);
void app_set_lang(AppContext& app, const std::string& lang);           // text, search and UI strings switch together
bool app_node_visible(const AppContext& app, int node);                // not filtered out by the legend
std::string app_node_text(const AppContext& app, int node);            // plain text of a node, for the clipboard
const std::string& app_text(const AppContext& app, const Text& text);  // in the reader's language

// The state the web test hook and headless tests read (see README "Test hook").
nlohmann::json app_state(const AppContext& app);

// Edit mode (ui/editor.cpp).
bool app_editing(const AppContext& app);        // edit mode is on (with its document)
bool app_edit_modified(const AppContext& app);  // ...and it has unsaved edits
bool app_open_editor(AppContext& app);          // false (with a status message) when the content has no source
void app_close_editor(AppContext& app);
void app_edit_card_moved(AppContext& app, int node);  // a card was dragged in edit mode: keep its position
bool app_undo(AppContext& app);
bool app_redo(AppContext& app);
bool app_save(AppContext& app);
// The watched file changed on disk (`bytes`) while edit mode is on: with nothing unsaved the editor takes the new
// version; with unsaved edits it keeps them and says so (Save then keeps both). True when the map shows `bytes`.
bool app_edit_file_changed(AppContext& app, const std::string& bytes);
bool app_edit_use_file(AppContext& app);   // drop the edits for the file's version (they go to FILE.mine)
bool app_edit_overwrite(AppContext& app);  // save over an outside change (it goes to FILE.bak)

// The platform's side (ui/hooks.cpp). A notice goes to the status line and to hooks.notify; a link goes to
// hooks.open_url, and one refused (or with no way to open it) is told to the reader; false then.
void app_notify(AppContext& app, const std::string& message);
bool app_open_url(AppContext& app, const std::string& url);
void install_platform_hooks(AppContext& app);  // app_init: ImGui's clipboard and shell go through the hooks

// The part of the view (screen space) that the panels leave free to show the selected card: left of the detail
// panel, or between the title bar and the phone's bottom sheet, above a running tour's card (ui/panels.cpp).
Rect app_reading_area(const AppContext& app);

// Parts of a frame, in ui/*.cpp.
void draw_editor(AppContext& app);
// Notes the last ImGui item under `name` for state()["ui"], so tests can press it with real input (ui/panels.cpp).
void note_item(AppContext& app, std::string name);
void draw_canvas(AppContext& app);
void draw_panels(AppContext& app);
void handle_shortcuts(AppContext& app);

}  // namespace ex
