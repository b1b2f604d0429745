"""QR codes, as SVG, that a phone's camera turns into a link: the press contacts' vCards, on cards and in PDFs.

Drawn by ``segno`` (pure Python, no image library): dark modules on a white square with the quiet
zone the standard asks for, so that they scan on a dark background or printed in grey.
"""

import segno

# Medium error correction: a printed code still scans with a smudge or a fold.
ERROR_CORRECTION = "m"


def qr_svg(data, title, scale=3):
    """``data`` as an inline ``<svg>`` element named ``title`` (its accessible name), ``scale`` pixels a module."""
    code = segno.make(data, error=ERROR_CORRECTION, micro=False)
    svg = code.svg_inline(scale=scale, border=4, dark="#000", light="#fff", title=title, svgclass="qr-code")
    # An image with a name for assistive technologies: its <title> (escaped by segno).
    return svg.replace("<svg ", '<svg role="img" ', 1)
