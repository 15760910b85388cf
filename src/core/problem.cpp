// problem.cpp — formatting and collecting loader problems.
#include "core/problem.h"

namespace ex {

std::string format_problem(const Problem& p) {
    std::string s = p.file;
    if (p.line > 0) s += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    s += ": ";
    s += p.pointer.empty() ? "/" : p.pointer;
    if (!p.node.empty()) s += " (" + p.node + ")";
    s += ": ";
    if (p.severity == Severity::Warning) s += "warning: ";
    s += p.message;
    return s;
}

Problem table_problem(std::string file, std::string pointer, Str key, std::vector<std::string> args) {
    Problem p(std::move(file), std::move(pointer), fill(tr("en", key), args));
    p.key = key;
    p.args = std::move(args);
    return p;
}

std::string problem_message(const Problem& p, const std::string& lang) {
    return p.key == Str::kCount ? p.message : fill(tr(lang, p.key), p.args);
}

std::string pointer_append(const std::string& pointer, std::string_view key) {
    std::string s = pointer;
    s += '/';
    for (char c : key) {
        if (c == '~') s += "~0";
        else if (c == '/') s += "~1";
        else s += c;
    }
    return s;
}

std::string pointer_append(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

void ProblemSink::error(const std::string& pointer, std::string message) {
    ++errors_;
    add(pointer, std::move(message), Severity::Error);
}

void ProblemSink::warning(const std::string& pointer, std::string message) {
    add(pointer, std::move(message), Severity::Warning);
}

void ProblemSink::add(const std::string& pointer, std::string message, Severity severity) {
    if (problems_.size() >= limit_) {
        ++(severity == Severity::Error ? dropped_errors_ : dropped_warnings_);
        return;
    }
    problems_.push_back({file_, pointer, std::move(message), severity});
}

std::vector<Problem> ProblemSink::finish() {
    if (dropped_errors_ + dropped_warnings_ > 0) {
        std::string m = "too many problems: " + std::to_string(dropped_errors_) + " more error(s) and " +
                        std::to_string(dropped_warnings_) + " more warning(s) not listed; fix the ones above first";
        problems_.push_back({file_, "", std::move(m), dropped_errors_ ? Severity::Error : Severity::Warning});
        dropped_errors_ = dropped_warnings_ = 0;
    }
    return std::move(problems_);
}

}  // namespace ex
