#!/usr/bin/env python3
"""prerender-pages.py TEMPLATE DIR — the site's pages with the article pre-rendered (run by build-wasm.sh).

Reads DIR/default.json and DIR/zh.json (explainer-prerender's {lang, title, description, html}) and writes
DIR/index.html (the content's own language) and DIR/zh/index.html (Chinese, its files one folder up). Content with
no Chinese (zh.json comes out in the default page's language) gets index.html alone, without a link to a language it
does not have. Each page gets
the text view at TEMPLATE's <!-- explainer:text-view --> marker, a link to the other language, <html lang>, <title>,
the meta description and Open Graph tags. No <link rel="alternate" hreflang>: it needs the site's absolute URL,
which the build does not know (Lighthouse's SEO audit refuses a relative one).
"""
import html
import json
import pathlib
import re
import sys

kMarker = "<!-- explainer:text-view -->"


def describe(text, limit=300):
    """One line of at most `limit` characters, cut at a space when there is one in the second half."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "\u2026"


def page(template, data, up, other_href, other_lang, other_label):
    esc = lambda s: html.escape(s, quote=True)
    s = template.replace('<html lang="en">', '<html lang="' + esc(data["lang"]) + '">', 1)
    if up:  # relative links to the site's own files, before any content is in the page
        s = re.sub(r'(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"]+)"', r'\1="../\2"', s)
    title, description = esc(data["title"]), esc(describe(data["description"]))
    locale = {"zh": "zh_CN", "en": "en_US"}.get(data["lang"], data["lang"])
    head = ('<meta name="description" content="' + description + '">\n'
            '  <meta property="og:type" content="article">\n'
            '  <meta property="og:title" content="' + title + '">\n'
            '  <meta property="og:description" content="' + description + '">\n'
            '  <meta property="og:locale" content="' + esc(locale) + '">\n'
            '  <meta name="twitter:card" content="summary">')
    s, n = re.subn(r'<meta name="description" content="[^"]*">', lambda m: head, s, count=1)
    if n != 1:
        sys.exit("prerender-pages.py: the template has no <meta name=\"description\">")
    s = re.sub(r"<title>[^<]*</title>", lambda m: "<title>" + title + "</title>", s, count=1)
    if kMarker not in s:
        sys.exit("prerender-pages.py: the template has no " + kMarker + " marker")
    if data["lang"] == "zh":  # the region's name, which page.js sets too when scripts run
        s = s.replace('aria-label="The article as text"', 'aria-label="文章的文字版"', 1)
    text = data["html"]
    if other_href:
        text = ('<p class="lang-link"><a href="' + other_href + '" hreflang="' + esc(other_lang) + '" lang="' +
                esc(other_lang) + '">' + other_label + "</a></p>\n" + text)
    return s.replace(kMarker, text, 1)


def main():
    template = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    out = pathlib.Path(sys.argv[2])
    read = lambda name: json.loads((out / name).read_text(encoding="utf-8"))
    default, zh = read("default.json"), read("zh.json")
    two = zh["lang"] != default["lang"]
    (out / "index.html").write_text(page(template, default, False, "zh/" if two else "", "zh", "中文"),
                                    encoding="utf-8")
    if two:
        (out / "zh").mkdir(parents=True, exist_ok=True)
        (out / "zh" / "index.html").write_text(page(template, zh, True, "../", "en", "English"), encoding="utf-8")


if __name__ == "__main__":
    main()
