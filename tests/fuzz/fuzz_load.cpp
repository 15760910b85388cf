// fuzz_load.cpp — libFuzzer target: any bytes into the loader. It must never crash, leak, hang or hit undefined
// behaviour, and its result must be coherent: content exactly when there is no error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/export_markdown.h"
#include "core/json_guard.h"
#include "core/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const ex::LoadResult r = ex::load_content(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if ((r.content != nullptr) != (r.error_count() == 0)) std::abort();
    if (r.content == nullptr && r.problems.empty()) std::abort();
    if (r.problems.size() > ex::limits::kReportedProblems + 1) std::abort();
    for (const auto& p : r.problems)
        if (p.message.empty()) std::abort();
    // The command line's report locates every problem in the same bytes, whatever they are.
    std::vector<ex::Problem> located = r.problems;
    ex::locate_problems(std::string_view(reinterpret_cast<const char*>(data), size), located);
    // Whatever loads must also export (this walks every text and reference).
    if (r.content) (void)ex::export_markdown(*r.content, "zh");
    return 0;
}
