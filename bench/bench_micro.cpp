// bench_micro.cpp — Google Benchmark micro benchmarks of the core: loader (parse + validate), layout, hit testing
// and search, on synthetic content of 100, 1 000 and 10 000 nodes (~1.5 edges per node).
//
// Hit testing: core exposes no hit-test function; BM_HitTest does what src/ui/canvas_view.cpp card_at does
// (Viewport::screen_to_canvas, then a reverse linear scan of the cards; the category filter is left out).
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>

#include "core/content_json.h"
#include "core/layout.h"
#include "core/load.h"
#include "core/search.h"
#include "core/synth.h"
#include "core/viewport.h"

namespace {

struct Fixture {
    ex::Content content;
    std::string bytes;
    ex::Layout layout;
};

// Built once per size: generating and laying out 10 000 nodes must not count in every benchmark.
const Fixture& fixture(int n) {
    static std::map<int, std::unique_ptr<Fixture>> cache;
    auto& f = cache[n];
    if (!f) {
        f = std::make_unique<Fixture>();
        f->content = ex::make_synthetic_content(n, 1.5, 20261128u);
        f->bytes = ex::content_to_json(f->content).dump();
        f->layout = ex::compute_layout(f->content);
    }
    return *f;
}

void BM_Load(benchmark::State& state) {
    const Fixture& f = fixture((int)state.range(0));
    for (auto _ : state) {
        ex::LoadResult r = ex::load_content(f.bytes, "bench.json");
        benchmark::DoNotOptimize(r.content);
    }
    state.SetBytesProcessed((int64_t)state.iterations() * (int64_t)f.bytes.size());
}

void BM_Layout(benchmark::State& state) {
    const Fixture& f = fixture((int)state.range(0));
    for (auto _ : state) {
        ex::Layout l = ex::compute_layout(f.content);
        benchmark::DoNotOptimize(l.bounds);
    }
}

int card_at(const std::vector<ex::Rect>& cards, const ex::Viewport& view, ex::Vec2 screen) {
    const ex::Vec2 p = view.screen_to_canvas(screen);
    for (int i = (int)cards.size() - 1; i >= 0; --i)
        if (cards[i].contains(p)) return i;
    return -1;
}

void BM_HitTest(benchmark::State& state) {
    const Fixture& f = fixture((int)state.range(0));
    ex::Viewport view;
    view.size = ex::Vec2(1280, 800);
    view.cam = view.fit(f.layout.bounds, 24);
    uint32_t x = 12345;
    int hits = 0;
    for (auto _ : state) {
        x = x * 1664525u + 1013904223u;  // points spread over the window
        const ex::Vec2 s((float)(x % 1280), (float)((x >> 11) % 800));
        hits += card_at(f.layout.cards, view, s) >= 0;
    }
    benchmark::DoNotOptimize(hits);
}

void BM_SearchBuild(benchmark::State& state) {
    const Fixture& f = fixture((int)state.range(0));
    for (auto _ : state) {
        ex::SearchIndex index;
        index.build(f.content, "en");
        benchmark::DoNotOptimize(index.node_count());
    }
}

void BM_SearchQuery(benchmark::State& state) {
    const Fixture& f = fixture((int)state.range(0));
    ex::SearchIndex index;
    index.build(f.content, "en");
    const char* const queries[] = {"wages", "rising supply", "chip exp", "zzz-no-match"};
    size_t i = 0;
    for (auto _ : state) {
        auto hits = index.query(queries[i++ % 4]);
        benchmark::DoNotOptimize(hits.data());
    }
}

}  // namespace

BENCHMARK(BM_Load)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Layout)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HitTest)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchBuild)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchQuery)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
