// font_files.cpp — mapping font files and looking code points up in their character maps (stb_truetype from
// Debian's libstb-dev; Dear ImGui compiles its own private copy for rasterising).
#include "core/font_files.h"

#include <map>
#include <mutex>

#include "core/file_io.h"

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <stb/stb_truetype.h>

#if !defined(__EMSCRIPTEN__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace ex {

std::string_view map_font_file(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::string_view> mapped;  // never unmapped: the font atlas may use it until exit
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = mapped.find(path); it != mapped.end()) return it->second;
    std::string_view bytes;
#if defined(__EMSCRIPTEN__)
    // No file-backed mmap in the browser (which draws with its own fonts anyway): read it, kept for the process.
    static std::vector<std::unique_ptr<std::string>> kept;
    auto data = std::make_unique<std::string>();
    if (read_file(path, *data, (size_t)1 << 30) == ReadStatus::Ok && !data->empty()) {
        bytes = *data;
        kept.push_back(std::move(data));
    }
#else
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void* p = ::mmap(nullptr, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) bytes = std::string_view(static_cast<const char*>(p), (size_t)st.st_size);
    }
    if (fd >= 0) ::close(fd);
#endif
    if (!bytes.empty()) mapped.emplace(path, bytes);  // a failure is not cached: the file may appear later
    return bytes;
}

static bool open_face(std::string_view bytes, int index, stbtt_fontinfo& info) {
    if (bytes.size() < 12) return false;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const int offset = stbtt_GetFontOffsetForIndex(data, index);
    return offset >= 0 && (size_t)offset < bytes.size() && stbtt_InitFont(&info, data, offset) != 0;
}

bool font_face_opens(std::string_view bytes, int index) {
    stbtt_fontinfo info;
    return open_face(bytes, index, info);
}

struct GlyphCoverage::Faces {
    std::vector<stbtt_fontinfo> regular, bold;
};

GlyphCoverage::GlyphCoverage(const std::string& font_dir) : faces_(std::make_unique<Faces>()) {
    auto open_all = [&](const auto& list, std::vector<stbtt_fontinfo>& out) {
        for (const FontFace& face : list) {
            const std::string path = font_dir + "/" + face.file;
            stbtt_fontinfo info;
            if (!open_face(map_font_file(path), face.index, info)) {
                if (error_.empty()) error_ = "cannot open the font " + path;
                continue;
            }
            out.push_back(info);
        }
    };
    open_all(kRegularFaces, faces_->regular);
    open_all(kBoldFaces, faces_->bold);
}

GlyphCoverage::~GlyphCoverage() = default;

bool GlyphCoverage::draws(uint32_t cp) const {
    if (cp < 0x20 || cp == 0x7F) return true;
    if (cp > 0xFFFF || !error_.empty()) return false;
    auto in = [cp](const std::vector<stbtt_fontinfo>& faces) {
        for (const stbtt_fontinfo& f : faces)
            if (stbtt_FindGlyphIndex(&f, (int)cp) != 0) return true;
        return false;
    };
    return in(faces_->regular) && in(faces_->bold);
}

}  // namespace ex
