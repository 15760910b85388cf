// content_doc.cpp — edits on the order-preserving DOM, snapshots for undo, validation through the loader.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Open, serialize, validate
//   [SECTION] Edits
//   [SECTION] Tours
//   [SECTION] Undo, redo, save
#include "core/content_doc.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <unordered_set>

#include "core/file_io.h"
#include "core/json_guard.h"

namespace ex {

using OJson = nlohmann::ordered_json;

// [SECTION] Helpers ---------------------------------------------------------------------------------------------

std::string slug_id(std::string_view text) {
    std::string s;
    for (char ch : text) {
        const char c = (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) s += c;
        else if (!s.empty() && s.back() != '-') s += '-';
        if (s.size() >= 48) break;
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s.empty() ? "node" : s;
}

static const std::string* string_at(const OJson& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

static OJson* array_at(OJson& obj, const char* key, bool create) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (!create) return nullptr;
        obj[key] = OJson::array();
        return &obj[key];
    }
    return it->is_array() ? &*it : nullptr;
}

// An id for `text` that no item of `list` has: "talent-pipeline", else "talent-pipeline-2", ...
static std::string unique_id(const OJson* list, const std::string& text) {
    std::unordered_set<std::string> taken;
    if (list)
        for (const OJson& item : *list)
            if (const std::string* id = string_at(item, "id")) taken.insert(*id);
    const std::string base = slug_id(text);
    std::string id = base;
    for (int k = 2; taken.count(id); ++k) id = base + "-" + std::to_string(k);
    return id;
}

// A value the dump can write: strings from the UI may hold invalid UTF-8, which dump() would throw on.
static bool dumpable(const std::string& s) {
    try {
        (void)OJson(s).dump();
        return true;
    } catch (const std::exception&) { return false; }
}

// [SECTION] Open, serialize, validate ---------------------------------------------------------------------------

bool ContentDoc::open(std::string_view bytes, const std::string& label) {
    ProblemSink sink(label);
    if (bytes.size() > limits::kFileBytes) {
        sink.error("", limits::file_too_large());
    } else {
        // The guarded parse refuses deep nesting, bad encodings and overflowing numbers, so the unguarded
        // ordered parse below only ever sees input that is safe to copy and dump.
        ParsedJson guarded = parse_json_guarded(bytes, limits::kDepth, sink);
        if (guarded.ok && !guarded.root.is_object())
            sink.error("", "expected a JSON object like {\"meta\": {...}, \"nodes\": [...]}");
        else if (guarded.ok) {
            try {
                OJson parsed = OJson::parse(bytes.begin(), bytes.end());
                doc_ = std::move(parsed);
                label_ = label;
                open_ = true;
                undo_.clear();
                redo_.clear();
                problem_ = Problem();
                conflict_copy_.clear();
                layout_.read(std::string(bytes));  // valid JSON: the guarded parse accepted it
                base_hash_ = content_hash(bytes);
                base_size_ = bytes.size();
                validate();
                return true;
            } catch (const std::exception& e) { sink.error("", std::string("cannot parse the file: ") + e.what()); }
        }
    }
    result_ = LoadResult{};
    result_.problems = sink.finish();
    return false;
}

bool ContentDoc::open_file(const std::string& path, const std::string& label) {
    const std::string name = label.empty() ? std::filesystem::path(path).filename().string() : label;
    std::string bytes;
    const ReadStatus status = read_file(path, bytes, limits::kFileBytes);
    if (status != ReadStatus::Ok) {
        result_ = LoadResult{};
        result_.problems.push_back({name, "",
                                    status == ReadStatus::TooBig ? limits::file_too_large() : "cannot open the file",
                                    Severity::Error});
        return false;
    }
    return open(bytes, name);
}

std::string ContentDoc::serialize() const { return layout_.write(doc_); }

std::string ContentDoc::snapshot() const { return doc_.dump(); }

// As a draft: a card still waiting for its citation is reported but shown, so the author can see it and cite it.
void ContentDoc::validate() { result_ = load_content(serialize(), label_, LoadOptions{true}); }

std::string ContentDoc::meta_language() const {
    auto meta = doc_.find("meta");
    if (meta != doc_.end())
        if (const std::string* lang = string_at(*meta, "language")) return *lang;
    return "en";
}

bool ContentDoc::fail(Str key, std::vector<std::string> args) {
    problem_ = table_problem(label_, "", key, std::move(args));
    return false;
}

void ContentDoc::commit(std::string before) {
    undo_.push_back(std::move(before));
    if (undo_.size() > kUndoDepth) undo_.erase(undo_.begin());
    redo_.clear();
    problem_ = Problem();
    conflict_copy_.clear();  // the copy written on a refused save no longer holds the document
    validate();
}

OJson* ContentDoc::find_node(const std::string& id, size_t* index) {
    OJson* nodes = array_at(doc_, "nodes", false);
    if (!nodes) return nullptr;
    for (size_t i = 0; i < nodes->size(); ++i) {
        const std::string* nid = string_at((*nodes)[i], "id");
        if (nid && *nid == id) {
            if (index) *index = i;
            return &(*nodes)[i];
        }
    }
    return nullptr;
}

// [SECTION] Edits -----------------------------------------------------------------------------------------------

bool ContentDoc::move_card(const std::string& node_id, double x, double y) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    if (!(std::abs(x) <= limits::kCoordinate && std::abs(y) <= limits::kCoordinate))
        return fail(Str::kDocPositionRange, {std::to_string(int64_t(limits::kCoordinate))});
    std::string before = snapshot();
    OJson& pos = (*node)["position"];
    if (!pos.is_object()) pos = OJson::object();
    // Whole numbers stay integers in the file ("x": 120, not 120.0).
    auto number = [](double v) { return v == double(int64_t(v)) ? OJson(int64_t(v)) : OJson(v); };
    pos["x"] = number(x);
    pos["y"] = number(y);
    commit(std::move(before));
    return true;
}

void ContentDoc::write_text(OJson& slot, const std::string& value, const std::string& lang) const {
    const std::string meta_lang = meta_language();
    if (lang.empty() || (!slot.is_object() && lang == meta_lang)) slot = value;
    else if (slot.is_object()) slot[lang] = value;
    else {
        OJson map = OJson::object();
        if (slot.is_string()) map[meta_lang] = slot;
        map[lang] = value;
        slot = std::move(map);
    }
}

bool ContentDoc::check_text(const std::string& value, const std::string& lang) {
    if (!dumpable(value)) return fail(Str::kDocNotUtf8);
    if (!lang.empty() && !is_language_tag(lang)) return fail(Str::kDocNotLanguageTag, {lang});
    return true;
}

bool ContentDoc::set_node_text(const std::string& node_id, NodeTextField field, const std::string& value,
                               const std::string& lang, size_t index) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    if (!check_text(value, lang)) return false;
    std::string before = snapshot();
    OJson* slot = nullptr;
    if (field == NodeTextField::Body || field == NodeTextField::Tag) {
        const char* key = field == NodeTextField::Body ? "body" : "tags";
        const Str no_item = field == NodeTextField::Body ? Str::kDocNoBodyParagraph : Str::kDocNoTag;
        const auto it = node->find(key);
        if (it != node->end() && !it->is_array()) return fail(Str::kDocNodeFieldNotList, {key});
        const size_t size = it == node->end() ? 0 : it->size();
        const bool erase = value.empty() && lang.empty();
        if (index > size || (erase && index == size)) return fail(no_item, {std::to_string(index)});
        OJson* list = array_at(*node, key, true);
        if (erase) {
            list->erase(list->begin() + std::ptrdiff_t(index));
            if (list->empty()) node->erase(key);
            commit(std::move(before));
            return true;
        }
        if (index == list->size()) list->push_back(OJson());
        slot = &(*list)[index];
    } else {
        slot = &(*node)[field == NodeTextField::Title ? "title" : "summary"];
    }
    write_text(*slot, value, lang);
    commit(std::move(before));
    return true;
}

std::string ContentDoc::add_node(const NewNode& spec) {
    if (!open_) {
        fail(Str::kDocNotOpen);
        return "";
    }
    std::string category = spec.category;
    OJson* categories = array_at(doc_, "categories", false);
    bool category_found = false;
    if (categories)
        for (const OJson& c : *categories)
            if (const std::string* id = string_at(c, "id")) {
                if (category.empty()) category = *id;
                category_found |= *id == category;
            }
    if (!category_found) {
        if (category.empty()) fail(Str::kDocNoCategoryForNode);
        else fail(Str::kDocNoCategory, {category});
        return "";
    }
    if (spec.has_position && !(std::abs(spec.x) <= limits::kCoordinate && std::abs(spec.y) <= limits::kCoordinate)) {
        fail(Str::kDocPositionRange, {std::to_string(int64_t(limits::kCoordinate))});
        return "";
    }
    const std::string title = spec.title.empty() ? "New idea" : spec.title;
    const std::string summary = spec.summary.empty() ? "Describe this idea in a sentence or two." : spec.summary;
    if (!dumpable(title) || !dumpable(summary)) {
        fail(Str::kDocNotUtf8);
        return "";
    }

    const std::string id = unique_id(array_at(doc_, "nodes", false), title);
    std::string before = snapshot();
    OJson* nodes = array_at(doc_, "nodes", true);
    if (!nodes) {
        fail(Str::kDocNotList, {"nodes"});
        return "";
    }
    // No citation is made up (copying a neighbour's would attribute the card to a passage nobody chose): the empty
    // list marks it as waiting for one, which the loader reports until the author adds it.
    OJson node = {
        {"id", id}, {"category", category}, {"title", title}, {"summary", summary}, {"citations", OJson::array()}};
    if (spec.has_position) node["position"] = {{"x", spec.x}, {"y", spec.y}};
    nodes->push_back(std::move(node));
    commit(std::move(before));
    return id;
}

bool ContentDoc::remove_node(const std::string& node_id, std::vector<std::string>* removed) {
    if (!open_) return fail(Str::kDocNotOpen);
    size_t index = 0;
    if (!find_node(node_id, &index)) return fail(Str::kDocNoNode, {node_id});
    std::string before = snapshot();
    std::vector<std::string> report;
    doc_["nodes"].erase(doc_["nodes"].begin() + std::ptrdiff_t(index));
    if (OJson* edges = array_at(doc_, "edges", false)) {
        for (size_t i = edges->size(); i-- > 0;) {
            const OJson& e = (*edges)[i];
            const std::string* from = string_at(e, "from");
            const std::string* to = string_at(e, "to");
            if ((from && *from == node_id) || (to && *to == node_id)) {
                const std::string* kind = string_at(e, "kind");
                report.insert(report.begin(), "edge " + (from ? *from : "?") + " → " + (to ? *to : "?") + " (" +
                                                  (kind ? *kind : "?") + ")");
                edges->erase(edges->begin() + std::ptrdiff_t(i));
            }
        }
    }
    if (OJson* tours = array_at(doc_, "tours", false)) {
        for (size_t t = tours->size(); t-- > 0;) {
            OJson* steps = array_at((*tours)[t], "steps", false);
            if (!steps) continue;
            const std::string* tid = string_at((*tours)[t], "id");
            const std::string tour_name = tid ? *tid : "#" + std::to_string(t + 1);
            std::vector<std::string> tour_report;
            const size_t had = steps->size();
            for (size_t s = steps->size(); s-- > 0;) {
                const std::string* n = string_at((*steps)[s], "node");
                if (n && *n == node_id) {
                    tour_report.insert(tour_report.begin(), "step " + std::to_string(s + 1) + " of tour " + tour_name);
                    steps->erase(steps->begin() + std::ptrdiff_t(s));
                }
            }
            if (had > 0 && steps->empty()) {  // a tour needs at least one step
                tour_report.push_back("tour " + tour_name + " (no steps left)");
                tours->erase(tours->begin() + std::ptrdiff_t(t));
            }
            report.insert(report.end(), tour_report.begin(), tour_report.end());
        }
    }
    if (removed) *removed = std::move(report);
    commit(std::move(before));
    return true;
}

bool ContentDoc::add_edge(const std::string& from, const std::string& to, const std::string& kind,
                          const std::string& label) {
    if (!open_) return fail(Str::kDocNotOpen);
    if (!find_node(from)) return fail(Str::kDocNoNode, {from});
    if (!find_node(to)) return fail(Str::kDocNoNode, {to});
    if (from == to) return fail(Str::kDocSameNodes);
    bool known = false;
    for (const EdgeKind& k : builtin_edge_kinds()) known |= k.id == kind;
    if (OJson* kinds = array_at(doc_, "edge_kinds", false))
        for (const OJson& k : *kinds)
            if (const std::string* id = string_at(k, "id")) known |= *id == kind;
    if (!known) return fail(Str::kDocNoEdgeKind, {kind});
    if (!dumpable(label)) return fail(Str::kDocLabelNotUtf8);
    std::string before = snapshot();
    OJson* edges = array_at(doc_, "edges", true);
    if (!edges) return fail(Str::kDocNotList, {"edges"});
    OJson edge = {{"from", from}, {"to", to}, {"kind", kind}};
    if (!label.empty()) edge["label"] = label;
    edges->push_back(std::move(edge));
    commit(std::move(before));
    return true;
}

bool ContentDoc::remove_edge(size_t index) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* edges = array_at(doc_, "edges", false);
    if (!edges || index >= edges->size()) return fail(Str::kDocNoEdge, {std::to_string(index)});
    std::string before = snapshot();
    edges->erase(edges->begin() + std::ptrdiff_t(index));
    commit(std::move(before));
    return true;
}

bool ContentDoc::set_edge_label(size_t index, const std::string& label) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* edges = array_at(doc_, "edges", false);
    if (!edges || index >= edges->size() || !(*edges)[index].is_object())
        return fail(Str::kDocNoEdge, {std::to_string(index)});
    if (!dumpable(label)) return fail(Str::kDocLabelNotUtf8);
    std::string before = snapshot();
    OJson& edge = (*edges)[index];
    if (label.empty()) edge.erase("label");
    else edge["label"] = label;
    commit(std::move(before));
    return true;
}

bool ContentDoc::set_node_category(const std::string& node_id, const std::string& category) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    bool known = false;
    if (OJson* categories = array_at(doc_, "categories", false))
        for (const OJson& c : *categories)
            if (const std::string* id = string_at(c, "id")) known |= *id == category;
    if (!known) return fail(Str::kDocNoCategory, {category});
    std::string before = snapshot();
    (*node)["category"] = category;
    commit(std::move(before));
    return true;
}

bool ContentDoc::add_citation(const std::string& node_id, const std::string& paragraph, const std::string& quote,
                              const std::string& lang) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    bool known = false;
    const OJson& d = doc_;
    try {
        for (const OJson& section : d.at("meta").at("source").at("sections"))
            for (const OJson& p : section.at("paragraphs"))
                if (const std::string* id = string_at(p, "id")) known |= *id == paragraph;
    } catch (const std::exception&) {}  // a malformed source (the loader reports it): the paragraph is unknown
    if (!known) return fail(Str::kDocNoSourceParagraph, {paragraph});
    if (!check_text(quote, lang)) return false;
    const auto it = node->find("citations");
    if (it != node->end() && !it->is_array()) return fail(Str::kDocNodeFieldNotList, {"citations"});
    std::string before = snapshot();
    OJson citation = {{"paragraph", paragraph}};
    if (!quote.empty()) write_text(citation["quote"], quote, lang);
    array_at(*node, "citations", true)->push_back(std::move(citation));
    commit(std::move(before));
    return true;
}

bool ContentDoc::remove_citation(const std::string& node_id, size_t index) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    OJson* cites = array_at(*node, "citations", false);
    if (!cites || index >= cites->size()) return fail(Str::kDocNoCitation, {std::to_string(index)});
    std::string before = snapshot();
    cites->erase(cites->begin() + std::ptrdiff_t(index));  // an emptied list stays: the card waits for a citation
    commit(std::move(before));
    return true;
}

bool ContentDoc::set_citation_quote(const std::string& node_id, size_t index, const std::string& quote,
                                    const std::string& lang) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    OJson* cites = array_at(*node, "citations", false);
    if (!cites || index >= cites->size() || !(*cites)[index].is_object())
        return fail(Str::kDocNoCitation, {std::to_string(index)});
    if (!check_text(quote, lang)) return false;
    std::string before = snapshot();
    OJson& citation = (*cites)[index];
    if (quote.empty() && lang.empty()) citation.erase("quote");
    else write_text(citation["quote"], quote, lang);
    commit(std::move(before));
    return true;
}

// [SECTION] Tours -----------------------------------------------------------------------------------------------

OJson* ContentDoc::find_tour(size_t tour) {
    OJson* tours = array_at(doc_, "tours", false);
    if (!tours || tour >= tours->size() || !(*tours)[tour].is_object()) {
        fail(Str::kDocNoTour, {std::to_string(tour)});
        return nullptr;
    }
    return &(*tours)[tour];
}

OJson* ContentDoc::find_steps(size_t tour) {
    OJson* t = find_tour(tour);
    if (!t) return nullptr;
    OJson* steps = array_at(*t, "steps", false);
    if (!steps) fail(Str::kDocStepsNotList);
    return steps;
}

OJson ContentDoc::step_for(const OJson& node, const std::string& caption, const std::string& lang) const {
    OJson step = {{"node", node["id"]}};
    // A step needs a caption; until the author writes one, the card's own title says where the step goes.
    if (caption.empty()) step["caption"] = node.contains("title") ? node["title"] : OJson("");
    else write_text(step["caption"], caption, lang);
    return step;
}

std::string ContentDoc::add_tour(const std::string& title, const std::string& first_node, const std::string& lang) {
    if (!open_) {
        fail(Str::kDocNotOpen);
        return "";
    }
    const OJson* node = find_node(first_node);
    if (!node) {
        fail(Str::kDocNoNode, {first_node});
        return "";
    }
    const std::string name = title.empty() ? "New tour" : title;
    if (!check_text(name, lang)) return "";
    const auto it = doc_.find("tours");
    if (it != doc_.end() && !it->is_array()) {
        fail(Str::kDocNotList, {"tours"});
        return "";
    }
    const std::string id = unique_id(it != doc_.end() ? &*it : nullptr, name);
    std::string before = snapshot();
    OJson tour = {{"id", id}};
    write_text(tour["title"], name, lang);
    tour["steps"] = OJson::array({step_for(*node, "", lang)});
    array_at(doc_, "tours", true)->push_back(std::move(tour));
    commit(std::move(before));
    return id;
}

bool ContentDoc::remove_tour(size_t tour) {
    if (!open_) return fail(Str::kDocNotOpen);
    if (!find_tour(tour)) return false;
    std::string before = snapshot();
    OJson& tours = doc_["tours"];
    tours.erase(tours.begin() + std::ptrdiff_t(tour));
    commit(std::move(before));
    return true;
}

bool ContentDoc::set_tour_title(size_t tour, const std::string& title, const std::string& lang) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* t = find_tour(tour);
    if (!t) return false;
    if (!check_text(title, lang)) return false;
    std::string before = snapshot();
    write_text((*t)["title"], title, lang);
    commit(std::move(before));
    return true;
}

bool ContentDoc::add_tour_step(size_t tour, const std::string& node_id, size_t at, const std::string& caption,
                               const std::string& lang) {
    if (!open_) return fail(Str::kDocNotOpen);
    const OJson* node = find_node(node_id);
    if (!node) return fail(Str::kDocNoNode, {node_id});
    if (!check_text(caption, lang)) return false;
    OJson* steps = find_steps(tour);
    if (!steps) return false;
    if (at > steps->size()) return fail(Str::kDocNoStep, {std::to_string(at + 1)});
    std::string before = snapshot();
    steps->insert(steps->begin() + std::ptrdiff_t(at), step_for(*node, caption, lang));
    commit(std::move(before));
    return true;
}

bool ContentDoc::remove_tour_step(size_t tour, size_t step) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* steps = find_steps(tour);
    if (!steps) return false;
    if (step >= steps->size()) return fail(Str::kDocNoStep, {std::to_string(step + 1)});
    if (steps->size() == 1) return fail(Str::kDocLastStep);
    std::string before = snapshot();
    steps->erase(steps->begin() + std::ptrdiff_t(step));
    commit(std::move(before));
    return true;
}

bool ContentDoc::move_tour_step(size_t tour, size_t step, size_t to) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* steps = find_steps(tour);
    if (!steps) return false;
    if (step >= steps->size() || to >= steps->size())
        return fail(Str::kDocNoStep, {std::to_string(std::max(step, to) + 1)});
    if (step == to) return true;
    std::string before = snapshot();
    OJson moved = std::move((*steps)[step]);
    steps->erase(steps->begin() + std::ptrdiff_t(step));
    steps->insert(steps->begin() + std::ptrdiff_t(to), std::move(moved));
    commit(std::move(before));
    return true;
}

bool ContentDoc::set_step_caption(size_t tour, size_t step, const std::string& caption, const std::string& lang) {
    if (!open_) return fail(Str::kDocNotOpen);
    OJson* steps = find_steps(tour);
    if (!steps) return false;
    if (step >= steps->size() || !(*steps)[step].is_object()) return fail(Str::kDocNoStep, {std::to_string(step + 1)});
    if (!check_text(caption, lang)) return false;
    std::string before = snapshot();
    write_text((*steps)[step]["caption"], caption, lang);
    commit(std::move(before));
    return true;
}

// [SECTION] Undo, redo, save ------------------------------------------------------------------------------------

bool ContentDoc::undo() {
    if (undo_.empty()) return fail(Str::kDocNothingToUndo);
    redo_.push_back(snapshot());
    doc_ = OJson::parse(undo_.back());  // our own output: already checked once
    undo_.pop_back();
    problem_ = Problem();
    conflict_copy_.clear();
    validate();
    return true;
}

bool ContentDoc::redo() {
    if (redo_.empty()) return fail(Str::kDocNothingToRedo);
    undo_.push_back(snapshot());
    doc_ = OJson::parse(redo_.back());
    redo_.pop_back();
    problem_ = Problem();
    conflict_copy_.clear();
    validate();
    return true;
}

bool ContentDoc::holds_base(std::string_view bytes) const {
    return bytes.size() == base_size_ && content_hash(bytes) == base_hash_;
}

ContentDoc::Disk ContentDoc::disk_state(const std::string& path) const {
    std::string bytes;
    switch (read_file(path, bytes, limits::kFileBytes)) {
        case ReadStatus::Ok: return holds_base(bytes) ? Disk::Same : Disk::Changed;
        case ReadStatus::Missing: return Disk::Missing;
        case ReadStatus::TooBig: return Disk::Changed;  // it was at most the cap when it was opened
        default: return Disk::Unreadable;
    }
}

bool ContentDoc::save_file(const std::string& path, bool overwrite) {
    if (!open_) return fail(Str::kDocNotOpen);
    namespace fs = std::filesystem;
    const std::string text = serialize();
    const Disk disk = overwrite ? Disk::Same : disk_state(path);
    if (disk == Disk::Changed || disk == Disk::Unreadable) {
        // Someone else's version is on disk (or cannot be checked): keep it, and put ours next to it. An earlier
        // copy that holds something else is kept too.
        std::string mine = path + ".mine", existing;
        for (int k = 2; read_file(mine, existing, limits::kFileBytes) != ReadStatus::Missing && existing != text; ++k)
            mine = path + ".mine-" + std::to_string(k);
        if (existing != text && !write_file(mine, text)) return fail(Str::kDocConflictCopyFailed, {path, mine});
        conflict_copy_ = mine;
        return fail(disk == Disk::Changed ? Str::kDocChangedOnDisk : Str::kDocUncheckable, {path, mine});
    }
    const std::string tmp = path + ".tmp", bak = path + ".bak";
    if (!write_file(tmp, text)) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        return fail(Str::kDocCannotWrite, {tmp});
    }
    std::error_code ec;
    if (fs::exists(path, ec)) {
        // By hand rather than fs::copy_file, whose libc++ fallback brings iostreams into the browser build.
        std::string previous;
        if (read_file(path, previous, SIZE_MAX) != ReadStatus::Ok || !write_file(bak, previous)) {
            fs::remove(tmp, ec);
            return fail(Str::kDocCannotWriteBackup, {bak});
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return fail(Str::kDocCannotReplace, {path, ec.message()});
    }
    layout_.read(text);
    base_hash_ = content_hash(text);
    base_size_ = text.size();
    conflict_copy_.clear();
    problem_ = Problem();
    return true;
}

}  // namespace ex
