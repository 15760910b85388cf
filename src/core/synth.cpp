// synth.cpp — deterministic generated content; see synth.h.
#include "core/synth.h"

#include "core/layout.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

namespace ex {

namespace {

// splitmix64: tiny, and unlike <random>'s distributions it gives the same numbers with every standard library.
struct Rng {
    uint64_t s;
    explicit Rng(uint32_t seed) : s(0x9E3779B97F4A7C15ull ^ seed) {}
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 1 ? 0 : (int)(next() % (uint64_t)n); }
    double unit() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
    template <class T, size_t N>
    const T& pick(const T (&a)[N]) {
        return a[below((int)N)];
    }
};

const char* const kAdjectives[] = {"Rising", "Falling", "Fragile", "Hidden",  "Shared",  "Regional", "Global",
                                   "Sudden", "Slow",    "Public",  "Private", "Foreign", "Domestic", "Digital"};
const char* const kNouns[] = {"freight costs", "interest rates", "supply chains",  "wages",         "energy prices",
                              "trade rules",   "housing demand", "tax revenue",    "chip exports",  "harvests",
                              "bond yields",   "migration",      "consumer trust", "factory output"};
const char* const kVerbs[] = {"pushes up", "weakens", "depends on", "reshapes", "delays", "offsets", "amplifies"};
const char* const kZhAdjectives[] = {"上升的", "下降的", "脆弱的", "隐藏的", "共享的", "区域", "全球", "突然的"};
const char* const kZhNouns[] = {"运费", "利率", "供应链", "工资", "能源价格", "贸易规则", "住房需求", "税收"};
const char* const kTags[] = {"economy", "policy", "energy", "trade", "labour", "finance", "climate", "technology"};

struct CategorySpec {
    const char* id;
    const char* label;
    const char* colour;
    uint32_t rgb;
};
const CategorySpec kCategories[] = {
    {"driver", "Drivers", "#c0392b", 0xc0392b},       {"actor", "Actors", "#2980b9", 0x2980b9},
    {"mechanism", "Mechanisms", "#8e44ad", 0x8e44ad}, {"risk", "Risks", "#d35400", 0xd35400},
    {"outcome", "Outcomes", "#27ae60", 0x27ae60},
};
constexpr int kCategoryCount = (int)(sizeof(kCategories) / sizeof(kCategories[0]));

std::string sentence(Rng& rng) {
    std::string s = rng.pick(kAdjectives);
    s += ' ';
    s += rng.pick(kNouns);
    s += ' ';
    s += rng.pick(kVerbs);
    s += ' ';
    s += rng.pick(kNouns);
    s += '.';
    return s;
}

Text title_text(Rng& rng, int i) {
    Text t;
    std::string n = std::to_string(i);
    t.items.emplace_back("en", std::string(rng.pick(kAdjectives)) + " " + rng.pick(kNouns) + " " + n);
    t.items.emplace_back("zh", std::string(rng.pick(kZhAdjectives)) + rng.pick(kZhNouns) + " " + n);
    return t;
}

}  // namespace

Content make_synthetic_content(int node_count, double edges_per_node, uint32_t seed) {
    const int n = std::clamp(node_count, 1, 20000);
    Rng rng(seed);
    Content c;

    // Meta and source: one paragraph per three nodes, twelve paragraphs per section, or more when twelve would
    // exceed the loader's cap on sections (large benchmark maps).
    c.meta.title = Text("Synthetic map of " + std::to_string(n) + " nodes");
    c.meta.summary = Text("Generated content for tests and benchmarks.");
    c.meta.source.title = Text("A generated article");
    c.meta.source.publisher = Text("Synth");
    const int paragraph_count = std::max(1, (n + 2) / 3);
    const int per_section = std::max(12, (paragraph_count + 199) / 200);
    for (int p = 0; p < paragraph_count; ++p) {
        if (p % per_section == 0) {
            SourceSection s;
            s.id = "s" + std::to_string(p / per_section);
            s.heading = Text("Section " + std::to_string(p / per_section + 1));
            c.meta.source.sections.push_back(std::move(s));
        }
        SourceParagraph para;
        para.id = "p" + std::to_string(p);
        para.text = Text(sentence(rng) + " " + sentence(rng) + " " + sentence(rng));
        c.meta.source.sections.back().paragraphs.push_back(std::move(para));
    }
    auto paragraph = [&](int p) -> const SourceParagraph& {
        return c.meta.source.sections[p / per_section].paragraphs[p % per_section];
    };

    for (const auto& spec : kCategories) {
        Category cat;
        cat.id = spec.id;
        cat.label = Text(spec.label);
        cat.colour = spec.colour;
        cat.rgb = spec.rgb;
        c.categories.push_back(std::move(cat));
    }
    c.edge_kinds = builtin_edge_kinds();

    // Nodes fall into ranks (the argument's rough left-to-right order); the category follows the rank band.
    const int ranks = std::max(2, (int)std::lround(std::sqrt((double)n) / 1.5));
    auto rank_of = [&](int i) { return (int)((int64_t)i * ranks / n); };
    auto first_of_rank = [&](int r) { return (int)(((int64_t)r * n + ranks - 1) / ranks); };
    c.nodes.resize(n);
    for (int i = 0; i < n; ++i) {
        Node& node = c.nodes[i];
        node.id = "n" + std::to_string(i);
        int cat = rng.unit() < 0.1 ? rng.below(kCategoryCount) : rank_of(i) * kCategoryCount / ranks;
        node.category = kCategories[cat].id;
        node.title = title_text(rng, i);
        node.summary = Text(sentence(rng));
        if (i % 2 == 0) {
            int paras = 1 + rng.below(2);
            for (int b = 0; b < paras; ++b) node.body.push_back(Text(sentence(rng) + " " + sentence(rng)));
        }
        int tags = rng.below(4);
        for (int t = 0; t < tags; ++t) node.tags.push_back(Text(kTags[(i + t * 3) % 8]));

        Citation cite;
        cite.paragraph = paragraph(std::min(i / 3, paragraph_count - 1)).id;
        if (rng.below(2) == 0) {
            // A verbatim quote: the first sentence of the cited paragraph.
            const std::string& text = paragraph(std::min(i / 3, paragraph_count - 1)).text.get();
            cite.quote = Text(text.substr(0, text.find('.') + 1));
        }
        node.citations.push_back(std::move(cite));
        if (rng.below(4) == 0) node.citations.push_back({paragraph(rng.below(paragraph_count)).id, Text()});
    }

    // Edges: mostly from one rank to one of the next three, a few anywhere or back; no self-loops, no duplicates.
    const char* const kinds[] = {"drives",  "drives",   "drives",    "drives",    "enables",
                                 "enables", "requires", "threatens", "mitigates", "part-of"};
    int64_t wanted = std::llround(std::max(0.0, edges_per_node) * n);
    wanted = std::min<int64_t>({wanted, 100000, (int64_t)n * (n - 1)});
    std::unordered_set<std::string> seen;
    for (int64_t attempts = 0; (int64_t)c.edges.size() < wanted && attempts < wanted * 8; ++attempts) {
        int u = rng.below(n), v;
        double roll = rng.unit();
        if (roll < 0.95 && rank_of(u) + 1 < ranks) {
            // Usually the next rank, sometimes two or three ahead.
            int r = std::min(rank_of(u) + 1 + (rng.below(4) == 0 ? 1 + rng.below(2) : 0), ranks - 1);
            int lo = first_of_rank(r), hi = r + 1 < ranks ? first_of_rank(r + 1) : n;
            v = lo + rng.below(std::max(1, hi - lo));
        } else if (roll < 0.98) {
            v = rng.below(n);  // anywhere: long edges and feedback loops
        } else {
            int r = std::max(0, rank_of(u) - 1 - rng.below(2));  // a short loop back
            v = first_of_rank(r) + rng.below(std::max(1, first_of_rank(r + 1) - first_of_rank(r)));
        }
        if (u == v) continue;
        std::string kind = rng.pick(kinds);
        if (find_edge_kind(c.edge_kinds, kind)->reads_backwards)
            std::swap(u, v);  // e.g. the sub-point (later) is part of its parent
        std::string key = std::to_string(u) + ">" + std::to_string(v) + ":" + kind;
        if (!seen.insert(key).second) continue;
        Edge e;
        e.id = "e" + std::to_string(c.edges.size());
        e.from = c.nodes[u].id;
        e.to = c.nodes[v].id;
        e.kind = kind;
        if (c.edges.size() % 7 == 0) e.label = Text(rng.pick(kVerbs));
        c.edges.push_back(std::move(e));
    }

    // One tour through the first node of each of (up to) eight ranks.
    Tour tour;
    tour.id = "overview";
    tour.title = Text("Overview");
    tour.description = Text("From the drivers to the outcomes.");
    for (int s = 0; s < std::min(ranks, 8); ++s) {
        int r = s * (ranks - 1) / std::max(1, std::min(ranks, 8) - 1);
        int node = std::min(first_of_rank(r), n - 1);
        if (!tour.steps.empty() && tour.steps.back().node == c.nodes[node].id) continue;
        tour.steps.push_back({c.nodes[node].id, Text("Step " + std::to_string(s + 1) + ": " + sentence(rng)), -1});
    }
    c.tours.push_back(std::move(tour));

    c.rebuild_indices();
    return c;
}

}  // namespace ex
