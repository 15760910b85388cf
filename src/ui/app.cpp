// app.cpp — app lifecycle (fonts, theme, loading), the frame entry point, the actions and the state snapshot.
//
// Index
//   [SECTION] Lifecycle
//   [SECTION] Loading
//   [SECTION] Actions
//   [SECTION] State snapshot
#include "ui/app.h"
#include "ui/editor_state.h"  // app_init makes it; only the editor reads it

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/file_io.h"
#include "core/font_files.h"
#include "core/load.h"
#include "ui/text.h"

namespace ex {

// [SECTION] Lifecycle -----------------------------------------------------------------------------------------------

// The Latin fonts, each with the whole Simplified Chinese face merged in (core/font_files.h), then the platform's
// fallback faces. The files are mapped, not read, and 1.92 rasterises glyphs on demand with no glyph ranges, so
// start-up reads only the tables and glyphs it uses. Any file may be missing; the app then draws what it has (boxes
// for the rest).
static void load_fonts(AppContext& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (app.config.hooks.font) {
        app.font_regular = app.config.hooks.font(false);
        app.font_bold = app.config.hooks.font(true);
        if (!app.font_bold) app.font_bold = app.font_regular;
        if (app.font_regular) {
            io.FontDefault = app.font_regular;
            return;
        }
    }
    auto add = [&](const auto& faces, const std::vector<FontFile>& fallback) -> ImFont* {
        std::vector<FontFile> files;
        for (const FontFace& face : faces) files.push_back({app.config.font_dir + "/" + face.file, face.index});
        files.insert(files.end(), fallback.begin(), fallback.end());
        ImFont* font = nullptr;
        for (const FontFile& file : files) {
            const std::string_view bytes = map_font_file(file.path);
            // Checked first: Dear ImGui frees a font it fails to open, which must not happen to a mapping.
            if (!font_face_opens(bytes, file.index)) continue;
            ImFontConfig cfg;
            cfg.OversampleH = 1;  // glyphs are rasterised at size × framebuffer scale; oversampling costs memory
            cfg.FontNo = file.index;
            cfg.MergeMode = font != nullptr;  // into the font's first face
            // "Owned" so that AddFont does not copy the 20 MB (1.92.2b copies data it does not own), then disowned so
            // that the atlas never frees the mapping (it checks the flag only when it destroys the source).
            cfg.FontDataOwnedByAtlas = true;
            ImFont* added =
                io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), (int)bytes.size(), 0.0f, &cfg);
            if (added) io.Fonts->Sources.back().FontDataOwnedByAtlas = false;
            if (!font) font = added;
        }
        return font;
    };
    app.font_regular = add(kRegularFaces, app.config.fallback_regular);
    if (!app.font_regular) app.font_regular = io.Fonts->AddFontDefault();  // keeps the app usable without assets
    app.font_bold = add(kBoldFaces, app.config.fallback_bold);
    if (!app.font_bold) app.font_bold = app.font_regular;
    io.FontDefault = app.font_regular;
}

static void adopt(AppContext& app, std::shared_ptr<const Content> content, const std::string& label, bool update);

// Tab follows the story: the first tour's cards in its order (the article's own telling), then every other card in
// the layout's reading order; cards folded into their whole are not on the map to visit.
static std::vector<int> story_order(const Content& c, const Layout& layout) {
    std::vector<int> order;
    std::vector<char> taken(c.nodes.size(), 0);  // a find per card would be quadratic on a big map
    if (!c.tours.empty())
        for (const TourStep& step : c.tours[0].steps)
            if (step.node_index >= 0 && step.node_index < (int)taken.size() && !taken[step.node_index] &&
                (step.node_index >= (int)layout.shown_as.size() ||
                 layout.shown_as[step.node_index] == step.node_index)) {  // a folded part is read as its whole
                order.push_back(step.node_index);
                taken[step.node_index] = 1;
            }
    for (int n : reading_order(c, layout))
        if (!taken[n]) {
            order.push_back(n);
            taken[n] = 1;
        }
    return order;
}

bool app_init(AppContext& app, const AppConfig& config) {
    app.config = config;
    app.reading.lang = config.lang;
    app.editor.reset(new EditorState());
    install_platform_hooks(app);
    load_fonts(app);
    app_set_theme(app, config.theme == "dark");
    const std::string label = config.content_label.empty() ? config.content_path : config.content_label;
    if (config.content) {
        adopt(app, config.content, label, false);
        app.content_path = config.content_path;
    } else if (!config.content_path.empty()) app_load_file(app, config.content_path, label);
    if (!config.select.empty()) app_select(app, config.select, true);
    return true;
}

void app_frame(AppContext& app) {
    app.now = ImGui::GetTime();
    if (app.map.flight.active) {
        app.map.view.cam = app.map.flight.at(app.now);
        if (app.map.flight.finished(app.now)) app.map.flight.active = false;
    }
    app_step_relayout(app);
    handle_shortcuts(app);
    draw_canvas(app);
    draw_panels(app);
    // The first frame that shows the content where it stays: after the fit has settled around the panels.
    if (app.content && !app.content_shown && !app.map.needs_fit && app.map.fit_settle == 0) {
        app.content_shown = true;
        if (app.config.hooks.first_frame) app.config.hooks.first_frame();
    }
    ++app.frames;
}

void app_shutdown(AppContext& app) { app.content.reset(); }

double app_wake_in(const AppContext& app) {
    if (app.map.flight.active || app.map.needs_fit || app.map.fit_settle > 0 || app.map.relayout_start >= 0) return 0.0;
    if (app.now < app.status_until) return app.status_until - app.now;
    return -1.0;
}

bool app_settling(const AppContext& app) { return app.content && (app.map.needs_fit || app.map.fit_settle > 0); }

ImVec4 app_clear_colour(const AppContext& app) { return ImGui::ColorConvertU32ToFloat4(app.theme.canvas_bg); }

void app_set_theme(AppContext& app, bool dark) {
    app.theme = make_theme(dark);
    app.reading.theme = dark ? "dark" : "light";
    apply_imgui_style(app.theme, app.config.ui_scale);
}

void app_set_lang(AppContext& app, const std::string& lang) {
    if (lang.empty() || lang == app.reading.lang) return;
    app.reading.lang = lang;
    if (app.content) {
        app.reading.search.build(*app.content, lang);
        app_set_search(app, app.reading.search_query);
        if (app.content->lanes.on) {  // cards are as tall as their titles in this language
            app_relayout(app, false);
            if (app.map.view.cam.zoom == app.map.fitted.zoom) app.map.needs_fit = true;
        }
    }
}

// [SECTION] Loading -------------------------------------------------------------------------------------------------

// Fresh content starts over (fit, empty history); an update of the same article (an edit, a saved file) keeps the
// reader's place: camera, history, filters and the selection when its node still exists.
static void adopt(AppContext& app, std::shared_ptr<const Content> content, const std::string& label, bool update) {
    const std::string keep =
        app.reading.selected >= 0 && app.content ? app.content->nodes[app.reading.selected].id : "";
    const size_t old_categories = app.reading.hidden_category.size();
    const std::shared_ptr<const Content> old_content = app.content;
    app.content = std::move(content);
    app.content_label = label;
    const Content& c = *app.content;
    std::vector<std::string> was_unfolded;  // an update keeps what the reader unfolded
    if (update)
        for (size_t i = 0; i < app.map.unfolded.size() && i < app.map.folds.whole.size(); ++i)
            if (app.map.unfolded[i] && old_content) was_unfolded.push_back(old_content->nodes[i].id);
    app.map.folds = build_fold_tree(c);
    app.map.unfolded.assign(c.nodes.size(), 0);
    for (const std::string& id : was_unfolded)
        if (int k = c.node_index(id); k >= 0) app.map.unfolded[k] = 1;
    app.map.relayout_start = -1;
    app_relayout(app, false);
    app.reading.search.build(c, app.reading.lang);
    app.reading.selected = app.map.focused = app.map.hovered = app.map.hovered_edge = app.map.dragging = -1;
    app.reading.open_passages.clear();
    if (!update || old_categories != c.categories.size())
        app.reading.hidden_category.assign(c.categories.size(), false);
    if (!update || app.reading.tour.tour >= (int)c.tours.size() ||
        (app.reading.tour.tour >= 0 && app.reading.tour.step >= (int)c.tours[app.reading.tour.tour].steps.size()))
        app.reading.tour = TourState{};
    if (!update) {
        app.reading.history = History{};
        app.map.needs_fit = true;
    }
    app_set_search(app, app.reading.search_query);
    if (!keep.empty()) app.reading.selected = app.map.focused = c.node_index(keep);
    if (app.reading.selected >= 0 && app_reveal(app, app.reading.selected)) app_relayout(app, false);
}

void app_update_content(AppContext& app, std::shared_ptr<const Content> content, const std::string& label) {
    if (!content) return;
    adopt(app, std::move(content), label, true);
    app.content_is_file = false;
}

bool app_load(AppContext& app, std::string_view bytes, const std::string& label) {
    LoadResult r = load_content(bytes, label);
    app.problems = r.problems;
    if (!r.ok()) return false;
    app_close_editor(app);
    adopt(app, r.content, label, false);
    app.content_bytes.assign(bytes.data(), bytes.size());
    app.content_is_file = true;
    app.content_path.clear();
    return true;
}

bool app_load_file(AppContext& app, const std::string& path, const std::string& label) {
    std::string bytes;
    const ReadStatus status = read_file(path, bytes, limits::kFileBytes);
    if (status != ReadStatus::Ok) {
        app.problems = {unreadable_problem(path, status, label)};
        return false;
    }
    if (!app_load(app, bytes, label)) return false;
    app.content_path = path;
    return true;
}

bool app_reload_file(AppContext& app, const std::string& path, const std::string& label) {
    std::string bytes;
    const ReadStatus status = read_file(path, bytes, limits::kFileBytes);
    if (status != ReadStatus::Ok) {  // the map stays
        app.problems = {unreadable_problem(path, status, label)};
        return false;
    }
    // While editing, the editor's document decides: replacing only the map would show one version and save another.
    if (app_editing(app)) return app_edit_file_changed(app, bytes);
    // A draft, so that a card saved while still waiting for its citation shows (with its problem listed).
    LoadResult r = load_content(bytes, label, LoadOptions{true});
    app.problems = r.problems;
    if (!r.content) return false;
    adopt(app, r.content, label, true);
    app.content_bytes = bytes;
    app.content_is_file = true;
    app.content_path = path;
    return true;
}

// [SECTION] Actions -------------------------------------------------------------------------------------------------

const std::string& app_text(const AppContext& app, const Text& text) {
    return text.get(app.reading.lang, app.content ? app.content->meta.language : "en");
}

bool app_node_visible(const AppContext& app, int node) {
    if (!app.content || node < 0 || node >= (int)app.content->nodes.size()) return false;
    const int cat = app.content->nodes[node].category_index;
    return cat < 0 || cat >= (int)app.reading.hidden_category.size() || !app.reading.hidden_category[cat];
}

// A running tour follows the reader to a card that is one of its steps (the nearest such step); any other card
// leaves the tour paused on its step, and the tour card offers the way back.
static void tour_follow(AppContext& app, int node) {
    if (app.reading.tour.tour < 0) return;
    const std::vector<TourStep>& steps = app.content->tours[app.reading.tour.tour].steps;
    int best = -1;
    for (int i = 0; i < (int)steps.size(); ++i)
        if (steps[i].node_index == node &&
            (best < 0 || std::abs(i - app.reading.tour.step) < std::abs(best - app.reading.tour.step)))
            best = i;
    if (best >= 0) app.reading.tour.step = best;
}

void app_select_index(AppContext& app, int node, bool record_history) {
    if (!app.content) return;
    if (node < 0 || node >= (int)app.content->nodes.size()) {
        app.reading.selected = -1;
        return;
    }
    app_reveal(app, node);
    tour_follow(app, node);
    app.reading.selected = app.map.focused = node;
    if (record_history) app.reading.history.visit(app.content->nodes[node].id);
    app.reading.open_passages.clear();
    app_fly_to(app, node);
}

bool app_select(AppContext& app, const std::string& id, bool record_history) {
    if (!app.content) return false;
    if (id.empty()) {
        app.reading.selected = -1;
        return true;
    }
    const int n = app.content->node_index(id);
    if (n < 0) return false;
    app_select_index(app, n, record_history);
    return true;
}

void app_back(AppContext& app) {
    if (!app.reading.history.can_back()) return;
    app_select(app, app.reading.history.back(), false);
}

void app_forward(AppContext& app) {
    if (!app.reading.history.can_forward()) return;
    app_select(app, app.reading.history.forward(), false);
}

static constexpr float kReadableCardPx = 120.0f;    // a card this wide on screen still shows its title at 11 px
static constexpr float kLanesReadableZoom = 0.75f;  // a lanes card's 16 px title is 12 px on screen

// The least zoom at which a card's title reads: what a selection, a tour step or a first view never goes below.
static float min_readable_zoom(const AppContext& app, const Rect& card) {
    return app.map.layout.lanes.empty() ? kReadableCardPx / std::max(card.w, 1.0f) : kLanesReadableZoom;
}

// Eases the camera so that `target` (canvas space) sits in the middle of the part of the view the panels leave
// free, at least at `zoom`, zoomed out further only as far as the whole target needs.
static void fly_to_rect(AppContext& app, Rect target, float zoom) {
    const Rect area = app_reading_area(app);
    const float margin = std::min(24.0f, area.w * 0.025f);  // a phone's two columns of cards fit readable
    const float fit =
        std::min((area.w - 2 * margin) / std::max(target.w, 1.0f), (area.h - 2 * margin) / std::max(target.h, 1.0f));
    Camera to = app.map.view.cam;
    to.zoom = clamp_zoom(std::min(zoom, std::max(fit, kMinZoom)));
    // The target's centre goes to the area's centre: offset from the view's centre by the difference.
    const Vec2 shift((area.x + area.w * 0.5f - app.map.view.size.x * 0.5f) / to.zoom,
                     (area.y + area.h * 0.5f - app.map.view.size.y * 0.5f) / to.zoom);
    to.center = Vec2(target.center().x - shift.x, target.center().y - shift.y);
    app.map.flight = animate_camera(app.map.view.cam, to, app.now, 0.45);
}

static std::vector<int> caption_cards(const AppContext& app, const TourStep& step);

void app_fly_to(AppContext& app, int node) {
    if (node < 0 || node >= (int)app.map.layout.cards.size() || app.map.view.size.x <= 0) return;
    const Rect card = app_card_rect(app, node);
    // Zoom in far enough to read the card, but never zoom out just because a node was chosen.
    const float readable = std::max(
        {app.map.view.cam.zoom, min_readable_zoom(app, card), std::min(1.0f, app.map.view.size.x / (card.w * 3.0f))});
    fly_to_rect(app, card, readable);
    // A tour step's card comes with the cards its caption names, when they fit at a zoom where titles still read.
    if (app.reading.tour.tour < 0 ||
        app.content->tours[app.reading.tour.tour].steps[app.reading.tour.step].node_index != node)
        return;
    const std::vector<int> named =
        caption_cards(app, app.content->tours[app.reading.tour.tour].steps[app.reading.tour.step]);
    if (named.size() < 2) return;
    // Nearest first, each while the frame still reads (a phone fits fewer than a laptop): the named cards that do
    // not fit are the ones the reader is furthest from, and the step's own card is always in.
    std::vector<int> rest(named.begin() + 1, named.end());
    const Vec2 at = card.center();
    std::stable_sort(rest.begin(), rest.end(), [&](int a, int b) {
        const Vec2 da = app_card_rect(app, a).center() - at, db = app_card_rect(app, b).center() - at;
        return da.x * da.x + da.y * da.y < db.x * db.x + db.y * db.y;
    });
    Bounds frame;
    frame.add(card);
    CameraAnimation best = app.map.flight;
    for (int n : rest) {
        Bounds wider = frame;
        wider.add(app_card_rect(app, n));
        fly_to_rect(app, wider.result(), readable);
        if (app.map.flight.to.zoom < min_readable_zoom(app, card)) continue;  // too far: it would shrink the titles
        frame = wider;
        best = app.map.flight;
    }
    app.map.flight = best;
}

void app_fit(AppContext& app, bool animate) {
    if (!app.content || app.map.view.size.x <= 0) return;
    // What the legend shows: cards of hidden categories (and folded parts) neither count for the frame nor need to
    // stay clear. Clear of the panels over the map (title bar with the page's buttons in it, legend, minimap,
    // detail): none of them hides a card.
    const std::vector<Rect>& covers = app.map.covers;
    const Layout& l = app.map.relayout_start >= 0 ? app.map.layout_target : app.map.layout;
    const bool filtered = std::find(app.reading.hidden_category.begin(), app.reading.hidden_category.end(), true) !=
                          app.reading.hidden_category.end();
    std::vector<Rect> cards;
    Bounds shown;
    for (size_t i = 0; i < l.cards.size(); ++i)
        if ((!filtered || app_node_visible(app, (int)i)) && (i >= l.shown_as.size() || l.shown_as[i] == (int)i)) {
            cards.push_back(l.cards[i]);
            shown.add(l.cards[i]);
        }
    if (cards.empty()) return;  // everything hidden: nothing to frame
    const Rect bounds = filtered ? shown.result() : l.bounds;
    Camera to;
    if (!l.lanes.empty() && !l.left_to_right) {
        // A phone reads the lanes top to bottom: the map's width fills the screen and the story starts at the top,
        // below the panels there; the reader scrolls on.
        float top = 0;
        for (const Rect& r : covers)
            if (r.y < app.map.view.size.y * 0.4f && r.bottom() < app.map.view.size.y * 0.6f)
                top = std::max(top, r.bottom());
        const float margin = 10.0f;
        to.zoom = clamp_zoom(std::min(1.6f, (app.map.view.size.x - 2 * margin) / std::max(1.0f, bounds.w)));
        to.center.x = bounds.center().x;
        to.center.y = bounds.y + (app.map.view.size.y * 0.5f - top - margin) / to.zoom;
    } else {
        // Lane headers are read like cards: none may sit under a panel either.
        std::vector<Rect> readable = cards;
        for (const LaneBox& lane : l.lanes) readable.push_back({lane.box.x, lane.box.y, lane.box.w, 30.0f});
        to = app.map.view.fit_clear_of(bounds, 24.0f, covers, readable);
        // Lanes: titles stay readable (12 px at least); a map that does not fit then starts at its beginning (top
        // left, below the title bar) and the reader pans on.
        if (!l.lanes.empty() && to.zoom >= kLanesReadableZoom) {
            // Lanes read from the top like a page: the map moves up to just below the panels above it.
            Viewport v = app.map.view;
            v.cam = to;
            const Rect map = v.canvas_to_screen(bounds);
            float top = 0;
            for (const Rect& r : covers)
                if (r.y < map.y && r.right() > map.x && r.x < map.right() && r.bottom() < map.y)
                    top = std::max(top, r.bottom());
            const float lift = map.y - (top + 12.0f);
            if (lift > 0) to.center.y += lift / to.zoom;
        }
        if (!l.lanes.empty() && to.zoom < kLanesReadableZoom) {
            float top = 0;
            for (const Rect& r : covers)
                if (r.y < app.map.view.size.y * 0.3f && r.x < app.map.view.size.x * 0.5f)
                    top = std::max(top, r.bottom());
            to.zoom = kLanesReadableZoom;
            to.center.x = bounds.x + (app.map.view.size.x * 0.5f - 16.0f) / to.zoom;
            to.center.y = bounds.y + (app.map.view.size.y * 0.5f - top - 8.0f) / to.zoom;
        }
    }
    if (animate) app.map.flight = animate_camera(app.map.view.cam, to, app.now, 0.4);
    else app.map.view.cam = to;
}

// [SECTION] Folding and relayout ------------------------------------------------------------------------------------

namespace {
// Lanes cards: a fixed width, as tall as their whole title (no ellipsis), plus the fold control's row.
constexpr float kCardWidth = 224, kTitleSize = 16, kCardPadTop = 9, kCardPadBottom = 10, kFoldRow = 24;
constexpr float kTextInset = 26;  // accent bar and padding, at zoom 1 (canvas_view.cpp)
}  // namespace

LaneShape lane_shape(Vec2 view) {
    LaneShape s;
    if (view.y > view.x) {
        // Upright (a phone, a tall window): lanes become rows, as many cards across as fit at a readable zoom.
        s.columns = std::clamp((int)((view.x / 0.8f - 20.0f + 12.0f) / (kCardWidth + 12.0f)), 1, 4);
        return s;
    }
    s.aspect = view.x / std::max(1.0f, view.y - 110.0f);  // the title bar takes the top
    return s;
}

Rect app_card_rect(const AppContext& app, int node) {
    const Layout& l = app.map.relayout_start >= 0 ? app.map.layout_target : app.map.layout;
    return node >= 0 && node < (int)l.cards.size() ? l.cards[node] : Rect{};
}

void app_relayout(AppContext& app, bool animate) {
    if (!app.content) return;
    const Content& c = *app.content;
    LayoutOptions o;
    if (c.lanes.on) {
        const LaneShape shape = lane_shape(app.map.view.size.x > 1 ? app.map.view.size : Vec2(1280, 720));
        const bool portrait = shape.columns > 0;
        o.left_to_right = !portrait;
        o.card_width = kCardWidth;
        o.node_gap = portrait ? 12.0f : 14.0f;
        o.lane_gap = portrait ? 30.0f : 72.0f;
        o.lane_header = 40.0f;
        o.lane_columns = std::max(1, shape.columns);
        o.aspect = portrait ? 1.0f : shape.aspect;
        app.map.laid_out_columns = shape.columns;
        app.map.laid_out_aspect = shape.aspect;
        ImFont* font = app.font_bold;
        o.card_height_of = [&app, &c, font](int node, float width) {
            // Measured a little narrower than drawn, so a title rounded up a pixel at some zoom still fits.
            const float text_w = (width - kTextInset) * 0.95f;
            const int lines =
                font ? count_wrapped_lines(font, kTitleSize, app_text(app, c.nodes[node].title), text_w) : 2;
            const bool parts = node < (int)app.map.folds.parts.size() && !app.map.folds.parts[node].empty();
            return kCardPadTop + std::max(1, lines) * kTitleSize * 1.2f + kCardPadBottom + (parts ? kFoldRow : 0.0f);
        };
    }
    const std::vector<Rect> from = app.map.layout.cards;
    app.map.layout_target = lay_out_folded(c, app.map.folds, app.map.unfolded, o);
    ++app.map.layout_version;
    app.map.order = story_order(c, app.map.layout_target);
    app.map.title_px.assign(c.nodes.size(), 0.0f);
    app.map.title_cut.assign(c.nodes.size(), 0);
    if (animate && from.size() == app.map.layout_target.cards.size() && app.map.view.size.x > 1) {
        app.map.layout_from = from;
        app.map.relayout_start = app.now;
        app.map.layout = app.map.layout_target;
        app.map.layout.cards = from;
    } else {
        app.map.relayout_start = -1;
        app.map.layout = app.map.layout_target;
    }
}

// Eases the cards from where they were to where the last relayout put them; the edges wait for the end.
void app_step_relayout(AppContext& app) {
    if (app.map.relayout_start < 0) return;
    const double kDuration = 0.35;
    const float t = (float)std::clamp((app.now - app.map.relayout_start) / kDuration, 0.0, 1.0);
    if (t >= 1.0f) {
        app.map.layout = app.map.layout_target;
        app.map.relayout_start = -1;
        return;
    }
    const float e = t * t * (3 - 2 * t);
    for (size_t i = 0; i < app.map.layout.cards.size(); ++i) {
        const Rect& a = app.map.layout_from[i];
        const Rect& b = app.map.layout_target.cards[i];
        app.map.layout.cards[i] = {a.x + (b.x - a.x) * e, a.y + (b.y - a.y) * e, a.w + (b.w - a.w) * e,
                                   a.h + (b.h - a.h) * e};
    }
}

bool app_reveal(AppContext& app, int node) {
    if (!app.content || !unfold_to(app.map.folds, node, app.map.unfolded)) return false;
    app_relayout(app, true);
    return true;
}

// After folding: a selection that folded away goes to the card that now holds it; then the cards move.
static void refold(AppContext& app) {
    if (app.reading.selected >= 0) {
        const std::vector<int> rep = representatives(app.map.folds, shown_cards(app.map.folds, app.map.unfolded));
        if (rep[app.reading.selected] != app.reading.selected)
            app.reading.selected = app.map.focused = rep[app.reading.selected];
    }
    app_relayout(app, true);
}

void app_set_unfolded(AppContext& app, int node, bool unfolded) {
    if (!app.content || node < 0 || node >= (int)app.map.unfolded.size() || app.map.folds.parts[node].empty()) return;
    if ((bool)app.map.unfolded[node] == unfolded) return;
    app.map.unfolded[node] = unfolded;
    refold(app);
}

void app_unfold_all(AppContext& app, bool unfold) {
    if (!app.content) return;
    bool changed = false;
    for (size_t i = 0; i < app.map.unfolded.size(); ++i)
        if (!app.map.folds.parts[i].empty() && (bool)app.map.unfolded[i] != unfold) {
            app.map.unfolded[i] = unfold;
            changed = true;
        }
    if (changed) refold(app);
}

void app_follow_view(AppContext& app) {
    if (!app.content || app.map.view.size.x <= 1) return;
    if (app.content->lanes.on) {
        // Lanes follow the view's shape: rows on a phone held upright, columns wrapped to the screen's proportions.
        const LaneShape shape = lane_shape(app.map.view.size);
        const bool changed = shape.columns > 0 ? app.map.laid_out_columns != shape.columns
                                               : app.map.laid_out_columns != 0 ||
                                                     std::fabs(shape.aspect / app.map.laid_out_aspect - 1) > 0.12f;
        if (changed) {
            app_relayout(app, false);
            app.map.needs_fit = true;
        }
    }
    MapState& m = app.map;
    if (m.needs_fit) {
        app_fit(app, false);
        m.needs_fit = false;
        m.fitted = m.view.cam;
        m.fit_settle = 2;  // panels are drawn after the map, and auto-sized ones get their size a frame later
        if (app.reading.selected >= 0)
            app_fly_to(app, app.reading.selected);  // chosen before the canvas had a size (deep link)
    } else if (m.fit_settle > 0) {
        --m.fit_settle;
        const bool untouched = !m.flight.active && m.view.cam.center.x == m.fitted.center.x &&
                               m.view.cam.center.y == m.fitted.center.y && m.view.cam.zoom == m.fitted.zoom;
        if (untouched) {
            app_fit(app, false);
            m.fitted = m.view.cam;
        } else {
            m.fit_settle = 0;  // the reader moved the map, or a deep link flies somewhere: leave it be
        }
    }
}

void app_pan(AppContext& app, Vec2 screen_delta) {
    app.map.flight.active = false;  // the reader's hand wins over a running flight
    app.map.view.pan_screen(screen_delta);
}

void app_zoom_at(AppContext& app, Vec2 screen_pivot, float factor) {
    app.map.flight.active = false;
    app.map.view.zoom_at(screen_pivot, factor);
}

void app_center_on(AppContext& app, Vec2 canvas_point) {
    app.map.flight.active = false;
    app.map.view.cam.center = canvas_point;
}

void app_zoom(AppContext& app, float factor) {
    app.map.flight.active = false;
    app.map.view.zoom_at(app.map.view.size * 0.5f, factor);
}

void app_pinch(AppContext& app, ImVec2 pivot, float factor, ImVec2 pan) {
    app.map.flight.active = false;
    app.map.pinched = true;
    app.map.view.pan_screen(Vec2(pan.x, pan.y));
    app.map.view.zoom_at(Vec2(pivot.x - app.map.canvas_origin.x, pivot.y - app.map.canvas_origin.y), factor);
}

void app_set_search(AppContext& app, const std::string& query) {
    if (query != app.reading.search_query) {  // a new query shows its list from the top
        app.reading.search_cursor = 0;
        app.reading.search_folded = false;
    }
    app.reading.search_query = query;
    app.reading.search_results.clear();
    if (!app.content || query.empty()) return;
    for (const SearchHit& h : app.reading.search.query(query, 50)) app.reading.search_results.push_back(h.node);
}

void app_toggle_category(AppContext& app, int category) {
    if (category < 0 || category >= (int)app.reading.hidden_category.size()) return;
    app.reading.hidden_category[category] = !app.reading.hidden_category[category];
    if (app.reading.selected >= 0 && !app_node_visible(app, app.reading.selected)) app.reading.selected = -1;
}

bool app_start_tour(AppContext& app, const std::string& id) {
    if (!app.content || app.content->tours.empty()) return false;
    const int t = id.empty() ? 0 : app.content->tour_index(id);
    if (t < 0) return false;
    app.reading.tour.tour = t;
    app.reading.tour.step = 0;
    app_tour_step(app, 0);
    return true;
}

// The words of a title that can name it in a caption: ASCII words of four letters or more (lower case, a plural
// "s" dropped) and each pair of adjacent non-ASCII characters (Chinese has no spaces; two characters make most words).
static std::vector<std::string> title_words(const std::string& title) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 4) out.push_back(word.back() == 's' ? word.substr(0, word.size() - 1) : word);
        word.clear();
    };
    std::vector<std::string> chars;  // the current run of non-ASCII characters
    auto flush_chars = [&] {
        for (size_t i = 0; i + 1 < chars.size(); ++i) out.push_back(chars[i] + chars[i + 1]);
        chars.clear();
    };
    for (size_t i = 0; i < title.size();) {
        const unsigned char ch = (unsigned char)title[i];
        if (ch < 0x80) {
            flush_chars();
            if (std::isalnum(ch)) word += (char)std::tolower(ch);
            else flush();
            ++i;
            continue;
        }
        flush();
        size_t len = 1;
        while (i + len < title.size() && ((unsigned char)title[i + len] & 0xC0) == 0x80) ++len;
        const std::string c = title.substr(i, len);
        // CJK punctuation (U+3000..U+303F, full-width forms U+FF00..U+FF0F, U+FF1A..U+FF20) ends a run.
        const bool punct = (len == 3 && ((unsigned char)title[i] == 0xE3 && (unsigned char)title[i + 1] == 0x80)) ||
                           (len == 3 && (unsigned char)title[i] == 0xEF && (unsigned char)title[i + 1] == 0xBC);
        if (punct) flush_chars();
        else chars.push_back(c);
        i += len;
    }
    flush();
    flush_chars();
    return out;
}

// What a tour step's caption talks about: the step's card and the neighbours whose title it names (a title word the
// caption has, which the step's own title does not, and which is not common to many titles, like "AI").
static std::vector<int> caption_cards(const AppContext& app, const TourStep& step) {
    const Content& c = *app.content;
    std::vector<int> out{step.node_index};
    std::string caption = app_text(app, step.caption);
    for (char& ch : caption) ch = (char)std::tolower((unsigned char)ch);
    const std::vector<std::string> own = title_words(app_text(app, c.nodes[step.node_index].title));
    auto common = [&](const std::string& w) {  // in more than a fifth of all titles
        size_t n = 0;
        for (const Node& other : c.nodes) {
            const std::vector<std::string> ws = title_words(app_text(app, other.title));
            n += std::find(ws.begin(), ws.end(), w) != ws.end();
        }
        return n * 5 > c.nodes.size();
    };
    for (const auto& group : grouped_neighbours(c, step.node_index, app.reading.lang))
        for (const Neighbour& nb : group.second) {
            if (!app_node_visible(app, nb.node) || std::find(out.begin(), out.end(), nb.node) != out.end()) continue;
            for (const std::string& w : title_words(app_text(app, c.nodes[nb.node].title)))
                if (caption.find(w) != std::string::npos && std::find(own.begin(), own.end(), w) == own.end() &&
                    !common(w)) {
                    out.push_back(nb.node);
                    break;
                }
        }
    return out;
}

void app_tour_step(AppContext& app, int delta) {
    if (!app.content || app.reading.tour.tour < 0) return;
    const Tour& tour = app.content->tours[app.reading.tour.tour];
    app.reading.tour.step = std::clamp(app.reading.tour.step + delta, 0, (int)tour.steps.size() - 1);
    const int node = tour.steps[app.reading.tour.step].node_index;
    if (node >= 0) {
        const int cat = app.content->nodes[node].category_index;
        if (cat >= 0 && cat < (int)app.reading.hidden_category.size())
            app.reading.hidden_category[cat] = false;  // never tour into a hidden card
        app_select_index(app, node, true);
    }
}

void app_stop_tour(AppContext& app) { app.reading.tour = TourState{}; }

void app_clear_selection(AppContext& app) { app.reading.selected = -1; }

void app_show_status(AppContext& app, std::string message, double seconds) {
    app.status = std::move(message);
    app.status_until = app.now + seconds;
}

void app_copy_node_text(AppContext& app, int node) {
    if (!app.content || node < 0 || node >= (int)app.content->nodes.size()) return;
    ImGui::SetClipboardText(app_node_text(app, node).c_str());
    app_show_status(app, tr(app, Str::kCopied), 2.0);
}

std::string app_node_text(const AppContext& app, int node) {
    if (!app.content || node < 0 || node >= (int)app.content->nodes.size()) return "";
    const Node& n = app.content->nodes[node];
    std::string s = app_text(app, n.title) + "\n\n" + app_text(app, n.summary) + "\n";
    for (const Text& p : n.body) s += "\n" + app_text(app, p) + "\n";
    return s;
}

// [SECTION] State snapshot ------------------------------------------------------------------------------------------

nlohmann::json app_state(const AppContext& app) {
    using nlohmann::json;
    const Content* c = app.content.get();
    json s;
    s["content"] = {{"title", c ? app_text(app, c->meta.title) : ""}, {"node_count", c ? c->nodes.size() : 0}};
    s["frames"] = app.frames;
    json errors = json::array();
    for (const Problem& p : app.problems)
        if (p.severity == Severity::Error) errors.push_back(format_problem(p));
    s["errors"] = errors;
    s["lang"] = app.reading.lang;
    s["theme"] = app.reading.theme;
    s["selected"] = (c && app.reading.selected >= 0) ? json(c->nodes[app.reading.selected].id) : json(nullptr);
    s["focused"] = (c && app.map.focused >= 0) ? json(c->nodes[app.map.focused].id) : json(nullptr);
    s["camera"] = {{"x", app.map.view.cam.center.x}, {"y", app.map.view.cam.center.y}, {"zoom", app.map.view.cam.zoom}};
    json nodes = json::array();
    if (c) {
        for (size_t i = 0; i < c->nodes.size() && i < app.map.layout.cards.size(); ++i) {
            const Rect r = app.map.view.canvas_to_screen(app.map.layout.cards[i]);
            const float x = r.x + app.map.canvas_origin.x, y = r.y + app.map.canvas_origin.y;
            const bool on_screen = x + r.w > 0 && y + r.h > 0 && r.x < app.map.view.size.x && r.y < app.map.view.size.y;
            const int holder = i < app.map.layout.shown_as.size() ? app.map.layout.shown_as[i] : (int)i;
            const bool shown = holder == (int)i;
            const int lane =
                !app.map.layout.lanes.empty() && i < app.map.layout.layer.size() ? app.map.layout.layer[i] : -1;
            const int lane_cat =
                lane >= 0 && lane < (int)app.map.layout.lanes.size() ? app.map.layout.lanes[lane].category : -1;
            nodes.push_back({{"id", c->nodes[i].id},
                             {"title", app_text(app, c->nodes[i].title)},
                             {"category", c->nodes[i].category},
                             {"rect", {x, y, r.w, r.h}},
                             {"visible", shown && on_screen && app_node_visible(app, (int)i)},
                             {"shown", shown},
                             {"folded_into", shown ? json(nullptr) : json(c->nodes[holder].id)},
                             {"parts", i < app.map.folds.nested.size() ? app.map.folds.nested[i] : 0},
                             {"title_px", i < app.map.title_px.size() ? app.map.title_px[i] : 0.0f},
                             {"title_cut", i < app.map.title_cut.size() && app.map.title_cut[i]},
                             {"lane", lane_cat >= 0 ? json(c->categories[lane_cat].id) : json(nullptr)}});
        }
    }
    s["nodes"] = nodes;
    json unfolded = json::array();
    if (c)
        for (size_t i = 0; i < app.map.unfolded.size(); ++i)
            if (app.map.unfolded[i]) unfolded.push_back(c->nodes[i].id);
    s["unfolded"] = unfolded;
    json labels = json::array();
    for (const Rect& r : app.map.edge_labels) labels.push_back({r.x, r.y, r.w, r.h});
    s["edge_labels"] = labels;
    s["layout"] = app.map.layout.lanes.empty() ? "layered" : app.map.layout.left_to_right ? "lanes" : "lanes-portrait";
    s["history"] = {{"back", app.reading.history.can_back()}, {"forward", app.reading.history.can_forward()}};
    json results = json::array();
    if (c)
        for (int n : app.reading.search_results) results.push_back(c->nodes[n].id);
    s["search"] = {{"query", app.reading.search_query}, {"results", results}};
    if (c && app.reading.tour.tour >= 0)
        s["tour"] = {{"id", c->tours[app.reading.tour.tour].id},
                     {"step", app.reading.tour.step + 1},
                     {"steps", c->tours[app.reading.tour.tour].steps.size()},
                     {"on_step",
                      c->tours[app.reading.tour.tour].steps[app.reading.tour.step].node_index == app.reading.selected}};
    else s["tour"] = nullptr;
    json hidden = json::array();
    if (c)
        for (size_t i = 0; i < app.reading.hidden_category.size(); ++i)
            if (app.reading.hidden_category[i]) hidden.push_back(c->categories[i].id);
    s["hidden_categories"] = hidden;
    s["edit"] = {{"on", app_editing(app)}, {"modified", app_edit_modified(app)}};
    s["status"] = app.now < app.status_until ? app.status : "";
    // Panels and their key controls as drawn last frame, {name: [x, y, w, h]} like node rects: tests press them with
    // real input and check that nothing covers what it should not.
    json ui = json::object();
    for (const UiRect& r : app.ui_rects) ui[r.name] = {r.rect.x, r.rect.y, r.rect.w, r.rect.h};
    s["ui"] = ui;
    s["authoring"] = app.config.authoring;
    return s;
}

}  // namespace ex
