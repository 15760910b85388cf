// deep_link.cpp — the URL hash <-> what the reader sees (see deep_link.h).
#include "ui/deep_link.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/args.h"
#include "core/fold.h"
#include "core/utf8.h"

namespace ex {

// Ids go into the hash percent-encoded, so any id survives a round trip through parse_query.
std::string url_encode(const std::string& s) {
    std::string out;
    for (unsigned char ch : s) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') out += (char)ch;
        else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", ch);
            out += buf;
        }
    }
    return out;
}

// The unfolded groups, as "&unfold=a,b" ("" when none): those the selection does not unfold by itself.
static std::string unfold_part(const AppContext& app) {
    std::vector<char> implied(app.map.unfolded.size(), 0);
    unfold_to(app.map.folds, app.reading.selected, implied);
    std::string ids;
    for (size_t i = 0; i < app.map.unfolded.size(); ++i)
        if (app.map.unfolded[i] && !implied[i]) ids += (ids.empty() ? "" : ",") + url_encode(app.content->nodes[i].id);
    return ids.empty() ? "" : "&unfold=" + ids;
}

// The hash that describes what the reader sees: a running tour wins over a plain selection, unless the reader has
// opened a card that is not the tour's step; what is unfolded follows, so a copied link shows the same map.
std::string hash_of(const AppContext& app) {
    if (!app.content) return "";
    const Content& c = *app.content;
    std::string h;
    if (app.reading.tour.tour >= 0 && app.reading.tour.tour < (int)c.tours.size() &&
        (app.reading.selected < 0 ||
         c.tours[app.reading.tour.tour].steps[app.reading.tour.step].node_index == app.reading.selected))
        h = "#tour=" + url_encode(c.tours[app.reading.tour.tour].id) +
            "&step=" + std::to_string(app.reading.tour.step + 1);
    else if (app.reading.selected >= 0 && app.reading.selected < (int)c.nodes.size())
        h = "#node=" + url_encode(c.nodes[app.reading.selected].id);
    const std::string u = unfold_part(app);
    if (u.empty()) return h;
    return h.empty() ? "#" + u.substr(1) : h + u;
}

// "unfold=a,b" in a hash: exactly those groups unfolded (unknown ids ignored), before anything is selected (which
// unfolds what hides it).
static void apply_unfold(AppContext& app, const Args& a) {
    std::vector<char> want(app.content->nodes.size(), 0);
    const std::string list = a.get("unfold");
    for (size_t start = 0; start <= list.size();) {
        const size_t comma = std::min(list.find(',', start), list.size());
        const int k = app.content->node_index(list.substr(start, comma - start));
        if (k >= 0) want[k] = 1;
        start = comma + 1;
    }
    if (want == app.map.unfolded) return;
    app.map.unfolded = want;
    app_relayout(app, true);
}

void apply_hash(AppContext& app, const std::string& hash, std::string& missing) {
    if (!app.content) return;
    const Args a = parse_query(hash);
    apply_unfold(app, a);
    if (a.has("tour")) {
        const std::string id = a.get("tour");
        const int t = app.content->tour_index(id);
        if (t < 0) return;
        const int step = std::atoi(a.get("step", "1").c_str());
        if (app.reading.tour.tour != t && !app_start_tour(app, id)) return;
        app_tour_step(app, std::max(step, 1) - 1 - app.reading.tour.step);  // clamped to the tour's steps
        return;
    }
    const std::string id = a.get("node");
    if (!id.empty() && app.content->node_index(id) < 0) {
        missing = id;
        return;
    }
    app_stop_tour(app);
    if (id.empty()) {
        app_select(app, "", false);
        return;
    }
    History peek = app.reading.history;
    if (peek.can_back() && peek.back() == id) {
        app_back(app);
        return;
    }
    peek = app.reading.history;
    if (peek.can_forward() && peek.forward() == id) {
        app_forward(app);
        return;
    }
    app_select(app, id, true);
}

void apply_link(AppContext& app, const std::string& hash) {
    std::string missing;
    apply_hash(app, hash, missing);
    if (!missing.empty()) app_notify(app, fill(tr(app, Str::kNodeNotFound), utf8_cut(missing, 60, "...")));
}

}  // namespace ex
