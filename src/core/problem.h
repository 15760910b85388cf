// problem.h — what the loader and the editable document report: one problem per place in the file, with a JSON
// pointer (RFC 6901).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/strings.h"

namespace ex {

enum class Severity { Error, Warning };

struct Problem {
    Problem() = default;
    Problem(std::string file_, std::string pointer_, std::string message_, Severity severity_ = Severity::Error)
        : file(std::move(file_)), pointer(std::move(pointer_)), message(std::move(message_)), severity(severity_) {}

    std::string file;     // label shown to the author, e.g. "article.json"
    std::string pointer;  // RFC 6901; "" is the whole document
    std::string message;  // plain English, no trailing period needed
    Severity severity = Severity::Error;
    // Set by locate_problems (json_guard.h; the command line's report): where the pointer's value starts (1-based; the column
    // counts bytes), and the id of the node it is in. 0 / "" when unknown.
    size_t line = 0, column = 0;
    std::string node;
    // A message from the string table, for a UI to show in its reader's language: its key and the values of its
    // "%s"s in order; `message` is then the English. Str::kCount for an English-only message (the loader's).
    Str key = Str::kCount;
    std::vector<std::string> args;
};

// An error worded by the string table: `message` is the English text of `key` filled with `args`.
Problem table_problem(std::string file, std::string pointer, Str key, std::vector<std::string> args = {});

// The problem's message in `lang` (core/strings.h): the table's text for a keyed problem, else `message`.
std::string problem_message(const Problem& p, const std::string& lang);

// "FILE: /json/pointer: message", warnings "FILE: /pointer: warning: message"; the whole document prints as "/".
// A located problem reads "FILE:LINE:COLUMN: /nodes/14 (node-id): message", the form editors and terminals link.
std::string format_problem(const Problem& p);

// Pointer building with RFC 6901 escaping ("~" → "~0", "/" → "~1").
std::string pointer_append(const std::string& pointer, std::string_view key);
std::string pointer_append(const std::string& pointer, size_t index);

// Collects problems for one file. Past `limit` it only counts, so hostile input cannot make the report (or the
// memory it takes) explode; finish() appends one line saying how many were left out.
class ProblemSink {
  public:
    explicit ProblemSink(std::string file, size_t limit = 1000) : file_(std::move(file)), limit_(limit) {}
    void error(const std::string& pointer, std::string message);
    void warning(const std::string& pointer, std::string message);
    size_t error_count() const { return errors_; }
    std::vector<Problem> finish();  // moves the problems out

  private:
    void add(const std::string& pointer, std::string message, Severity severity);
    std::string file_;
    size_t limit_;
    size_t errors_ = 0, dropped_errors_ = 0, dropped_warnings_ = 0;
    std::vector<Problem> problems_;
};

}  // namespace ex
