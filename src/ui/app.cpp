// app.cpp — app lifecycle (fonts, theme, loading), the frame entry point, the actions and the state snapshot.
//
// Index
//   [SECTION] Lifecycle
//   [SECTION] Loading
//   [SECTION] Actions
//   [SECTION] State snapshot
#include "ui/app.h"

#include <algorithm>
#include <cctype>

#include "core/file_io.h"
#include "core/load.h"

namespace ex {

// [SECTION] Lifecycle -----------------------------------------------------------------------------------------------

// The Latin fonts, each with the Simplified Chinese subset merged in (cmake/assets.cmake builds both next to the
// Latin ones). 1.92 loads glyphs on demand, so no glyph ranges: a character missing from the Latin face is looked
// up in the CJK one. Any file may be missing; the app then draws what it has (boxes for Chinese).
static void load_fonts(AppContext& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (app.config.platform_font) {
        app.font_regular = app.config.platform_font(false);
        app.font_bold = app.config.platform_font(true);
        if (!app.font_bold) app.font_bold = app.font_regular;
        if (app.font_regular) {
            io.FontDefault = app.font_regular;
            return;
        }
    }
    auto exists = [](const std::string& path) { return !path.empty() && file_readable(path); };
    const std::string& regular = app.config.font_regular;
    const std::string dir = regular.substr(0, regular.find_last_of('/') + 1);  // the CJK files sit next to it
    const std::string cjk_regular = regular.empty() ? "" : dir + "NotoSansCJK-SC.subset.otf";
    const std::string cjk_bold = !regular.empty() && exists(dir + "NotoSansCJK-SC-Bold.subset.otf")
                                     ? dir + "NotoSansCJK-SC-Bold.subset.otf" : cjk_regular;
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // 1.92 rasterises at the exact size × framebuffer scale; oversampling only costs memory
    ImFontConfig merge = cfg;
    merge.MergeMode = true;  // into the font added just before
    auto add_cjk = [&](const std::string& path) {
        if (exists(path)) io.Fonts->AddFontFromFileTTF(path.c_str(), 0.0f, &merge);
    };

    if (exists(regular)) app.font_regular = io.Fonts->AddFontFromFileTTF(regular.c_str(), 0.0f, &cfg);
    if (!app.font_regular) app.font_regular = io.Fonts->AddFontDefault();  // keeps the app usable without assets
    add_cjk(cjk_regular);
    const std::string& bold = app.config.font_bold;
    if (exists(bold)) app.font_bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), 0.0f, &cfg);
    if (app.font_bold) add_cjk(cjk_bold);
    else app.font_bold = app.font_regular;
    io.FontDefault = app.font_regular;
}

static void adopt(AppContext& app, std::shared_ptr<const Content> content, const std::string& label, bool update);

// Tab follows the story: the first tour's cards in its order (the article's own telling), then every other card in
// the layout's reading order.
static std::vector<int> story_order(const Content& c, const Layout& layout) {
    std::vector<int> order;
    if (!c.tours.empty())
        for (const TourStep& step : c.tours[0].steps)
            if (step.node_index >= 0 && std::find(order.begin(), order.end(), step.node_index) == order.end())
                order.push_back(step.node_index);
    for (int n : reading_order(c, layout))
        if (std::find(order.begin(), order.end(), n) == order.end()) order.push_back(n);
    return order;
}

bool app_init(AppContext& app, const AppConfig& config) {
    app.config = config;
    load_fonts(app);
    app_set_theme(app, config.theme == "dark");
    const std::string label = config.content_label.empty() ? config.content_path : config.content_label;
    if (config.content) {
        adopt(app, config.content, label, false);
        app.content_path = config.content_path;
    }
    else if (!config.content_path.empty())
        app_load_file(app, config.content_path, label);
    if (!config.select.empty()) app_select(app, config.select, true);
    return true;
}

void app_frame(AppContext& app) {
    app.now = ImGui::GetTime();
    if (app.flight.active) {
        app.view.cam = app.flight.at(app.now);
        if (app.flight.finished(app.now)) app.flight.active = false;
    }
    handle_shortcuts(app);
    draw_canvas(app);
    draw_panels(app);
    // The first frame that shows the content where it stays: after the fit has settled around the panels.
    app.first_content_frame = app.content && !app.content_shown && !app.needs_fit && app.fit_settle == 0;
    if (app.first_content_frame) app.content_shown = true;
    ++app.frames;
}

void app_shutdown(AppContext& app) { app.content.reset(); }

double app_wake_in(const AppContext& app) {
    if (app.flight.active || app.needs_fit || app.fit_settle > 0) return 0.0;
    if (app.now < app.status_until) return app.status_until - app.now;
    return -1.0;
}

bool app_settling(const AppContext& app) { return app.content && (app.needs_fit || app.fit_settle > 0); }

ImVec4 app_clear_colour(const AppContext& app) { return ImGui::ColorConvertU32ToFloat4(app.theme.canvas_bg); }

void app_set_theme(AppContext& app, bool dark) {
    app.theme = make_theme(dark);
    app.config.theme = dark ? "dark" : "light";
    apply_imgui_style(app.theme, app.config.ui_scale);
}

void app_set_lang(AppContext& app, const std::string& lang) {
    if (lang.empty() || lang == app.config.lang) return;
    app.config.lang = lang;
    if (app.content) {
        app.search.build(*app.content, lang);
        app_set_search(app, app.search_query);
    }
}

// [SECTION] Loading -------------------------------------------------------------------------------------------------

// Fresh content starts over (fit, empty history); an update of the same article (an edit, a saved file) keeps the
// reader's place: camera, history, filters and the selection when its node still exists.
static void adopt(AppContext& app, std::shared_ptr<const Content> content, const std::string& label, bool update) {
    const std::string keep = app.selected >= 0 && app.content ? app.content->nodes[app.selected].id : "";
    const size_t old_categories = app.hidden_category.size();
    app.content = std::move(content);
    app.content_label = label;
    const Content& c = *app.content;
    app.layout = compute_layout(c);
    app.order = story_order(c, app.layout);
    app.search.build(c, app.config.lang);
    app.selected = app.focused = app.hovered = app.hovered_edge = app.dragging = -1;
    app.open_passages.clear();
    if (!update || old_categories != c.categories.size()) app.hidden_category.assign(c.categories.size(), false);
    if (!update || app.tour.tour >= (int)c.tours.size() ||
        (app.tour.tour >= 0 && app.tour.step >= (int)c.tours[app.tour.tour].steps.size()))
        app.tour = TourState{};
    if (!update) {
        app.history = History{};
        app.needs_fit = true;
    }
    app_set_search(app, app.search_query);
    if (!keep.empty()) app.selected = app.focused = c.node_index(keep);
}

void app_update_content(AppContext& app, std::shared_ptr<const Content> content, const std::string& label) {
    if (content) adopt(app, std::move(content), label, true);
}


bool app_load(AppContext& app, std::string_view bytes, const std::string& label) {
    LoadResult r = load_content(bytes, label);
    app.problems = r.problems;
    if (!r.ok()) return false;
    app_close_editor(app);
    adopt(app, r.content, label, false);
    app.content_bytes.assign(bytes.data(), bytes.size());
    app.content_path.clear();
    return true;
}

bool app_load_file(AppContext& app, const std::string& path, const std::string& label) {
    std::string bytes;
    if (read_file(path, bytes, limits::kFileBytes) != ReadStatus::Ok) {  // the loader words these cases for authors
        app.problems = load_content_file(path, label).problems;
        return false;
    }
    if (!app_load(app, bytes, label)) return false;
    app.content_path = path;
    return true;
}

bool app_reload_file(AppContext& app, const std::string& path, const std::string& label) {
    std::string bytes;
    const bool readable = read_file(path, bytes, limits::kFileBytes) == ReadStatus::Ok;
    LoadResult r = readable ? load_content(bytes, label) : load_content_file(path, label);
    app.problems = r.problems;
    if (!r.ok()) return false;
    adopt(app, r.content, label, true);
    app.content_bytes = bytes;
    app.content_path = path;
    return true;
}

// [SECTION] Actions -------------------------------------------------------------------------------------------------

const std::string& app_text(const AppContext& app, const Text& text) {
    return text.get(app.config.lang, app.content ? app.content->meta.language : "en");
}

bool app_node_visible(const AppContext& app, int node) {
    if (!app.content || node < 0 || node >= (int)app.content->nodes.size()) return false;
    const int cat = app.content->nodes[node].category_index;
    return cat < 0 || cat >= (int)app.hidden_category.size() || !app.hidden_category[cat];
}

// A running tour follows the reader to a card that is one of its steps (the nearest such step); any other card
// leaves the tour paused on its step, and the tour card offers the way back.
static void tour_follow(AppContext& app, int node) {
    if (app.tour.tour < 0) return;
    const std::vector<TourStep>& steps = app.content->tours[app.tour.tour].steps;
    int best = -1;
    for (int i = 0; i < (int)steps.size(); ++i)
        if (steps[i].node_index == node && (best < 0 || std::abs(i - app.tour.step) < std::abs(best - app.tour.step)))
            best = i;
    if (best >= 0) app.tour.step = best;
}

void app_select_index(AppContext& app, int node, bool record_history) {
    if (!app.content) return;
    if (node < 0 || node >= (int)app.content->nodes.size()) {
        app.selected = -1;
        return;
    }
    tour_follow(app, node);
    app.selected = app.focused = node;
    if (record_history) app.history.visit(app.content->nodes[node].id);
    app.open_passages.clear();
    app_fly_to(app, node);
}

bool app_select(AppContext& app, const std::string& id, bool record_history) {
    if (!app.content) return false;
    if (id.empty()) {
        app.selected = -1;
        return true;
    }
    const int n = app.content->node_index(id);
    if (n < 0) return false;
    app_select_index(app, n, record_history);
    return true;
}

void app_back(AppContext& app) {
    if (!app.history.can_back()) return;
    app_select(app, app.history.back(), false);
}

void app_forward(AppContext& app) {
    if (!app.history.can_forward()) return;
    app_select(app, app.history.forward(), false);
}

static constexpr float kReadableCardPx = 120.0f;  // a card this wide on screen still shows its title at 11 px

// Eases the camera so that `target` (canvas space) sits in the middle of the part of the view the panels leave
// free, at least at `zoom`, zoomed out further only as far as the whole target needs.
static void fly_to_rect(AppContext& app, Rect target, float zoom) {
    const Rect area = app_reading_area(app);
    const float margin = 24.0f;
    const float fit = std::min((area.w - 2 * margin) / std::max(target.w, 1.0f),
                               (area.h - 2 * margin) / std::max(target.h, 1.0f));
    Camera to = app.view.cam;
    to.zoom = clamp_zoom(std::min(zoom, std::max(fit, kMinZoom)));
    // The target's centre goes to the area's centre: offset from the view's centre by the difference.
    const Vec2 shift((area.x + area.w * 0.5f - app.view.size.x * 0.5f) / to.zoom,
                     (area.y + area.h * 0.5f - app.view.size.y * 0.5f) / to.zoom);
    to.center = Vec2(target.center().x - shift.x, target.center().y - shift.y);
    app.flight = animate_camera(app.view.cam, to, app.now, 0.45);
}

static std::vector<int> caption_cards(const AppContext& app, const TourStep& step);

void app_fly_to(AppContext& app, int node) {
    if (node < 0 || node >= (int)app.layout.cards.size() || app.view.size.x <= 0) return;
    const Rect card = app.layout.cards[node];
    // Zoom in far enough to read the card, but never zoom out just because a node was chosen.
    const float readable = std::max(app.view.cam.zoom, std::min(1.0f, app.view.size.x / (card.w * 3.0f)));
    fly_to_rect(app, card, readable);
    // A tour step's card comes with the cards its caption names, when they fit at a zoom where titles still read.
    if (app.tour.tour < 0 || app.content->tours[app.tour.tour].steps[app.tour.step].node_index != node) return;
    const std::vector<int> named = caption_cards(app, app.content->tours[app.tour.tour].steps[app.tour.step]);
    if (named.size() < 2) return;
    Bounds frame;
    for (int n : named) frame.add(app.layout.cards[n]);
    const CameraAnimation alone = app.flight;
    fly_to_rect(app, frame.result(), readable);
    if (card.w * app.flight.to.zoom < kReadableCardPx) app.flight = alone;  // too far apart: the card alone
}

void app_fit(AppContext& app, bool animate) {
    if (!app.content || app.view.size.x <= 0) return;
    // What the legend shows: cards of hidden categories neither count for the frame nor need to stay clear.
    const bool filtered = std::find(app.hidden_category.begin(), app.hidden_category.end(), true) !=
                          app.hidden_category.end();
    std::vector<Rect> cards;
    Bounds shown;
    for (size_t i = 0; i < app.layout.cards.size(); ++i)
        if (!filtered || app_node_visible(app, (int)i)) {
            cards.push_back(app.layout.cards[i]);
            shown.add(app.layout.cards[i]);
        }
    if (cards.empty()) return;  // everything hidden: nothing to frame
    // Clear of the panels over the map (title bar with the page's buttons in it, legend, minimap, detail): none of
    // them hides a card.
    const Camera to = app.view.fit_clear_of(filtered ? shown.result() : app.layout.bounds, 24.0f, app.covers, cards);
    if (animate) app.flight = animate_camera(app.view.cam, to, app.now, 0.4);
    else app.view.cam = to;
}

void app_zoom(AppContext& app, float factor) {
    app.flight.active = false;
    app.view.zoom_at(app.view.size * 0.5f, factor);
}

void app_pinch(AppContext& app, ImVec2 pivot, float factor, ImVec2 pan) {
    app.flight.active = false;
    app.pinched = true;
    app.view.pan_screen(Vec2(pan.x, pan.y));
    app.view.zoom_at(Vec2(pivot.x - app.canvas_origin.x, pivot.y - app.canvas_origin.y), factor);
}

void app_set_search(AppContext& app, const std::string& query) {
    if (query != app.search_query) {  // a new query shows its list from the top
        app.search_cursor = 0;
        app.search_folded = false;
    }
    app.search_query = query;
    app.search_results.clear();
    if (!app.content || query.empty()) return;
    for (const SearchHit& h : app.search.query(query, 50)) app.search_results.push_back(h.node);
}

void app_toggle_category(AppContext& app, int category) {
    if (category < 0 || category >= (int)app.hidden_category.size()) return;
    app.hidden_category[category] = !app.hidden_category[category];
    if (app.selected >= 0 && !app_node_visible(app, app.selected)) app.selected = -1;
}

bool app_start_tour(AppContext& app, const std::string& id) {
    if (!app.content || app.content->tours.empty()) return false;
    const int t = id.empty() ? 0 : app.content->tour_index(id);
    if (t < 0) return false;
    app.tour.tour = t;
    app.tour.step = 0;
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
    for (const auto& group : grouped_neighbours(c, step.node_index, app.config.lang))
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
    if (!app.content || app.tour.tour < 0) return;
    const Tour& tour = app.content->tours[app.tour.tour];
    app.tour.step = std::clamp(app.tour.step + delta, 0, (int)tour.steps.size() - 1);
    const int node = tour.steps[app.tour.step].node_index;
    if (node >= 0) {
        const int cat = app.content->nodes[node].category_index;
        if (cat >= 0 && cat < (int)app.hidden_category.size()) app.hidden_category[cat] = false;  // never tour into a hidden card
        app_select_index(app, node, true);
    }
}

void app_stop_tour(AppContext& app) { app.tour = TourState{}; }

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
    s["lang"] = app.config.lang;
    s["theme"] = app.config.theme;
    s["selected"] = (c && app.selected >= 0) ? json(c->nodes[app.selected].id) : json(nullptr);
    s["focused"] = (c && app.focused >= 0) ? json(c->nodes[app.focused].id) : json(nullptr);
    s["camera"] = {{"x", app.view.cam.center.x}, {"y", app.view.cam.center.y}, {"zoom", app.view.cam.zoom}};
    json nodes = json::array();
    if (c) {
        for (size_t i = 0; i < c->nodes.size() && i < app.layout.cards.size(); ++i) {
            const Rect r = app.view.canvas_to_screen(app.layout.cards[i]);
            const float x = r.x + app.canvas_origin.x, y = r.y + app.canvas_origin.y;
            const bool on_screen = x + r.w > 0 && y + r.h > 0 && r.x < app.view.size.x && r.y < app.view.size.y;
            nodes.push_back({{"id", c->nodes[i].id}, {"title", app_text(app, c->nodes[i].title)},
                             {"category", c->nodes[i].category}, {"rect", {x, y, r.w, r.h}},
                             {"visible", on_screen && app_node_visible(app, (int)i)}});
        }
    }
    s["nodes"] = nodes;
    s["history"] = {{"back", app.history.can_back()}, {"forward", app.history.can_forward()}};
    json results = json::array();
    if (c) for (int n : app.search_results) results.push_back(c->nodes[n].id);
    s["search"] = {{"query", app.search_query}, {"results", results}};
    if (c && app.tour.tour >= 0)
        s["tour"] = {{"id", c->tours[app.tour.tour].id}, {"step", app.tour.step + 1},
                     {"steps", c->tours[app.tour.tour].steps.size()},
                     {"on_step", c->tours[app.tour.tour].steps[app.tour.step].node_index == app.selected}};
    else s["tour"] = nullptr;
    json hidden = json::array();
    if (c)
        for (size_t i = 0; i < app.hidden_category.size(); ++i)
            if (app.hidden_category[i]) hidden.push_back(c->categories[i].id);
    s["hidden_categories"] = hidden;
    // Panels and their key controls as drawn last frame, {name: [x, y, w, h]} like node rects: tests press them with
    // real input and check that nothing covers what it should not.
    json ui = json::object();
    for (const UiRect& r : app.ui_rects) ui[r.name] = {r.rect.x, r.rect.y, r.rect.w, r.rect.h};
    s["ui"] = ui;
    s["authoring"] = app.config.authoring;
    return s;
}

}  // namespace ex
