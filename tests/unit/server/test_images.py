"""Photos are re-encoded from their pixels: no metadata survives; bombs, non-images and images
over the caps are refused before their pixels are decoded."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from boards.errors import DomainError, ErrorCode
from server import images


def jpeg_with_gps(size=(3000, 2000), orientation: int | None = 6) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # make
    exif[0x0110] = "EOS"  # model
    if orientation:
        exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 3.0), 3: "E", 4: (4.0, 54.0, 1.0)}  # GPS
    out = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, "JPEG", exif=exif, comment=b"secret")
    return out.getvalue()


def png_header_only(w: int, h: int) -> bytes:
    """A PNG that claims w x h pixels (a decompression bomb's header; no real pixel data)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))


def test_exif_gps_and_comments_are_gone_and_the_orientation_is_in_the_pixels():
    data = jpeg_with_gps()
    assert 0x8825 in Image.open(io.BytesIO(data)).getexif()
    stored = images.process(data)
    for blob in (stored.display, stored.thumb):
        image = Image.open(io.BytesIO(blob))
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info and "comment" not in image.info and "icc_profile" not in image.info
    assert (stored.w, stored.h) == (1067, 1600)  # turned upright (orientation 6), longest side 1600
    assert max(Image.open(io.BytesIO(stored.thumb)).size) == images.THUMB_SIDE
    assert stored.digest == images.process(data).digest  # the same upload, the same name


def test_a_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(DomainError) as info:
        images.process(png_header_only(50_000, 50_000))
    assert info.value.code == ErrorCode.IMAGE_TOO_LARGE
    with pytest.raises(DomainError) as info:
        images.process(png_header_only(images.MAX_SIDE + 1, 10))
    assert info.value.code == ErrorCode.IMAGE_TOO_LARGE


@pytest.mark.parametrize("data", [b"<html><script>alert(1)</script></html>", b"GIF89a" + b"\0" * 100,
                                  jpeg_with_gps((40, 40))[:200], b""])
def test_not_an_image(data):
    with pytest.raises(DomainError) as info:
        images.process(data)
    assert info.value.code == ErrorCode.NOT_AN_IMAGE


def test_over_the_byte_cap():
    with pytest.raises(DomainError) as info:
        images.process(b"\xff\xd8" + b"\0" * images.MAX_UPLOAD_BYTES)
    assert info.value.code == ErrorCode.IMAGE_TOO_LARGE


def test_a_transparent_png_is_flattened_on_white():
    out = io.BytesIO()
    Image.new("RGBA", (100, 50), (0, 0, 0, 0)).save(out, "PNG")
    stored = images.process(out.getvalue())
    assert Image.open(io.BytesIO(stored.display)).getpixel((5, 5))[0] > 240
