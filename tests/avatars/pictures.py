"""Real picture files made with Pillow, and hostile ones made by hand."""

import io
import os
import struct
import zlib

from PIL import ExifTags, Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

RED = (220, 20, 20)
BLUE = (20, 40, 220)


def picture(fmt="PNG", size=(300, 200), color=RED, mode="RGB", **options) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, fmt, **options)
    return out.getvalue()


def noise(width: int, height: int) -> bytes:
    """A PNG that does not compress: about three bytes per pixel."""
    out = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG")
    return out.getvalue()


def photo_with_gps() -> bytes:
    """A JPEG as a phone writes it: camera, GPS position, and sideways pixels with an
    orientation tag (red on the left, blue on the right; shown upright, red is on top)."""
    image = Image.new("RGB", (400, 300), BLUE)
    ImageDraw.Draw(image).rectangle((0, 0, 199, 299), fill=RED)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Beispielkamera"
    exif[ExifTags.Base.Orientation] = 6  # shown rotated by 90° clockwise
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 36.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def png_with_metadata() -> bytes:
    info = PngInfo()
    info.add_text("Comment", "Wohnt in der Gartenstraße 5")
    out = io.BytesIO()
    Image.new("RGBA", (120, 120), (*RED, 128)).save(
        out, "PNG", pnginfo=info, icc_profile=b"not really a profile"
    )
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A complete, valid 1-bit PNG: a few kilobytes that decode to width × height pixels."""
    row = b"\0" * (1 + (width + 7) // 8)  # filter byte + one bit per pixel
    packer = zlib.compressobj(9)
    blocks, rest = divmod(height, 1000)
    data = b"".join(packer.compress(row * 1000) for _ in range(blocks))
    data += packer.compress(row * rest) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )
