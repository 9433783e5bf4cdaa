#!/usr/bin/python3
"""Build Broadsheet's bundled fonts from Debian's Noto packages, byte for byte reproducibly.

Run with Debian's Python (it has fontTools; a pyenv `python3` on PATH may not):

    /usr/bin/python3 fonts/build.py charsets   # regenerate fonts/charsets/*.txt (needs the seed page)
    /usr/bin/python3 fonts/build.py fonts      # regenerate the font files, licences and fonts.json
    /usr/bin/python3 fonts/build.py verify     # rebuild into a temporary folder, compare byte for byte

`fonts` and `verify` read only the checked-in charsets/*.txt and the Debian font packages
(fonts-noto-cjk, fonts-noto-core), so a fresh clone can rebuild without the seed page or Unihan.
`charsets` is the only step that reads Unihan (package unicode-data) and the seed page.

Why subset: the Debian CJK collections are 19-27 MB each and hold five regional faces; we need the
Simplified Chinese face only, and only the characters a mainland newspaper sets. See README.md.
"""

from __future__ import annotations

import argparse
import bz2
import filecmp
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
CHARSETS_DIR = os.path.join(HERE, 'charsets')
CJK_DIR = '/usr/share/fonts/opentype/noto'
LATIN_DIR = '/usr/share/fonts/truetype/noto'
UNIHAN_MAPPINGS = '/usr/share/unicode/Unihan_OtherMappings.txt.bz2'
DEFAULT_SEED = os.path.normpath(os.path.join(HERE, '..', '..', 'shared', 'seed', 'jinshan-front-page.txt'))

# OpenType features the composer uses. Vertical counterparts (vrt2, vhal, vpal, vkrn) are kept so
# that vertical headlines (竖排标题) can be set later; they cost about 2 % in file size.
CJK_FEATURES = ['kern', 'liga', 'locl', 'halt', 'palt', 'vert', 'fwid', 'hwid', 'vrt2', 'vhal', 'vpal', 'vkrn']
# Latin faces keep their typographic features (figures, small caps, fractions): newspapers set
# tabular figures in tables and results. 'aalt' is dropped because it pulls in every alternate.
LATIN_FEATURES = ['kern', 'liga', 'locl', 'ccmp', 'mark', 'mkmk', 'case', 'c2sc', 'smcp', 'lnum', 'onum',
                  'pnum', 'tnum', 'frac', 'numr', 'dnom', 'sups', 'subs', 'ordn', 'zero', 'salt', 'ss03', 'ss04']
# Language systems kept in the CJK faces' GSUB/GPOS besides the default one. The SC face's default
# glyphs are already the mainland forms; the JAN/KOR/ZHT/ZHH `locl` rules would pull in the regional
# variant of thousands of ideographs (5.8 MB instead of 3.3 MB per Song file) for text we do not cover.
CJK_LANGSYS = ('ZHS ',)


@dataclass(frozen=True)
class Face:
    """One bundled font file and where it comes from."""

    file: str
    source: str  # file name inside CJK_DIR or LATIN_DIR
    postscript: str  # PostScript name of the face to take (selects the face inside a .ttc)
    family: str
    weight: int
    style: str  # 'normal' | 'italic'
    role: str  # 'cjk' | 'latin'
    genre: str  # 'song' | 'hei' | 'serif' | 'sans'
    package: str
    licence: str
    charsets: tuple[str, ...]
    scripts: tuple[str, ...]


CJK_CHARSETS = ('gb2312', 'tgh-8105', 'cjk-punctuation', 'cjk-symbols', 'latin-basic', 'seed-jinshan')
LATIN_CHARSETS = ('latin-basic', 'latin-extended')
CJK_SCRIPTS = ('Hani', 'Bopo', 'Latn', 'Grek', 'Cyrl')  # GB 2312 also has kana, Greek and Cyrillic rows
LATIN_SCRIPTS = ('Latn',)


def cjk(file: str, source: str, ps: str, family: str, weight: int, genre: str) -> Face:
    return Face(file, source, ps, family, weight, 'normal', 'cjk', genre, 'fonts-noto-cjk',
                'LICENSES/OFL-NotoCJK.txt', CJK_CHARSETS, CJK_SCRIPTS + ('Hira', 'Kana'))


def latin(file: str, ps: str, family: str, weight: int, style: str, genre: str) -> Face:
    return Face(file, ps + '.ttf', ps, family, weight, style, 'latin', genre, 'fonts-noto-core',
                'LICENSES/OFL-Noto.txt', LATIN_CHARSETS, LATIN_SCRIPTS)


FACES: list[Face] = [
    cjk('NotoSerifCJKsc-Regular.otf', 'NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular', 'Noto Serif CJK SC', 400, 'song'),
    cjk('NotoSerifCJKsc-Bold.otf', 'NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold', 'Noto Serif CJK SC', 700, 'song'),
    cjk('NotoSansCJKsc-Regular.otf', 'NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular', 'Noto Sans CJK SC', 400, 'hei'),
    cjk('NotoSansCJKsc-Bold.otf', 'NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold', 'Noto Sans CJK SC', 700, 'hei'),
    latin('NotoSerif-Regular.ttf', 'NotoSerif-Regular', 'Noto Serif', 400, 'normal', 'serif'),
    latin('NotoSerif-Bold.ttf', 'NotoSerif-Bold', 'Noto Serif', 700, 'normal', 'serif'),
    latin('NotoSerif-Italic.ttf', 'NotoSerif-Italic', 'Noto Serif', 400, 'italic', 'serif'),
    latin('NotoSerif-BoldItalic.ttf', 'NotoSerif-BoldItalic', 'Noto Serif', 700, 'italic', 'serif'),
    latin('NotoSans-Regular.ttf', 'NotoSans-Regular', 'Noto Sans', 400, 'normal', 'sans'),
    latin('NotoSans-Bold.ttf', 'NotoSans-Bold', 'Noto Sans', 700, 'normal', 'sans'),
]

LICENCES = {
    'LICENSES/OFL-NotoCJK.txt': ('fonts-noto-cjk', 'SIL-1.1'),
    'LICENSES/OFL-Noto.txt': ('fonts-noto-core', 'OFL-1.1'),
}


# ── character sets ────────────────────────────────────────────────────────────────────────────

def assigned(start: int, end: int) -> list[int]:
    """Assigned, non-control code points in [start, end] (Python's own Unicode database)."""
    return [cp for cp in range(start, end + 1) if unicodedata.category(chr(cp)) not in ('Cn', 'Cc', 'Cs', 'Co')]


def gb2312_set() -> list[int]:
    """Every character of GB 2312, found by decoding each two-byte code with Python's codec."""
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([hi, lo]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return sorted(out)


def tgh_set() -> list[tuple[int, str]]:
    """The 8,105 characters of 通用规范汉字表 (2013), from Unihan's kTGH field ("2013:NNNN")."""
    out = []
    with bz2.open(UNIHAN_MAPPINGS, 'rt', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3 and parts[1] == 'kTGH' and parts[0].startswith('U+'):
                out.append((int(parts[0][2:], 16), parts[2]))
    if len(out) != 8105:
        sys.exit(f'{UNIHAN_MAPPINGS}: expected 8105 kTGH entries, found {len(out)}')
    # Table order (the number after the colon) rather than code point order: it is the book's order.
    return sorted(out, key=lambda e: int(e[1].split(':')[1]))


# clreq §1.1 punctuation inventory (W3C clreq, following GB/T 15834-2011).
CLREQ_PUNCTUATION = (
    '。．，、：；！‼？⁇'
    '「『“‘（《〈【〖〔［｛'
    '」』”’）》〉】〗〕］｝'
    '⸺—…⋯～-–·・‧/／＿﹏●•'
)


def punctuation_set() -> list[int]:
    cps = {ord(c) for c in CLREQ_PUNCTUATION}
    cps |= set(assigned(0x3000, 0x303F))  # CJK Symbols and Punctuation
    cps |= set(assigned(0xFF00, 0xFFEF))  # Halfwidth and Fullwidth Forms
    cps |= set(assigned(0xFE10, 0xFE1F))  # Vertical Forms
    cps |= set(assigned(0xFE30, 0xFE4F))  # CJK Compatibility Forms (vertical brackets, ﹏)
    cps |= {0x2E3A, 0x2E3B}  # two- and three-em dash
    return sorted(cps)


PINYIN = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹɑɡ'


def cjk_symbols_set() -> list[int]:
    """Symbols frequent in Chinese newspaper copy that GB 2312 lacks or has only in part."""
    cps = set(range(0x2460, 0x249C))  # ①-⑳ ⑴-⒇ ⒈-⒛
    cps |= set(range(0x2160, 0x216C)) | set(range(0x2170, 0x217C))  # Roman numerals Ⅰ-Ⅻ ⅰ-ⅻ
    cps |= set(range(0x3220, 0x322A))  # ㈠-㈩
    cps |= {0x33A1, 0x339E, 0x338F, 0x339C, 0x339D, 0x338E, 0x33C4, 0x33A5}  # ㎡ ㎞ ㎏ ㎜ ㎝ ㎎ ㏄ ㎥
    cps |= {0x2103, 0x2109, 0x2116, 0x2122, 0x00A9, 0x00AE, 0x20AC, 0x00A5, 0x2030}  # ℃ ℉ № ™ © ® € ¥ ‰
    cps |= {0x2190, 0x2191, 0x2192, 0x2193, 0x25B2, 0x25BC, 0x25A0, 0x25A1, 0x25CB, 0x25CE, 0x2605, 0x2606}
    # Hanyu Pinyin with tone marks, both cases. GBK (and the WHATWG 'gb2312' decoder, which is GBK)
    # fills GB 2312's empty row-8 cells with ɑ ḿ ń ň ǹ ɡ, so copy encoded as "GB2312" contains them.
    cps |= {ord(c) for c in PINYIN + PINYIN[:-2].upper()}  # ɑ ɡ have no pinyin capitals
    cps |= {0x0300, 0x0301, 0x0304, 0x030C}  # combining tones, for ê̄ ê̌ and decomposed input
    return sorted(cps)


def latin_basic_set() -> list[int]:
    """Basic Latin, Latin-1 Supplement and General Punctuation (digits included)."""
    return sorted(set(range(0x20, 0x7F)) | set(assigned(0xA0, 0xFF)) | set(assigned(0x2000, 0x206F)))


def latin_extended_set() -> list[int]:
    """What the Latin faces add: Latin Extended-A/B, diacritics, spacing modifiers, currency."""
    cps = set(assigned(0x0100, 0x024F))  # Latin Extended-A and -B
    cps |= set(assigned(0x02B0, 0x02FF))  # Spacing Modifier Letters (ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝)
    cps |= set(assigned(0x0300, 0x036F))  # Combining Diacritical Marks (decomposed input)
    cps |= set(assigned(0x20A0, 0x20C0))  # Currency Symbols
    cps |= {0x2116, 0x2122, 0x2044, 0xFB01, 0xFB02}  # № ™ ⁄ ﬁ ﬂ (Noto Serif/Sans lack − ∕ and arrows)
    return sorted(cps)


def seed_set(seed_path: str) -> list[int]:
    """Every character of the seed front page (the first paper we set), controls excluded."""
    try:
        with open(seed_path, encoding='utf-8') as f:
            text = f.read()
    except OSError as e:
        sys.exit(f'{seed_path}: cannot read the seed page ({e.strerror}); pass --seed PATH')
    return sorted({ord(c) for c in text if unicodedata.category(c) != 'Cc'})


def write_charset(name: str, title: str, source: str, entries: list[int] | list[tuple[int, str]]) -> None:
    path = os.path.join(CHARSETS_DIR, name + '.txt')
    lines = [f'# {name}.txt: {title}', f'# Source: {source}', '# Generated by fonts/build.py charsets. Format: U+XXXX<TAB>character[<TAB>note]',
             f'# Count: {len(entries)}']
    for e in entries:
        cp, note = (e, None) if isinstance(e, int) else e
        ch = chr(cp) if unicodedata.category(chr(cp)) not in ('Zl', 'Zp') else ''
        lines.append(f'U+{cp:04X}\t{ch}' + (f'\t{note}' if note else ''))
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')
    print(f'  {path}: {len(entries)} characters')


def build_charsets(seed_path: str) -> None:
    os.makedirs(CHARSETS_DIR, exist_ok=True)
    pyver = f'Python {sys.version_info.major}.{sys.version_info.minor} (Unicode {unicodedata.unidata_version})'
    write_charset('gb2312', 'GB 2312-80, all 7,445 graphic characters (6,763 hanzi + 682 symbols)',
                  f"every two-byte code A1A1-F7FE decoded with {pyver}'s 'gb2312' codec", gb2312_set())
    write_charset('tgh-8105', '通用规范汉字表 (2013), the 8,105 characters (levels 1-3), in table order',
                  f"Unihan kTGH field, {UNIHAN_MAPPINGS} (Debian unicode-data {package_version('unicode-data')}); note = 2013:table number",
                  tgh_set())
    write_charset('cjk-punctuation', 'CJK punctuation: clreq §1.1 inventory, U+3000-303F, U+FF00-FFEF, vertical and compatibility forms',
                  f'W3C clreq (GB/T 15834-2011); block ranges filtered to assigned code points by {pyver}', punctuation_set())
    write_charset('cjk-symbols', 'symbols frequent in Chinese newspaper copy (circled/roman numerals, units, ℃, €, arrows, pinyin)',
                  'hand-picked in fonts/build.py', cjk_symbols_set())
    write_charset('latin-basic', 'Basic Latin, Latin-1 Supplement, General Punctuation',
                  f'block ranges filtered to assigned code points by {pyver}', latin_basic_set())
    write_charset('latin-extended', 'Latin Extended-A/B, spacing modifiers, combining diacritics, currency (Latin faces only)',
                  f'block ranges filtered to assigned code points by {pyver}', latin_extended_set())
    write_charset('seed-jinshan', 'every character of the seed front page (金山报), controls excluded',
                  'shared/seed/jinshan-front-page.txt', seed_set(seed_path))


def read_charset(name: str) -> set[int]:
    path = os.path.join(CHARSETS_DIR, name + '.txt')
    out = set()
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.startswith('#') or not line.strip():
                continue
            if not line.startswith('U+'):
                sys.exit(f'{path}:{n}: expected U+XXXX, found {line[:20]!r}')
            out.add(int(line[2:].split('\t')[0], 16))
    return out


# ── fonts ─────────────────────────────────────────────────────────────────────────────────────

def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def package_version(package: str) -> str:
    try:
        return subprocess.run(['dpkg-query', '-W', '-f=${Version}', package], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit(f'{package}: not installed; apt-get install -y --no-install-recommends {package}')


def face_index(path: str, postscript: str) -> int:
    """Index of the face named `postscript` inside a collection (0 for a plain font file)."""
    if not path.endswith('.ttc'):
        return 0
    coll = TTCollection(path, lazy=True)
    for i, font in enumerate(coll.fonts):
        if font['name'].getDebugName(6) == postscript:
            return i
    sys.exit(f'{path}: no face named {postscript}')


def keep_langsys(font: TTFont, tags: tuple[str, ...]) -> None:
    """Drop language systems other than the default and `tags`, so layout closure ignores them."""
    for table in ('GSUB', 'GPOS'):
        if table not in font:
            continue
        for record in font[table].table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [ls for ls in script.LangSysRecord if ls.LangSysTag in tags]
            script.LangSysCount = len(script.LangSysRecord)


def build_face(face: Face, out_dir: str) -> dict:
    src_dir = CJK_DIR if face.role == 'cjk' else LATIN_DIR
    src = os.path.join(src_dir, face.source)
    if not os.path.exists(src):
        sys.exit(f'{src}: missing; apt-get install -y --no-install-recommends {face.package}')
    index = face_index(src, face.postscript)
    unicodes = set()
    for name in face.charsets:
        unicodes |= read_charset(name)

    # recalcTimestamp=False keeps head.modified from the source, so the output is reproducible.
    font = TTFont(src, fontNumber=index, recalcTimestamp=False, lazy=False)
    if font['name'].getDebugName(6) != face.postscript:
        sys.exit(f'{src}: face {index} is {font["name"].getDebugName(6)}, expected {face.postscript}')
    options = subset.Options()
    options.glyph_names = False
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.recalc_timestamp = False
    if face.role == 'cjk':
        keep_langsys(font, CJK_LANGSYS)
        options.layout_features = CJK_FEATURES
        # Flattened charstrings: the file grows ~6 %, but fontkit (pdfkit) copies every remaining
        # subroutine into each PDF, so a PDF of the seed page embeds 148 KB instead of 198 KB (deflated),
        # and fontkit's subsetting runs twice as fast.
        options.desubroutinize = True
    else:
        options.layout_features = LATIN_FEATURES
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out = os.path.join(out_dir, face.file)
    font.save(out)

    cmap = font.getBestCmap()
    missing = {name: sum(1 for cp in read_charset(name) if cp not in cmap)
               for name in face.charsets}
    name = font['name']
    return {
        'family': face.family,
        'weight': face.weight,
        'style': face.style,
        'file': face.file,
        'postscriptName': face.postscript,
        'role': face.role,
        'genre': face.genre,
        'format': 'otf-cff' if 'CFF ' in font else 'ttf',
        'scripts': list(face.scripts),
        'charsets': list(face.charsets),
        'missing': {k: v for k, v in missing.items() if v},
        'features': sorted({r.FeatureTag for t in ('GSUB', 'GPOS') if t in font
                            for r in font[t].table.FeatureList.FeatureRecord}),
        'glyphs': len(font.getGlyphOrder()),
        'unitsPerEm': font['head'].unitsPerEm,
        'fontVersion': name.getDebugName(5),
        'copyright': name.getDebugName(0),
        'licence': face.licence,
        'source': {
            'package': face.package,
            'version': package_version(face.package),
            'file': src,
            'faceIndex': index,
            'sha256': sha256_file(src),
        },
        'bytes': os.path.getsize(out),
        'sha256': sha256_file(out),
    }


def licence_text(package: str, paragraph: str, notices: list[str]) -> str:
    """The licence paragraph of a Debian copyright file, un-indented, with its copyright lines."""
    path = f'/usr/share/doc/{package}/copyright'
    with open(path, encoding='utf-8') as f:
        text = f.read()
    paragraphs = text.split('\n\n')
    body = next((p for p in paragraphs if p.startswith(f'License: {paragraph}\n')), None)
    files = next((p for p in paragraphs if p.startswith('Files: *\n')), None)
    if body is None or files is None:
        sys.exit(f'{path}: no "License: {paragraph}" or "Files: *" paragraph')
    lines = body.split('\n')[1:]
    licence = '\n'.join('' if line.strip() == '.' else line[1:] for line in lines)
    copyright_lines = []
    in_copyright = False
    for line in files.split('\n'):
        if line.startswith('Copyright:'):
            in_copyright = True
            line = line[len('Copyright:'):]
        elif not line.startswith(' '):
            in_copyright = False
        if in_copyright and line.strip():
            copyright_lines.append('Copyright ' + line.strip())
    header = [f'Fonts from the Debian package {package} {package_version(package)} ({path}),',
              'subset by fonts/build.py (a Modified Version under the licence below).', '',
              'Copyright notices in the fonts (name ID 0):'] + [f'  {n}' for n in notices] + [
              '', 'Copyright lines of the Debian package:']
    return '\n'.join(header + copyright_lines + ['', licence.strip('\n'), ''])


def build_fonts(out_dir: str) -> None:
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = [pool.submit(build_face, face, out_dir) for face in FACES]
        entries = []
        for face, fut in zip(FACES, futures):
            entry = fut.result()
            print(f"  {face.file}: {entry['bytes']:,} bytes, {entry['glyphs']} glyphs"
                  + (f", missing {entry['missing']}" if entry['missing'] else ''))
            entries.append(entry)
    os.makedirs(os.path.join(out_dir, 'LICENSES'), exist_ok=True)
    for rel, (package, paragraph) in LICENCES.items():
        notices = sorted({e['copyright'] for e in entries if e['licence'] == rel})
        with open(os.path.join(out_dir, rel), 'w', encoding='utf-8', newline='\n') as f:
            f.write(licence_text(package, paragraph, notices))
    manifest = {
        'version': 1,
        'generatedBy': 'fonts/build.py fonts (run with /usr/bin/python3; fontTools '
                       + __import__('fontTools').version + ')',
        'fonts': entries,
    }
    with open(os.path.join(out_dir, 'fonts.json'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(json.dumps(manifest, indent=2, ensure_ascii=False) + '\n')


def verify() -> int:
    """Rebuild into a temporary folder and compare with the checked-in files, byte for byte."""
    with tempfile.TemporaryDirectory(prefix='broadsheet-fonts-') as tmp:
        build_fonts(tmp)
        names = [f.file for f in FACES] + list(LICENCES) + ['fonts.json']
        bad = [n for n in names if not os.path.exists(os.path.join(HERE, n))
               or not filecmp.cmp(os.path.join(tmp, n), os.path.join(HERE, n), shallow=False)]
    for n in bad:
        print(f'  DIFFERS: fonts/{n}')
    print('verify: ' + ('identical' if not bad else f'{len(bad)} file(s) differ'))
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('step', choices=['charsets', 'fonts', 'verify'], nargs='?', default='fonts')
    parser.add_argument('--out', default=HERE, help='output folder for the fonts step (default: fonts/)')
    parser.add_argument('--seed', default=DEFAULT_SEED, help='seed page for the charsets step')
    args = parser.parse_args()
    if args.step == 'charsets':
        build_charsets(args.seed)
        return 0
    if args.step == 'verify':
        return verify()
    build_fonts(os.path.abspath(args.out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
