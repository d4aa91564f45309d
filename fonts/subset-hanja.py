"""Cuts the Hanja fallback fonts out of Noto Sans CJK.

Pretendard has no Hanja, and the whole Noto Sans CJK collection is far too
large to embed in a binary. Korean text uses the 4,888 Hanja of KS X 1001
(the set every Korean code page and input method carries), so those are kept
and everything else is dropped. Run once per weight with fontTools:

    python3 subset-hanja.py NotoSansCJK-Regular.ttc NotoSansCJKkr-Hanja-Regular.otf
    python3 subset-hanja.py NotoSansCJK-Bold.ttc NotoSansCJKkr-Hanja-Bold.otf

The .ttc files are those of Debian's fonts-noto-cjk package (2.004).
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

KOREAN_FACE = 1  # the collection's order: JP, KR, SC, TC, HK, ...


def ks_x_1001_hanja():
    """Every Hanja of KS X 1001, found by decoding its rows 0xCA-0xFD."""
    found = set()
    for lead in range(0xCA, 0xFE):
        for trail in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([lead, trail]).decode("euc_kr")))
            except UnicodeDecodeError:
                pass
    return sorted(found)


def main(source, target):
    font = TTCollection(source).fonts[KOREAN_FACE]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=ks_x_1001_hanja())
    subsetter.subset(font)
    font.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
