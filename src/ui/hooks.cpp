// hooks.cpp — the UI's side of PlatformHooks (ui/app.h): notices, links, and ImGui's clipboard and shell routed
// through the hooks, so the runners never set ImGui's platform functions themselves.
#include <imgui.h>

#include "core/utf8.h"
#include "ui/app.h"

namespace ex {

void app_notify(AppContext& app, const std::string& message) {
    app_show_status(app, message, 4.0);
    if (app.config.hooks.notify) app.config.hooks.notify(message);
}

bool app_open_url(AppContext& app, const std::string& url) {
    if (app.config.hooks.open_url && app.config.hooks.open_url(url)) return true;
    app_notify(app, fill(tr(app, Str::kLinkRefused), utf8_cut(url, 80, "...")));  // never half a character
    return false;
}

// ImGui calls these within its own context; the app comes back through that context's user data.
void install_platform_hooks(AppContext& app) {
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    const PlatformHooks& hooks = app.config.hooks;
    if (hooks.set_clipboard && hooks.get_clipboard) {
        pio.Platform_ClipboardUserData = &app;
        pio.Platform_SetClipboardTextFn = [](ImGuiContext*, const char* text) {
            auto* a = static_cast<AppContext*>(ImGui::GetPlatformIO().Platform_ClipboardUserData);
            a->config.hooks.set_clipboard(text ? text : "");
        };
        pio.Platform_GetClipboardTextFn = [](ImGuiContext*) {
            return static_cast<AppContext*>(ImGui::GetPlatformIO().Platform_ClipboardUserData)
                ->config.hooks.get_clipboard();
        };
    }
    // Links from ImGui (TextLinkOpenURL) take the app's path: the platform's policy, and a notice when refused.
    pio.Platform_OpenInShellUserData = &app;
    pio.Platform_OpenInShellFn = [](ImGuiContext*, const char* url) {
        auto* a = static_cast<AppContext*>(ImGui::GetPlatformIO().Platform_OpenInShellUserData);
        return app_open_url(*a, url ? url : "");
    };
}

}  // namespace ex
