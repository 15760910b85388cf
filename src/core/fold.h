// fold.h — levels of detail: parts folded into their whole.
//
// An edge whose kind folds (EdgeKind::folds, built-in: part-of) makes its `from` a part of its `to` when both cards
// share a category; a part in another category stays its own card (a priority stays in the priorities lane though
// it is part of the call). Each card folds into at most one whole (the first such edge in file order), and an edge
// that would close a cycle does not fold: the loader warns about both (load.cpp, check_folds) and this module
// makes the same choice, so what the warning says is what the map does.
//
// A card is *shown* when every whole above it is unfolded; a folded card is drawn as the nearest shown card above
// it (its representative), and edges are drawn between representatives, merged into one per pair with a count.
#pragma once
#include <vector>

#include "core/content.h"
#include "core/layout.h"

namespace ex {

struct FoldTree {
    std::vector<int> whole;               // by node: the card it folds into, -1 at the top
    std::vector<std::vector<int>> parts;  // by node: its direct parts, in edge order
    std::vector<int> nested;              // by node: all parts below it, however deep

    bool any() const;  // some card folds
};

FoldTree build_fold_tree(const Content& c);

// By node: every whole above it is in `unfolded` (by node; missing entries count as folded).
std::vector<char> shown_cards(const FoldTree& t, const std::vector<char>& unfolded);
// By node: the nearest shown card at or above it.
std::vector<int> representatives(const FoldTree& t, const std::vector<char>& shown);
// Marks every whole above `node` unfolded, so that it is shown; returns whether anything changed.
bool unfold_to(const FoldTree& t, int node, std::vector<char>& unfolded);

// compute_layout on the shown cards only, mapped back to every card: a folded card gets its representative's
// rectangle (Layout::shown_as), an edge inside one folded group is not drawn, and edges between the same two
// representatives are drawn once (Layout::merged counts them). `options.card_height`, if set, is called with the
// indices of `c`. With nothing folded this is compute_layout itself.
Layout lay_out_folded(const Content& c, const FoldTree& t, const std::vector<char>& unfolded,
                      const LayoutOptions& options);

}  // namespace ex
