// touch.cpp — fingers as ImGui input (see touch.h).
#include "ui/touch.h"

#include <cfloat>
#include <cmath>

namespace ex {

bool TouchInput::touch(AppContext& app, int phase, int count, ImVec2 a, ImVec2 b) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (count >= 2) {
        // A second finger turns the first finger's press into a pinch. Its release must not count as a tap
        // (a click where the first finger landed, often empty canvas: the selection would go).
        app.map.pinched = true;
        if (finger_down_) {
            io.AddMouseButtonEvent(0, false);
            finger_down_ = false;
        }
        const float d = std::hypot(b.x - a.x, b.y - a.y);
        const ImVec2 mid((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
        if (pinching_ && pinch_dist_ > 0 && d > 0)
            app_pinch(app, mid, d / pinch_dist_, ImVec2(mid.x - pinch_mid_.x, mid.y - pinch_mid_.y));
        pinching_ = true;
        pinch_dist_ = d;
        pinch_mid_ = mid;
        return true;
    }
    pinching_ = false;
    io.AddMousePosEvent(a.x, a.y);
    if (phase == 0 && count == 1 && !finger_down_) {
        io.AddMouseButtonEvent(0, true);
        finger_down_ = true;
    }
    if (phase == 2 && finger_down_) {
        io.AddMouseButtonEvent(0, false);
        finger_down_ = false;
    }
    if (phase == 2 && count == 0) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // no hover left behind by a finger
    return false;
}

}  // namespace ex
