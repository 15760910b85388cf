// deep_link.h — the URL hash and what the reader sees: #node=ID, #tour=ID&step=N, and &unfold=a,b for the groups
// the reader unfolded. The web page keeps its address in step through these; they are plain C++ over AppContext so
// that native tests cover them.
#pragma once

#include <string>

#include "ui/app.h"

namespace ex {

std::string url_encode(const std::string& s);  // percent-encodes all but [A-Za-z0-9-_.~]

// The hash that describes what the reader sees ("" for the overview with nothing unfolded).
std::string hash_of(const AppContext& app);

// Selects what a hash names. Going to the app's previous or next history entry uses its own back/forward, so the
// in-app history and the browser's stay the same list. An unknown id or step changes nothing; an unknown card is
// returned in `missing`, for the reader to be told.
void apply_hash(AppContext& app, const std::string& hash, std::string& missing);

// apply_hash for a link the reader followed: the overview stays, and an unknown card is told (app_notify).
void apply_link(AppContext& app, const std::string& hash);

}  // namespace ex
