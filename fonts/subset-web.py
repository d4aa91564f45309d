"""Cuts the web fonts `resume html` serves out of Pretendard.

The whole of Pretendard is 1.5 MB a weight, most of it the 11,172 Hangul
syllables; a page needs a few hundred. The characters kept are those of
`web/subset.txt` (Latin, punctuation, jamo and the 2,350 syllables of
KS X 1001, written into it below its marker by this script), with every
layout feature (kerning, ligatures), as WOFF2. Run once with fontTools
and brotli (`pip install fonttools brotli`):

    python3 subset-web.py
"""
import pathlib

from fontTools import subset

HERE = pathlib.Path(__file__).parent
LIST = HERE / "web" / "subset.txt"
MARKER = "# KS X 1001 Hangul syllables"


def ks_x_1001_syllables():
    """Every Hangul syllable of KS X 1001, found by decoding rows 0xB0-0xC8."""
    found = set()
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([lead, trail]).decode("euc_kr")))
            except UnicodeDecodeError:
                pass
    return sorted(found)


def ranges(codes):
    """Consecutive code points joined into `U+XXXX-YYYY` lines."""
    out, start, last = [], None, None
    for code in codes:
        if start is not None and code == last + 1:
            last = code
            continue
        if start is not None:
            out.append(f"U+{start:04X}" if start == last else f"U+{start:04X}-{last:04X}")
        start = last = code
    if start is not None:
        out.append(f"U+{start:04X}" if start == last else f"U+{start:04X}-{last:04X}")
    return out


def main():
    syllables = ks_x_1001_syllables()
    assert len(syllables) == 2350, len(syllables)
    head = LIST.read_text(encoding="utf-8").split(MARKER)[0]
    LIST.write_text(head + MARKER + "\n" + "\n".join(ranges(syllables)) + "\n", encoding="utf-8")
    unicodes = []
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        first, _, last = line.removeprefix("U+").partition("-")
        unicodes.extend(range(int(first, 16), int(last or first, 16) + 1))
    for weight in ("Regular", "SemiBold", "Bold"):
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(HERE / f"Pretendard-{weight}.otf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(HERE / "web" / f"Pretendard-{weight}.subset.woff2"), options)


if __name__ == "__main__":
    main()
