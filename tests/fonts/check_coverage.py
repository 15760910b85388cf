#!/usr/bin/python3
"""check_coverage.py ASSETS_DIR SOURCE_DIR [--content DIR]

Fails (exit 1) when a character the app can draw has no glyph in the bundled fonts, listing each missing code
point with the first place it occurs. Drawable text: every string of the content files (SOURCE_DIR/assets/content,
or --content DIR) and every literal of the UI string table (SOURCE_DIR/src/core/strings.cpp). The regular font is
NotoSans-Regular with face 2 (Simplified Chinese) of NotoSansCJK-Regular.ttc merged into it, the bold font the same
in bold (src/core/font_files.h). Needs fontTools (Debian: python3-fonttools).
"""
import glob
import os
import sys

from fontTools.ttLib import TTFont

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'cmake'))
import explainer_text  # noqa: E402


def cmap_of(path, number=0):
    with TTFont(path, lazy=True, fontNumber=number) as font:
        return set(font.getBestCmap() or {})


def main(argv):
    args = [a for a in argv[1:]]
    content_dir = None
    if '--content' in args:
        i = args.index('--content')
        content_dir = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    assets, source = args
    content_dir = content_dir or os.path.join(source, 'assets', 'content')
    fonts = os.path.join(assets, 'fonts')

    def need(name):
        path = os.path.join(fonts, name)
        if not os.path.exists(path):
            print('missing font file: ' + path, file=sys.stderr)
            sys.exit(1)
        return path

    faces = {
        'regular': cmap_of(need('NotoSans-Regular.ttf')) | cmap_of(need('NotoSansCJK-Regular.ttc'), 2),
        'bold': cmap_of(need('NotoSans-Bold.ttf')) | cmap_of(need('NotoSansCJK-Bold.ttc'), 2),
    }

    json_files = sorted(glob.glob(os.path.join(content_dir, '*.json')))
    cpp_files = [os.path.join(source, 'src', 'core', 'strings.cpp')]
    if not json_files:
        print('no content files in ' + content_dir, file=sys.stderr)
        return 1
    first_seen = {}
    for where, text in explainer_text.all_text(json_files, cpp_files):
        for ch in text:
            if explainer_text.drawable(ch):
                first_seen.setdefault(ord(ch), where)

    missing = 0
    for face, cmap in faces.items():
        for cp in sorted(set(first_seen) - cmap):
            print('%s font lacks U+%04X %r (first used at %s)' % (face, cp, chr(cp), first_seen[cp]))
            missing += 1
    checked = len(json_files) + len(cpp_files)
    if missing:
        print('%d missing glyph(s): the desktop app draws boxes for them; use characters its fonts have, or add '
              'a face to src/core/font_files.h and cmake/assets.cmake' % missing)
        return 1
    print('ok: %d characters from %d files, all in the regular and bold fonts' % (len(first_seen), checked))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
