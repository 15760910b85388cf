"""explainer_text.py: every piece of text the app can draw, for the font coverage test.

Two sources: every string value in the content JSON files (text fields, in every language) and every string
literal in the C++ files that hold UI strings (src/core/strings.cpp). Standard library only.
"""
import json
import re

# A C++ string literal, optionally prefixed (u8"..."); raw strings are not used in the string table.
_LITERAL = re.compile(r'(?:u8|u|U|L)?"((?:[^"\\\n]|\\.)*)"')
_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]+|[0-7]{1,3}|.)')
_SIMPLE = {'n': '\n', 't': '\t', 'r': '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'", '?': '?', 'a': '\a',
           'b': '\b', 'f': '\f', 'v': '\v'}


def _unescape(body):
    def one(m):
        e = m.group(1)
        if e[0] in 'uU':
            return chr(int(e[1:], 16))
        if e[0] == 'x':
            return chr(int(e[1:], 16))       # only used for ASCII here; bytes are not decoded as UTF-8
        if e[0].isdigit() and e not in _SIMPLE:
            return chr(int(e, 8))
        return _SIMPLE.get(e, e)
    return _ESCAPE.sub(one, body)


def _strip_comments(src):
    """Removes // and /* */ comments outside string literals, keeping line breaks."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif c == "'":                      # a char literal such as '"' must not open a string
            j = i + 1
            while j < n and src[j] != "'":
                j += 2 if src[j] == '\\' else 1
            out.append(' ')
            i = j + 1
        elif src.startswith('//', i):
            j = src.find('\n', i)
            i = n if j < 0 else j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            out.append('\n' * src.count('\n', i, n if j < 0 else j))
            i = n if j < 0 else j + 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def cpp_literals(path):
    """Yields (where, text) for every string literal of a C++ file, comments excluded."""
    with open(path, encoding='utf-8') as f:
        src = _strip_comments(f.read())
    for m in _LITERAL.finditer(src):
        line = src.count('\n', 0, m.start()) + 1
        yield '%s:%d' % (path, line), _unescape(m.group(1))


def json_strings(path):
    """Yields (where, text) for every string value of a JSON file (keys are not drawn)."""
    with open(path, encoding='utf-8-sig') as f:
        doc = json.load(f)
    stack = [('', doc)]
    while stack:
        ptr, v = stack.pop()
        if isinstance(v, str):
            yield '%s:%s' % (path, ptr or '/'), v
        elif isinstance(v, dict):
            for k, x in v.items():
                stack.append((ptr + '/' + k.replace('~', '~0').replace('/', '~1'), x))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                stack.append((ptr + '/' + str(i), x))


def all_text(json_files, cpp_files):
    """Yields (where, text) from every JSON file, then every C++ file."""
    for p in json_files:
        yield from json_strings(p)
    for p in cpp_files:
        yield from cpp_literals(p)


def drawable(ch):
    """Whether a character needs a glyph: control characters and format marks are never drawn."""
    cp = ord(ch)
    return cp >= 0x20 and not (0x7F <= cp < 0xA0) and cp not in (0x200B, 0x200C, 0x200D, 0xFE0F, 0xFEFF)
