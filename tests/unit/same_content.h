// same_content.h — one check for the unit tests that two Contents hold the same, field by field.
#pragma once
#include <doctest/doctest.h>

#include "core/content.h"

// Every field of two Contents, the resolved indices and parsed colours included.
inline void check_same_content(const ex::Content& a, const ex::Content& b) {
    CHECK(a.meta.title.items == b.meta.title.items);
    CHECK(a.meta.subtitle.items == b.meta.subtitle.items);
    CHECK(a.meta.summary.items == b.meta.summary.items);
    CHECK(a.meta.language == b.meta.language);
    CHECK(a.meta.source.title.items == b.meta.source.title.items);
    CHECK(a.meta.source.publisher.items == b.meta.source.publisher.items);
    CHECK(a.meta.source.url == b.meta.source.url);
    REQUIRE(a.meta.source.sections.size() == b.meta.source.sections.size());
    for (size_t i = 0; i < a.meta.source.sections.size(); ++i) {
        const ex::SourceSection &x = a.meta.source.sections[i], &y = b.meta.source.sections[i];
        CHECK(x.id == y.id);
        CHECK(x.heading.items == y.heading.items);
        REQUIRE(x.paragraphs.size() == y.paragraphs.size());
        for (size_t k = 0; k < x.paragraphs.size(); ++k) {
            CHECK(x.paragraphs[k].id == y.paragraphs[k].id);
            CHECK(x.paragraphs[k].text.items == y.paragraphs[k].text.items);
        }
    }
    REQUIRE(a.categories.size() == b.categories.size());
    for (size_t i = 0; i < a.categories.size(); ++i) {
        const ex::Category &x = a.categories[i], &y = b.categories[i];
        CHECK(x.id == y.id);
        CHECK(x.label.items == y.label.items);
        CHECK(x.colour == y.colour);
        CHECK(x.rgb == y.rgb);
        CHECK(x.description.items == y.description.items);
        CHECK(x.notes == y.notes);
    }
    CHECK(a.lanes.on == b.lanes.on);
    CHECK(a.lanes.notes == b.lanes.notes);
    REQUIRE(a.edge_kinds.size() == b.edge_kinds.size());
    for (size_t i = 0; i < a.edge_kinds.size(); ++i) {
        const ex::EdgeKind &x = a.edge_kinds[i], &y = b.edge_kinds[i];
        CHECK(x.id == y.id);
        CHECK(x.forward.items == y.forward.items);
        CHECK(x.backward.items == y.backward.items);
        CHECK(x.style == y.style);
        CHECK(x.folds == y.folds);
        CHECK(x.reads_backwards == y.reads_backwards);
    }
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
        const ex::Node &x = a.nodes[i], &y = b.nodes[i];
        CAPTURE(x.id);
        CHECK(x.id == y.id);
        CHECK(x.category == y.category);
        CHECK(x.category_index == y.category_index);
        CHECK(x.title.items == y.title.items);
        CHECK(x.summary.items == y.summary.items);
        REQUIRE(x.body.size() == y.body.size());
        for (size_t k = 0; k < x.body.size(); ++k) CHECK(x.body[k].items == y.body[k].items);
        REQUIRE(x.tags.size() == y.tags.size());
        for (size_t k = 0; k < x.tags.size(); ++k) CHECK(x.tags[k].items == y.tags[k].items);
        REQUIRE(x.citations.size() == y.citations.size());
        for (size_t k = 0; k < x.citations.size(); ++k) {
            CHECK(x.citations[k].paragraph == y.citations[k].paragraph);
            CHECK(x.citations[k].quote.items == y.citations[k].quote.items);
        }
        CHECK(x.has_position == y.has_position);
        CHECK(x.x == y.x);
        CHECK(x.y == y.y);
    }
    REQUIRE(a.edges.size() == b.edges.size());
    for (size_t i = 0; i < a.edges.size(); ++i) {
        const ex::Edge &x = a.edges[i], &y = b.edges[i];
        CHECK(x.id == y.id);
        CHECK(x.from == y.from);
        CHECK(x.to == y.to);
        CHECK(x.kind == y.kind);
        CHECK(x.label.items == y.label.items);
        CHECK(x.from_index == y.from_index);
        CHECK(x.to_index == y.to_index);
        CHECK(x.kind_index == y.kind_index);
    }
    REQUIRE(a.tours.size() == b.tours.size());
    for (size_t i = 0; i < a.tours.size(); ++i) {
        const ex::Tour &x = a.tours[i], &y = b.tours[i];
        CHECK(x.id == y.id);
        CHECK(x.title.items == y.title.items);
        CHECK(x.description.items == y.description.items);
        REQUIRE(x.steps.size() == y.steps.size());
        for (size_t k = 0; k < x.steps.size(); ++k) {
            CHECK(x.steps[k].node == y.steps[k].node);
            CHECK(x.steps[k].caption.items == y.steps[k].caption.items);
            CHECK(x.steps[k].node_index == y.steps[k].node_index);
        }
    }
}
