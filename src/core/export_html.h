// export_html.h — the whole content as a semantic HTML fragment: the web page's text view (pre-rendered into
// index.html by build-wasm.sh, re-rendered by the app when the content or the language changes) and
// `explainer --export-html`.
#pragma once
#include <string>
#include <string_view>

#include "core/content.h"

namespace ex {

// One <div class="explainer-text" lang=… data-digest=…> holding: a header (title, subtitle, summary, source), a
// <section id="category-ID"> per category (file order; "Other" last) with an <article id="node-ID"> per card (title,
// summary, body, tags, its connections as in-page links "#node-ID" grouped by how they read, its citations as
// quotations of the cited passage with the quoted words marked), then the tours as ordered lists.
//
// Content is untrusted: every text is escaped; control, bidi-override and non-character code points are dropped
// (they could reorder or hide what the reader sees); only an http(s) source URL becomes a link. `data-digest`
// is a hash of the fragment's inside, so a page can tell that a re-render would change nothing; `data-source`
// (when `source` is not empty) says what it was built from (text_view_source).
// Text in `lang`, falling back to the content's language; headings and connecting words from core/strings.h.
std::string export_html(const Content& content, const std::string& lang, const std::string& source = "");

// What a text view is built from: a hash of the content file's bytes, and the language asked of export_html (the
// headings follow it even where the content falls back). The pre-rendered page carries it, so the app, which loaded
// the same bytes, can tell that the page already shows what export_html would build without building it (start-up
// work, issue 17).
std::string text_view_source(std::string_view content_bytes, const std::string& lang);

// The language an export in `lang` really comes out in: `lang` when the title has that translation, else the
// content's own language (the fragment's lang attribute).
std::string export_language(const Content& content, const std::string& lang);

// `s` as HTML text or attribute value (quotes escaped too), with the code points above dropped; "\n" stays.
std::string html_escape(const std::string& s);

}  // namespace ex
