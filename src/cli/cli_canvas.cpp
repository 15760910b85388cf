// cli_canvas.cpp — `explainer --export-canvas OUT [FILE]` and `--import-canvas IN` (core/json_canvas.h converts).
#include "cli/cli_tools.h"
#include "core/file_io.h"
#include "core/json_canvas.h"
#include "core/load.h"
#include "core/path.h"

namespace ex {

int cli_export_canvas(const std::string& content_file, const std::string& out_path, const std::string& lang,
                      std::ostream& err) {
    const LoadResult r = load_content_file(content_file);
    for (const Problem& p : r.problems) err << format_problem(p) << "\n";
    if (!r.ok()) {
        err << content_file << ": refused; nothing exported\n";
        return 1;
    }
    const Layout layout = compute_layout(*r.content);
    CanvasExportOptions options;
    options.lang = lang;
    if (!write_file(out_path, export_canvas(*r.content, layout, options).dump(2) + "\n")) {
        err << out_path << ": cannot write the file\n";
        return 1;
    }
    return 0;
}

int cli_import_canvas(const std::string& canvas_file, std::ostream& out, std::ostream& err) {
    std::string bytes;
    // A file over the cap is read just past it, so that import_canvas refuses it with its own message.
    const ReadStatus status = read_file(canvas_file, bytes, limits::kFileBytes);
    if (status == ReadStatus::IoError) {
        err << canvas_file << ": /: cannot read the file (I/O error)\n";
        return 1;
    }
    if (status != ReadStatus::Ok && status != ReadStatus::TooBig) {
        err << canvas_file << ": /: cannot open the file\n";
        return 1;
    }
    const CanvasImport r = import_canvas(bytes, base_name(canvas_file));
    for (const Problem& p : r.problems) err << format_problem(p) << "\n";
    if (!r.ok()) return 1;
    out << r.content.dump(2) << "\n";
    return out.good() ? 0 : 1;
}

}  // namespace ex
