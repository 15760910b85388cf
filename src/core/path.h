// path.h — file names from paths, the one way: '/' and '\' both separate (a Windows path in content or a
// command line reads the same), and nothing here touches the file system.
#pragma once

#include <string>
#include <string_view>

namespace ex {

// "dir/sub/name.json" → "name.json"; a path ending in a separator gives "".
inline std::string base_name(std::string_view path) {
    const size_t slash = path.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// "dir/name.tar.json" → "name.tar"; a leading dot is part of the name (".hidden" stays ".hidden").
inline std::string file_stem(std::string_view path) {
    std::string name = base_name(path);
    const size_t dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0) name.resize(dot);
    return name;
}

}  // namespace ex
