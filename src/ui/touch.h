// touch.h — fingers as ImGui input, for a platform that reports touches itself (the web page: this GLFW's own touch
// handling presses at the last mouse position). One finger presses, drags and taps like the mouse; a second turns the
// gesture into a pinch (app_pinch: zoom and pan), whose release is no tap. Plain ImGui input: native tests drive it.
#pragma once
#include <imgui.h>

#include "ui/app.h"

namespace ex {

struct TouchInput {
    // phase: 0 start, 1 move, 2 end or cancel; count: fingers down after the event; a, b: the first two fingers
    // (ImGui coordinates). True when the map moved (a frame is owed even without an ImGui event).
    bool touch(AppContext& app, int phase, int count, ImVec2 a, ImVec2 b);

  private:
    bool finger_down_ = false, pinching_ = false;
    float pinch_dist_ = 0;
    ImVec2 pinch_mid_;
};

}  // namespace ex
