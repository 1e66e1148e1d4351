"""Draws media/icon.png (128x128): a GEMM's output cut into tiles, the last column only partly
used, which is the tile quantization shapelint warns about. Pure Python (zlib), 4x supersampled.
Run: python3 tools/make-icon.py"""
import struct
import zlib
from pathlib import Path

SIZE, SCALE = 128, 4
BACKGROUND, FULL_TILE, PARTIAL_TILE, WASTE = (30, 58, 95), (53, 195, 160), (245, 158, 66), (60, 88, 125)


def inside_rounded(x, y, left, top, right, bottom, radius):
    if not (left <= x < right and top <= y < bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def color_at(x, y):
    """The colour at a point in 128-unit coordinates, or None (transparent)."""
    if not inside_rounded(x, y, 0, 0, 128, 128, 24):
        return None
    tile, gap, origin = 22, 5, 17
    column, row = int((x - origin) // (tile + gap)), int((y - origin) // (tile + gap))
    if 0 <= column < 4 and 0 <= row < 4:
        left, top = origin + column * (tile + gap), origin + row * (tile + gap)
        if inside_rounded(x, y, left, top, left + tile, top + tile, 4):
            if column < 3:
                return FULL_TILE
            return PARTIAL_TILE if x < left + tile * 0.35 else WASTE
    return BACKGROUND


def render():
    rows = []
    for py in range(SIZE):
        row = bytearray([0])
        for px in range(SIZE):
            samples = [color_at(px + (sx + 0.5) / SCALE, py + (sy + 0.5) / SCALE) for sx in range(SCALE) for sy in range(SCALE)]
            opaque = [s for s in samples if s is not None]
            alpha = len(opaque) / len(samples)
            rgb = [round(sum(c[i] for c in opaque) / len(opaque)) if opaque else 0 for i in range(3)]
            row += bytes(rgb + [round(alpha * 255)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(width, height, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "media" / "icon.png"
    out.write_bytes(png(SIZE, SIZE, render()))
    print(out)
