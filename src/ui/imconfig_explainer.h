// imconfig_explainer.h — project configuration for Dear ImGui (passed as IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: one long text block can exceed 65,535 vertices and would corrupt the draw with 16-bit ones.
#define ImDrawIdx unsigned int
// Build against the current API only, so upgrades within 1.92.x surface removed functions at compile time.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
// Readers never see ImGui's developer windows (metrics, debug log, ID stack tool); leaving them out keeps the
// browser download smaller.
#define IMGUI_DISABLE_DEBUG_TOOLS
