"""Photos of paper sketches (card 1): checked and re-encoded, so that what is stored is pixels and
nothing else (docs/security.md "Photos", docs/decisions.md 72).

An upload is refused unless it is a JPEG, PNG or WebP image within the caps below: its bytes
(``MAX_UPLOAD_BYTES``, checked while reading), its pixels (``MAX_PIXELS``, read from the header
*before* any pixel is decoded, so a decompression bomb — a few kilobytes that decode to gigabytes —
never is), then ``verify()`` on the whole file. What is stored is a new JPEG drawn from the decoded
pixels: the display size (at most ``DISPLAY_SIDE`` on its longest side) and a thumbnail for the
wall (``THUMB_SIDE``). The camera's orientation is applied to the pixels first; every metadata
field (EXIF with GPS position and device, XMP, ICC profile, comments) is dropped, since a new file
is written with none. The content hash of the display JPEG names both.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from boards.errors import DomainError, ErrorCode

MAX_UPLOAD_BYTES = 8 * 1024 * 1024  # one upload (the client sends at most ~1600 px, well under 1 MB)
MAX_PIXELS = 40_000_000  # width x height of an upload (a 40 MP photo); more is refused undecoded
MAX_SIDE = 12_000  # nor a strip of 1 x 40 M pixels
DISPLAY_SIDE = 1600  # longest side of the stored image
THUMB_SIDE = 480  # longest side of the wall's thumbnail
QUALITY = 82
FORMATS = {"JPEG", "PNG", "WEBP"}
CONTENT_TYPES = {"image/jpeg", "image/png", "image/webp"}

# Pillow's own guard, at our cap: past it, Image.open raises instead of warning.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@dataclass(frozen=True)
class Stored:
    digest: str  # hex, 32 chars: sha256 of ``display``, cut
    display: bytes  # JPEG, no metadata
    thumb: bytes  # JPEG, no metadata
    w: int  # of ``display``
    h: int


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=sorted(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DomainError(ErrorCode.IMAGE_TOO_LARGE, f"an image has at most {MAX_PIXELS} pixels") from None
    except Exception:
        raise DomainError(ErrorCode.NOT_AN_IMAGE, "this is not a JPEG, PNG or WebP image") from None
    w, h = image.size
    if w < 1 or h < 1 or w * h > MAX_PIXELS or max(w, h) > MAX_SIDE:
        raise DomainError(ErrorCode.IMAGE_TOO_LARGE, f"an image has at most {MAX_PIXELS} pixels "
                                                     f"and {MAX_SIDE} on a side")
    return image


def _jpeg(image: Image.Image, side: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)  # no exif=, icc_profile=: none kept
    return out.getvalue()


def process(data: bytes) -> Stored:
    """The stored form of an upload, or DomainError (``not_an_image``, ``image_too_large``)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise DomainError(ErrorCode.IMAGE_TOO_LARGE, f"an image is at most {MAX_UPLOAD_BYTES} bytes")
    if not data:
        raise DomainError(ErrorCode.NOT_AN_IMAGE, "the body is empty")
    probe = _open(data)
    try:
        probe.verify()  # the whole file, without decoding it
    except Exception:
        raise DomainError(ErrorCode.NOT_AN_IMAGE, "this image is damaged") from None
    image = _open(data)  # verify() leaves the image unusable: open again to decode
    try:
        image.load()
        image = ImageOps.exif_transpose(image)  # turn the pixels as the camera meant, then forget it
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        pixels = Image.frombytes(image.mode, image.size, image.tobytes())  # the pixels, nothing else
    except DomainError:
        raise
    except Exception:
        raise DomainError(ErrorCode.NOT_AN_IMAGE, "this image could not be decoded") from None
    display = _jpeg(pixels, DISPLAY_SIDE)
    thumb = _jpeg(pixels, THUMB_SIDE)
    w, h = Image.open(io.BytesIO(display)).size
    return Stored(hashlib.sha256(display).hexdigest()[:32], display, thumb, w, h)
