// cli_tools.cpp — validation report and Markdown export for the command line.
#include "core/cli_tools.h"

#include "core/export_markdown.h"
#include "core/load.h"

namespace ex {

static std::string count(size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

int cli_validate(const std::vector<std::string>& files, std::ostream& out) {
    if (files.empty()) {
        out << "validate: no files given\n";
        return 1;
    }
    int status = 0;
    for (const auto& file : files) {
        const LoadResult r = load_content_file(file);
        for (const auto& p : r.problems) out << format_problem(p) << "\n";
        if (r.ok()) {
            const Content& c = *r.content;
            out << file << ": ok (" << count(c.nodes.size(), "node") << ", " << count(c.edges.size(), "edge") << ", "
                << count(c.tours.size(), "tour") << ", " << count(r.warning_count(), "warning") << ")\n";
        } else {
            out << file << ": refused (" << count(r.error_count(), "error") << ", "
                << count(r.warning_count(), "warning") << ")\n";
            status = 1;
        }
    }
    return status;
}

int cli_export_markdown(const std::string& file, const std::string& lang, std::ostream& out, std::ostream& err) {
    const LoadResult r = load_content_file(file);
    for (const auto& p : r.problems) err << format_problem(p) << "\n";
    if (!r.ok()) {
        err << file << ": refused (" << count(r.error_count(), "error") << "); nothing exported\n";
        return 1;
    }
    out << export_markdown(*r.content, lang) << "\n";
    return out.good() ? 0 : 1;
}

}  // namespace ex
