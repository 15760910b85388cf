// gen_content.cpp — writes synthetic content files for the scale benchmarks and checks that the loader accepts them.
//   gen_content OUT_DIR [N ...]        writes OUT_DIR/synth-N.json (default N: 100 1000 10000), ~1.5 edges per node
// Exit 1 when the loader reports an error for a written file (the benchmark would then measure nothing).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/content_json.h"
#include "core/load.h"
#include "core/problem.h"
#include "core/synth.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: gen_content OUT_DIR [N ...]\n");
        return 2;
    }
    const std::string dir = argv[1];
    std::vector<int> sizes;
    for (int i = 2; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {100, 1000, 10000};

    int failures = 0;
    for (int n : sizes) {
        ex::Content content = ex::make_synthetic_content(n, 1.5, 20261128u);  // fixed seed: same files
        const std::string bytes = ex::content_to_json(content).dump();
        const std::string path = dir + "/synth-" + std::to_string(n) + ".json";
        std::ofstream(path, std::ios::binary) << bytes;

        const ex::LoadResult r = ex::load_content_file(path);
        std::printf("%s: %zu bytes, %zu nodes, %zu edges, loader: %zu errors, %zu warnings\n", path.c_str(),
                    bytes.size(), content.nodes.size(), content.edges.size(), r.error_count(), r.warning_count());
        if (!r.ok()) {
            ++failures;
            for (size_t i = 0; i < r.problems.size() && i < 5; ++i)
                std::fprintf(stderr, "  %s\n", ex::format_problem(r.problems[i]).c_str());
        } else if (r.content->nodes.size() != content.nodes.size() || r.content->edges.size() != content.edges.size()) {
            std::fprintf(stderr, "  read back %zu nodes, %zu edges\n", r.content->nodes.size(),
                         r.content->edges.size());
            ++failures;
        }
    }
    return failures ? 1 : 0;
}
