// web_bridge.cpp — the functions page.js calls (window.explainer: state, select, load, page, hash, open URL, edit
// mode, touch, the toolbar's size), and the main loop that pauses itself while idle.
//
// Index
//   [SECTION] Idle                the main loop pauses while nothing is owed; input and the bridge resume it
//   [SECTION] Bridge              the exported functions
#include <emscripten.h>
#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "core/load.h"
#include "platform/web_runner.h"
#include "ui/deep_link.h"
#include "ui/web_page.h"

namespace {

ex::WebRunner* g_runner = nullptr;  // the one instance the JS bridge talks to
std::string g_reply;                // keeps the last string returned to JS alive

// [SECTION] Idle: the main loop pauses itself ------------------------------------------------------------------------
// Skipping frames is not enough for a quiet tab: a running requestAnimationFrame loop keeps the compositor and the
// GPU process ticking 60 times a second. So while nothing is owed the loop pauses, and input (page.js listens in
// the capture phase, before GLFW's own handlers queue the event), the bridge, or a timer for the next animation
// resumes it.
bool g_paused = false;
unsigned g_timer_id = 0;  // only the newest timer may resume the loop

void resume_loop() {
    if (!g_paused) return;
    g_paused = false;
    emscripten_resume_main_loop();
}

// A change made from outside a frame (the bridge): a frame is owed, and the loop must run to draw it.
void wake(bool dirty = true) {
    if (g_runner && dirty) g_runner->request_frame();
    resume_loop();
}

void main_loop(void* runner) {
    auto* r = static_cast<ex::WebRunner*>(runner);
    if (r->frame_if_needed()) return;
    const double wait = r->wake_in();
    if (wait == 0.0) return;  // owed frames or a linger still running: keep polling
    g_paused = true;
    emscripten_pause_main_loop();
    if (wait > 0.0) {
        const unsigned id = ++g_timer_id;
        emscripten_async_call(
            [](void* arg) {
                if ((unsigned)(uintptr_t)arg == g_timer_id) resume_loop();
            },
            (void*)(uintptr_t)id, (int)std::ceil(wait * 1000.0));
    }
}

}  // namespace

namespace ex {

void attach_bridge(WebRunner& runner) { g_runner = &runner; }
void run_main_loop(WebRunner& runner) { emscripten_set_main_loop_arg(main_loop, &runner, 0, false); }

}  // namespace ex

// [SECTION] Bridge exported to page.js ------------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* explainer_state_json() {
    g_reply = g_runner ? ex::app_state(g_runner->app()).dump() : "{}";
    return g_reply.c_str();
}

// Frames drawn so far: what benchmarks poll every animation frame, without the cost of a whole state().
EMSCRIPTEN_KEEPALIVE double explainer_frames() { return g_runner ? (double)g_runner->app().frames : 0; }

EMSCRIPTEN_KEEPALIVE const char* explainer_page_json(const char* shown_source) {
    g_reply = g_runner ? ex::dump_for_js(ex::page_json(g_runner->app(), shown_source ? shown_source : "")) : "{}";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE void explainer_touch(int phase, int count, float x0, float y0, float x1, float y1) {
    if (g_runner) g_runner->touch(phase, count, x0, y0, x1, y1);
    wake(false);
}

EMSCRIPTEN_KEEPALIVE int explainer_select(const char* id) {
    if (!g_runner) return 0;
    wake();
    return ex::app_select(g_runner->app(), id ? id : "", true) ? 1 : 0;
}

// Text from ime.js (committed compositions, inserted text) for the active text box.
EMSCRIPTEN_KEEPALIVE void explainer_text_input(const char* utf8) {
    if (!g_runner || !utf8) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake();
}

EMSCRIPTEN_KEEPALIVE void explainer_request_frame() { wake(); }

// The page's buttons changed size (language, which buttons show); 0 before the app runs (page.js sends it again
// when the app says it started).
EMSCRIPTEN_KEEPALIVE int explainer_toolbar_size(float w, float h) {
    if (!g_runner) return 0;
    g_runner->set_toolbar_size(w, h);
    wake();
    return 1;
}

// The mouse's back (-1) and forward (+1) buttons, from page.js (this GLFW reports them as the right button).
EMSCRIPTEN_KEEPALIVE int explainer_history(int delta) {
    if (!g_runner) return 0;
    ex::AppContext& app = g_runner->app();
    const bool can = delta < 0 ? app.reading.history.can_back() : app.reading.history.can_forward();
    if (can) delta < 0 ? ex::app_back(app) : ex::app_forward(app);
    wake();
    return can ? 1 : 0;
}

// Input is about to reach GLFW (page.js, capture phase): run the loop, which sees the queued event and draws.
EMSCRIPTEN_KEEPALIVE void explainer_wake() { wake(false); }

// Loads `size` bytes at `bytes` (page.js allocates them with _malloc and frees them after). `bytes` may be null
// when the file is over the size cap: the page then does not copy it, and the cap is reported here.
// Returns {"ok": bool, "errors": ["FILE: /pointer: message", ...]}; a failed load keeps what was shown.
EMSCRIPTEN_KEEPALIVE const char* explainer_load(const char* bytes, double size, const char* label) {
    if (!g_runner) return "{\"ok\": false, \"errors\": []}";
    g_reply = ex::dump_for_js(ex::load_reply(g_runner->app(), bytes, size, label ? label : ""));
    wake();
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double explainer_max_bytes() { return (double)ex::limits::kFileBytes; }

// Edit mode on (1) or off (0), as the top bar's Edit and the editor's Done do; 1 when it is on/off as asked. Tests
// reach edit mode through it rather than by finding the button on the canvas.
EMSCRIPTEN_KEEPALIVE int explainer_edit(int on) {
    if (!g_runner) return 0;
    ex::AppContext& app = g_runner->app();
    if (on) ex::app_open_editor(app);
    else ex::app_close_editor(app);
    wake();
    return ex::app_editing(app) == (on != 0) ? 1 : 0;
}

// Restores what a URL hash names (popstate, hashchange); returns the hash that now describes the view, which the
// page writes back with replaceState when it differs (an unknown id, a step past the end).
EMSCRIPTEN_KEEPALIVE const char* explainer_apply_hash(const char* hash) {
    if (!g_runner) return "";
    ex::apply_link(g_runner->app(), hash ? hash : "");
    wake();
    g_reply = g_runner->settle_hash();
    return g_reply.c_str();
}

// The same path a link in the app takes (app_open_url); 1 when a tab was opened.
EMSCRIPTEN_KEEPALIVE int explainer_open_url(const char* url) {
    if (!g_runner) return 0;
    wake(false);  // a refusal notice marks a frame owed
    return ex::app_open_url(g_runner->app(), url ? url : "") ? 1 : 0;
}

}  // extern "C"
