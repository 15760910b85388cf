// assets.h — the one accessor for bundled files (fonts, content, schema).
#pragma once
#include <string>

namespace ex {
// Path of a bundled asset, e.g. asset_path("content/article.json"). On the web the assets live in the preloaded
// virtual file system under /assets; natively next to the executable (build tree or install), or EXPLAINER_ASSETS.
std::string asset_path(const std::string& relative);
}  // namespace ex
