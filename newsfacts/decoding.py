"""Turn raw input bytes into text.

Order of detection when no encoding is forced:

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 LE/BE, UTF-16 LE/BE;
2. NUL bytes without a UTF-16/32 BOM mean a binary file;
3. strict UTF-8;
4. an encoding declared by the document itself (``declared``, e.g. an HTML
   ``<meta charset>``), when Python knows it and it decodes strictly;
5. cp1256 (Windows Arabic), accepted only when the result is mostly Arabic.

The decoded text is returned as is (only a leading BOM character is dropped):
offsets computed later point into exactly this string, so newlines are not
normalized here.
"""
from __future__ import annotations

import codecs

__all__ = ["DecodeError", "decode_bytes", "ARABIC_MIN_SHARE"]

# Share of non-whitespace characters that must be Arabic letters/marks/digits
# for a non-UTF-8 input to be taken as cp1256.
ARABIC_MIN_SHARE = 0.30

_WHITESPACE_BYTES = b" \t\n\r\x0b\x0c"


class DecodeError(ValueError):
    """Bytes that cannot be turned into text; ``reason`` is one short line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_arabic(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


def _cp1256_arabic_bytes() -> bytes:
    out = bytearray()
    for b in range(256):
        try:
            ch = bytes([b]).decode("cp1256")
        except UnicodeDecodeError:  # pragma: no cover - every byte is mapped today
            continue
        if _is_arabic(ch):
            out.append(b)
    return bytes(out)


# Bytes that cp1256 maps to Arabic characters; counting them on the raw bytes
# (bytes.translate runs in C) is the same as counting characters after
# decoding, because cp1256 is a single-byte code page.
_CP1256_ARABIC = _cp1256_arabic_bytes()
_CP1256_NOT_ARABIC = bytes(b for b in range(256) if b not in _CP1256_ARABIC)


def _looks_like_cp1256_arabic(data: bytes) -> bool:
    non_space = len(data.translate(None, _WHITESPACE_BYTES))
    if non_space == 0:
        return False
    arabic = len(data.translate(None, _CP1256_NOT_ARABIC))
    return arabic / non_space >= ARABIC_MIN_SHARE


def _codec_name(encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise DecodeError(f"unknown encoding {encoding}") from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib...
        raise DecodeError(f"unknown encoding {encoding}")
    return info.name


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise DecodeError("binary file (contains NUL bytes)")
    if not text or text.isspace():
        raise DecodeError("empty file")
    return text


def decode_bytes(data: bytes, encoding: str | None = None, *, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise :class:`DecodeError`.

    ``encoding`` forces a codec (strict). ``declared`` is an encoding the
    document announces about itself (HTML meta charset); it is tried after
    UTF-8 and before the cp1256 heuristic, and ignored when unknown or wrong.
    """
    if encoding is not None:
        name = _codec_name(encoding)
        if not data or data.isspace():  # no copy of a large input
            raise DecodeError("empty file")
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            raise DecodeError(f"cannot decode as {encoding}") from None
        return _finish(text)

    if not data or data.isspace():  # no copy of a large input
        raise DecodeError("empty file")

    if data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        codec = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        codec = None
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise DecodeError(f"invalid {codec.upper().replace('-SIG', '')} text after byte-order mark") from None
        return _finish(text)

    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")

    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass

    if declared:
        try:
            name = _codec_name(declared)
            if name not in ("utf-8", "utf-16", "utf-32"):
                return _finish(data.decode(name))
        except (DecodeError, UnicodeDecodeError):
            pass

    if _looks_like_cp1256_arabic(data):
        try:
            return _finish(data.decode("cp1256"))
        except UnicodeDecodeError:  # pragma: no cover - cp1256 maps every byte
            pass
    raise DecodeError("not UTF-8, UTF-16 or cp1256 text; use --encoding")
