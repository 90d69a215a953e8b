"""Damaged zip archives made from good ones, for the unit and the QGIS bad-input tests: a flipped byte (bad CRC),
a cut archive, a cut archive padded back to its length with zeros, a member whose compressed data ends in zeros
(the archive keeps its length and its table of contents), the encryption flag or the Deflate64 method set by hand
in the headers, and a bomb of deflated zeros."""

import io
import struct
import zipfile

CENTRAL_HEADER = b"PK\x01\x02"
#: Offsets of the general-purpose flags and of the compression method in the local and central headers.
LOCAL_FLAGS, LOCAL_METHOD, CENTRAL_FLAGS, CENTRAL_METHOD = 6, 8, 8, 10
DEFLATE64 = 9
#: Kinds of damage made by :func:`damaged`.
DAMAGES = ("bad_crc", "truncated", "zero_padded", "zeroed_member", "encrypted", "deflate64", "bomb")
#: Uncompressed size of the bomb's member: beyond common.EXPANSION_CHECKED_FROM, about 1,000 times its compressed size.
BOMB_BYTES = 96 << 20


def zip_bytes(entries, method=zipfile.ZIP_DEFLATED):
    """A zip of ``entries`` ((name, bytes or text) pairs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _headers(data):
    """Offsets of every local and every central header of a zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = [info.header_offset for info in archive.infolist()]
        central, position = [], archive.start_dir
    while data[position:position + 4] == CENTRAL_HEADER:
        central.append(position)
        name, extra, comment = struct.unpack("<HHH", data[position + 28:position + 34])
        position += 46 + name + extra + comment
    return local, central


def _set_field(data, offsets, field, value, keep_bits=False):
    """``data`` with the 2-byte ``field`` of every header at ``offsets`` set to ``value`` (or-ed into it with
    ``keep_bits``)."""
    data = bytearray(data)
    for offset in offsets:
        old = struct.unpack_from("<H", data, offset + field)[0]
        struct.pack_into("<H", data, offset + field, old | value if keep_bits else value)
    return bytes(data)


def with_flag_or_method(data, encrypted=False, method=None):
    """The zip with its members marked encrypted (flag bit 0) or compressed with ``method``, in both headers."""
    local, central = _headers(data)
    if encrypted:
        data = _set_field(data, local, LOCAL_FLAGS, 0x1, keep_bits=True)
        data = _set_field(data, central, CENTRAL_FLAGS, 0x1, keep_bits=True)
    if method is not None:
        data = _set_field(data, local, LOCAL_METHOD, method)
        data = _set_field(data, central, CENTRAL_METHOD, method)
    return data


def _member_data(data, member):
    """(start, size) of ``member``'s compressed data in the zip ``data``."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    name, extra = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    return info.header_offset + 30 + name + extra, info.compress_size


def flipped_byte(data, member):
    """The zip with one byte in the middle of ``member``'s data changed (its CRC no longer matches)."""
    start, size = _member_data(data, member)
    middle = start + size // 2
    return data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1:]


def zeroed_tail(data, member):
    """The zip with the second half of ``member``'s compressed data replaced by zeros."""
    start, size = _member_data(data, member)
    return data[:start + size // 2] + bytes(size - size // 2) + data[start + size:]


def with_declared_sizes(data, size=None, compressed=None):
    """The zip with every member's uncompressed ``size`` and/or ``compressed`` size declared as given (4-byte
    fields, no zip64) in both headers: a bomb that lies about its sizes."""
    local, central = _headers(data)
    data = bytearray(data)
    for value, local_field, central_field in ((compressed, 18, 20), (size, 22, 24)):
        if value is not None:
            for offset in local:
                struct.pack_into("<I", data, offset + local_field, value)
            for offset in central:
                struct.pack_into("<I", data, offset + central_field, value)
    return bytes(data)


def bomb(name="PS_LibreAcces_Personne_activite_202611240000.txt", size=BOMB_BYTES, zip64=True):
    """A zip whose one member is ``size`` zeros, deflated (about 1,000 times smaller)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w", force_zip64=zip64) as stream:
            block = bytes(1 << 20)
            for _ in range(size >> 20):
                stream.write(block)
    return buffer.getvalue()


def damaged(kind, member, data):
    """A zip holding ``data`` as ``member``, damaged as ``kind`` (one of :data:`DAMAGES`); the bomb holds zeros
    instead. The bad CRC is made on a stored member (a flipped byte in deflated data may break the compressed
    stream first)."""
    if kind == "bomb":
        return bomb(member)
    if kind == "bad_crc":
        return flipped_byte(zip_bytes([(member, data)], zipfile.ZIP_STORED), member)
    good = zip_bytes([(member, data)])
    if kind == "truncated":
        return good[:len(good) // 2]
    if kind == "zero_padded":
        return good[:len(good) // 2] + bytes(len(good) - len(good) // 2)
    if kind == "zeroed_member":
        return zeroed_tail(good, member)
    if kind == "encrypted":
        return with_flag_or_method(good, encrypted=True)
    if kind == "deflate64":
        return with_flag_or_method(good, method=DEFLATE64)
    raise ValueError(kind)


def write_bombs(folder, members):
    """One bomb zip per name of ``members`` ({name: member inside}) in ``folder``: {name: path}. Deflating 96 MB
    of zeros takes a moment, so a test module makes them once."""
    paths = {}
    for name, member in members.items():
        paths[name] = folder / f"{name}.zip"
        paths[name].write_bytes(damaged("bomb", member, b""))
    return paths
