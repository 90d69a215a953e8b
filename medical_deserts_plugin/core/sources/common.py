"""Shared plumbing of the source readers: column names, encodings, zip members, départements, commune codes.

Pure Python + numpy/pandas; nothing here imports qgis or Qt.

* :func:`normalise_name` / :func:`match_columns`: find columns by a normalised spelling (case, accents, punctuation
  and small words such as "d'" or "de" do not matter), so header variants between extractions still match;
* :func:`open_zip`, :func:`open_member`, :func:`verify_archive`: zip archives read safely (damaged, encrypted,
  unsupported compression and zip bombs refused with an :class:`ArchiveError` naming the archive and the member);
* :func:`open_binary`: a plain file, a member of a zip archive (chosen by a name pattern), bytes or a binary stream,
  every line checked by a :class:`LineGuard` (a line over :data:`MAX_LINE_BYTES` is refused: :class:`LineTooLong`);
* :func:`detect_encoding`: UTF-8 (with or without byte-order mark) or Latin-1;
* :class:`LineFilter`: a binary stream that drops and counts lines without the expected number of separators
  (a truncated last line, a line broken by a stray newline) before pandas parses the rest;
* :func:`parse_departements`: ``"23, 53"`` or ``["23", "2A"]`` -> ``["23", "53"]`` / ``["23", "2A"]``, validated;
* :func:`departement_of_commune`, :func:`departement_of_postal_code`, :func:`city_of_arrondissement`.
"""

import codecs
import io
import lzma
import os
import re
import struct
import unicodedata
import zipfile
import zlib
from contextlib import contextmanager

import numpy as np
import pandas as pd

# ------------------------------------------------------------------------------------------------ column names

_SMALL_WORDS = {"d", "de", "du", "des", "l", "la", "le", "les", "a", "au", "aux", "et"}
_ABBREVIATIONS = {"coordonnees": "coord", "coordonnee": "coord", "numero": "num", "no": "num", "n": "num"}


def normalise_name(name):
    """``"Libellé civilité d'exercice "`` -> ``"libelle civilite d exercice"``: lower case, no accents, every run of
    spaces and punctuation collapsed to one space."""
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def compact_name(name):
    """Looser key than :func:`normalise_name`: small words dropped, a few abbreviations unified, no spaces.

    ``"Code commune (coordonnées structure)"`` and ``"Code commune (coord. structure)"`` give the same key, as do
    ``"Libellé civilité d'exercice"`` and ``"Libellé civilité exercice"``.
    """
    words = [_ABBREVIATIONS.get(word, word) for word in normalise_name(name).split()]
    return "".join(word for word in words if word not in _SMALL_WORDS)


def match_columns(header, fields):
    """Indices of wanted columns in ``header``.

    ``fields`` maps a key to a tuple of accepted spellings. Exact normalised names are tried first, then the compact
    keys. Returns ``({key: index}, [keys not found])``.
    """
    normal = {}
    compact = {}
    for index, name in enumerate(header):
        normal.setdefault(normalise_name(name), index)
        compact.setdefault(compact_name(name), index)
    found, missing = {}, []
    for key, spellings in fields.items():
        index = next((normal[n] for n in map(normalise_name, spellings) if n in normal), None)
        if index is None:
            index = next((compact[c] for c in map(compact_name, spellings) if c in compact), None)
        if index is None:
            missing.append(key)
        else:
            found[key] = index
    return found, missing


# ---------------------------------------------------------------------------------------------- files, encodings


def detect_encoding(sample):
    """``"utf-8-sig"`` (byte-order mark), ``"utf-8"`` or ``"latin-1"`` for the first bytes of a text file.

    The sample may end in the middle of a multi-byte character: only complete characters are checked.
    """
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def _path_of(source):
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return None


# ------------------------------------------------------------------------------------------------ zip archives

#: A zip member whose uncompressed size is more than this many times its compressed size is refused as a zip bomb
#: (text tables compress 5 to 30 times; a bomb of zeros about 1,000 times), once larger than
#: :data:`EXPANSION_CHECKED_FROM` bytes (small, very repetitive members are harmless).
MAX_EXPANSION_RATIO = 200
EXPANSION_CHECKED_FROM = 64 << 20
#: Compression methods that can be read here (Python's zipfile).
READABLE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_METHOD_NAMES = {1: "Shrink", 6: "Implode", 9: "Deflate64", 10: "PKWARE Implode", 18: "IBM TERSE", 19: "IBM LZ77",
                 93: "Zstandard", 95: "xz", 96: "JPEG", 97: "WavPack", 98: "PPMd", 99: "AES encryption"}
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_FLAGS = 0x1 | 0x40  # encrypted, strong encryption
#: What zipfile and the decompressors raise on damaged data.
_DAMAGE_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError, struct.error)


class ArchiveError(ValueError):
    """A zip archive that cannot be read safely: damaged or incomplete, encrypted, compressed with a method that
    cannot be read here, or expanding to an unreasonable size. The message names the archive and the member."""


def _size_of(source):
    """Size in bytes of a path, bytes or seekable stream (the stream's position is kept)."""
    path = _path_of(source)
    if path is not None:
        return os.path.getsize(path)
    if isinstance(source, (bytes, bytearray)):
        return len(source)
    position = source.tell()
    try:
        return source.seek(0, io.SEEK_END)
    finally:
        source.seek(position)


def _zip_source(source):
    return io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source


def _starts_like_zip(source):
    path = _path_of(source)
    if path is not None:
        with open(path, "rb") as stream:
            return stream.read(4) == _ZIP_MAGIC
    if isinstance(source, (bytes, bytearray)):
        return bytes(source[:4]) == _ZIP_MAGIC
    position = source.tell()
    try:
        return source.read(4) == _ZIP_MAGIC
    finally:
        source.seek(position)


def open_zip(source, name=None):
    """``zipfile.ZipFile`` of ``source`` (path, bytes or seekable binary stream); :class:`ArchiveError` naming
    ``name`` (default: the path) when it cannot be opened."""
    name = name or _path_of(source) or "<zip>"
    source = _zip_source(source)
    try:
        return zipfile.ZipFile(source)
    except (FileNotFoundError, PermissionError, IsADirectoryError):
        raise
    except _DAMAGE_ERRORS as error:
        if _starts_like_zip(source) and not zipfile.is_zipfile(source):
            raise _no_table_of_contents(name) from error
        raise ArchiveError(f"{name} is a damaged or incomplete zip archive ({error}): download it again") from error


def _no_table_of_contents(name):
    return ArchiveError(f"{name} is a damaged zip archive: its table of contents is missing, as when a download is "
                        f"cut: download it again")


def check_member(info, archive_name):
    """Refuse (:class:`ArchiveError`) a member that is encrypted, compressed with a method that cannot be read
    here, or expands more than :data:`MAX_EXPANSION_RATIO` times."""
    where = f"{archive_name}: member “{info.filename}”"
    if info.flag_bits & _ENCRYPTED_FLAGS or info.compress_type == 99:
        raise ArchiveError(f"{where} is encrypted (password-protected): extract it with its password and give the "
                           f"extracted file")
    if info.compress_type not in READABLE_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, "unknown")
        raise ArchiveError(f"{where} is compressed with method {info.compress_type} ({method}), which cannot be read "
                           f"here: extract it with an archive tool and give the extracted file (or zip it again with "
                           f"ordinary Deflate compression)")
    check_expansion(info.file_size, info.compress_size, where)


def check_expansion(size, compressed, where):
    """Refuse (:class:`ArchiveError`) ``size`` uncompressed bytes coming from ``compressed`` bytes when that is a
    zip bomb's expansion (see :data:`MAX_EXPANSION_RATIO`)."""
    ratio = size / max(compressed, 1)
    if size > EXPANSION_CHECKED_FROM and ratio > MAX_EXPANSION_RATIO:
        raise ArchiveError(f"{where} would expand from {compressed:,} to {size:,} bytes ({ratio:,.0f} times, more "
                           f"than {MAX_EXPANSION_RATIO}): refused as a zip bomb")


class _MemberStream(io.RawIOBase):
    """A zip member's stream whose read errors (bad CRC, damaged compressed data, cut archive) become
    :class:`ArchiveError` naming the archive and the member."""

    def __init__(self, stream, where):
        super().__init__()
        self._stream = stream
        self._where = where

    def readable(self):
        return True

    def readinto(self, buffer):
        try:
            data = self._stream.read(len(buffer))
        except _DAMAGE_ERRORS as error:
            raise ArchiveError(f"{self._where} is damaged ({error or type(error).__name__}): download the archive "
                               f"again") from error
        buffer[:len(data)] = data
        return len(data)


@contextmanager
def open_member(archive, member, archive_name):
    """Open a member (name or ``ZipInfo``) of an open ``archive`` after :func:`check_member`; yields a binary stream
    whose read errors are :class:`ArchiveError` naming ``archive_name`` and the member."""
    info = member if isinstance(member, zipfile.ZipInfo) else archive.getinfo(member)
    check_member(info, archive_name)
    where = f"{archive_name}: member “{info.filename}”"
    try:
        stream = archive.open(info)
    except (*_DAMAGE_ERRORS, NotImplementedError) as error:  # NotImplementedError: patched data (flag bit 5)
        raise ArchiveError(f"{where} cannot be read ({error}): download the archive again") from error
    with stream:
        yield _MemberStream(stream, where)


def verify_archive(source, name=None):
    """Read a zip archive whole, every member to its end (CRC checked), with the limits of :func:`check_member` and
    a total expansion check; :class:`ArchiveError` naming the archive and the member at the first problem.
    Returns the names of the members."""
    name = name or _path_of(source) or "<zip>"
    archive_size = _size_of(source)
    with open_zip(source, name) as archive:
        infos = archive.infolist()
        for info in infos:
            check_member(info, name)
        check_expansion(sum(info.file_size for info in infos), archive_size, f"{name} (all members)")
        for info in infos:
            if info.is_dir():
                continue
            with open_member(archive, info, name) as stream:
                while stream.read(1 << 20):
                    pass
    return [info.filename for info in infos if not info.is_dir()]


def zip_members(source):
    """Names of the files of a zip archive (``source``: path, bytes or binary stream), or ``None`` if not a zip.

    A file that starts as a zip but has no readable table of contents (a cut download) raises
    :class:`ArchiveError`."""
    path = _path_of(source)
    if path is not None and not os.path.isfile(path):
        raise FileNotFoundError(f"no such file: {path}")
    stream = None if path is not None else _zip_source(source)
    if stream is not None and not hasattr(stream, "seek"):
        return None
    target = path if path is not None else stream
    position = stream.tell() if stream is not None else None
    try:
        is_zip = zipfile.is_zipfile(target)
        if stream is not None:
            stream.seek(position)
        if not is_zip:
            if _starts_like_zip(target):
                raise _no_table_of_contents(path or "<zip>")
            return None
        with open_zip(target, path) as archive:
            return [info.filename for info in archive.infolist() if not info.is_dir()]
    finally:
        if stream is not None:
            stream.seek(position)


def choose_member(members, pattern, what="file"):
    """The member of a zip archive whose base name matches ``pattern`` (regex, case-insensitive).

    Without a match, the only text member (``.txt``/``.csv``) if there is exactly one. Raises ``ValueError`` otherwise.
    """
    regex = re.compile(pattern, re.IGNORECASE) if pattern else None
    if regex is not None:
        matching = [m for m in members if regex.search(os.path.basename(m))]
        if matching:
            return sorted(matching)[-1]  # newest timestamp last in the name
    texts = [m for m in members if m.lower().endswith((".txt", ".csv"))]
    if len(texts) == 1:
        return texts[0]
    raise ValueError(f"the zip archive holds no {what} (members: {', '.join(members) or 'none'})")


# ---------------------------------------------------------------------------------------------- text streams

#: Longest text line accepted, in bytes. Data lines of the French files are under 2 KB; a longer line is a damaged
#: or wrong file, refused as soon as it is read rather than once it has filled the memory.
MAX_LINE_BYTES = 1 << 20


class LineTooLong(ValueError):
    """A text line longer than :data:`MAX_LINE_BYTES`; the message names the file and the line number."""


class LineGuard(io.RawIOBase):
    """Binary stream passing ``stream``'s bytes on unchanged, raising :class:`LineTooLong` (naming ``name`` and the
    line number, from 1) as soon as a line longer than ``max_line_bytes`` has been read: memory stays bounded by
    the block read, whatever the file holds."""

    def __init__(self, stream, name, max_line_bytes=MAX_LINE_BYTES):
        super().__init__()
        self._stream = stream
        self.name = name
        self.max_line_bytes = max_line_bytes
        self._run = 0  # bytes since the last newline
        self._newlines = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._stream.read(len(buffer))
        self._check(data)
        buffer[:len(data)] = data
        return len(data)

    def readall(self):
        blocks = []
        while True:
            data = self._stream.read(1 << 20)
            if not data:
                return b"".join(blocks)
            self._check(data)
            blocks.append(data)

    def _check(self, data):
        if self._run + len(data) <= self.max_line_bytes:  # no line of this block can be too long
            last = data.rfind(b"\n")
            self._newlines += data.count(b"\n")
            self._run = self._run + len(data) if last < 0 else len(data) - last - 1
            return
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
        lengths = np.diff(np.r_[-1 - self._run, ends]) - 1
        too_long = np.flatnonzero(lengths > self.max_line_bytes)
        if too_long.size:
            self._refuse(self._newlines + int(too_long[0]) + 1)
        self._newlines += len(ends)
        self._run = self._run + len(data) if not len(ends) else len(data) - int(ends[-1]) - 1
        if self._run > self.max_line_bytes:
            self._refuse(self._newlines + 1)

    def _refuse(self, line):
        raise LineTooLong(f"{self.name}: line {line:,} is longer than {self.max_line_bytes:,} bytes (no line break): "
                          f"the file is damaged or is not a text table")


def _guarded(stream, name):
    return io.BufferedReader(LineGuard(stream, name), buffer_size=1 << 20)


@contextmanager
def open_binary(source, member_pattern=None, what="file"):
    """Open ``source`` for binary reading; yields ``(stream, name, size)`` (size in bytes, uncompressed, or None).

    ``source`` is a path to a plain file or a zip archive, bytes, or a binary stream. For a zip, the member whose
    name matches ``member_pattern`` (see :func:`choose_member`) is read without extracting it, after
    :func:`check_member`; its read errors are :class:`ArchiveError`. Every stream refuses a line longer than
    :data:`MAX_LINE_BYTES` (:class:`LineTooLong`).
    """
    members = zip_members(source)
    path = _path_of(source)
    if members is not None:
        archive_name = path or "<zip>"
        with open_zip(source, archive_name) as archive:
            member = choose_member(members, member_pattern, what)
            name = f"{archive_name}!{member}"
            with open_member(archive, member, archive_name) as stream:
                yield _guarded(stream, name), name, archive.getinfo(member).file_size
    elif path is not None:
        with open(path, "rb") as stream:
            yield _guarded(stream, path), path, os.path.getsize(path)
    elif isinstance(source, (bytes, bytearray)):
        yield _guarded(io.BytesIO(source), "<bytes>"), "<bytes>", len(source)
    elif hasattr(source, "read"):
        name = getattr(source, "name", "<stream>")
        yield _guarded(source, name), name, None
    else:
        raise TypeError(f"cannot read {source!r}: expected a path, bytes or a binary stream")


def read_text(source, member_pattern=None, what="file"):
    """Whole text of a (small) file, decoded as UTF-8 or Latin-1; returns ``(text, name, encoding)``."""
    with open_binary(source, member_pattern, what) as (stream, name, _):
        data = stream.read()
    encoding = detect_encoding(data)
    if encoding.startswith("utf-8"):
        try:
            return data.decode(encoding), name, encoding
        except UnicodeDecodeError:
            encoding = "latin-1"
    return data.decode("latin-1"), name, encoding


class LineFilter(io.RawIOBase):
    """Binary stream passing on only the lines with ``expected`` separators; the others are counted and dropped.

    Lines are checked a block at a time with numpy (a few hundred MB per second). Blank lines are dropped silently.
    A last line without a newline is kept if complete, else counted as truncated. ``initial`` holds bytes already
    read from ``stream`` (they come first). Counters: ``lines`` (non-blank lines seen), ``malformed``,
    ``truncated_last_line``, ``consumed`` (bytes read from the source).
    """

    def __init__(self, stream, separator, expected, initial=b"", block_size=8 << 20):
        super().__init__()
        self._stream = stream
        self._separator = ord(separator)
        self.expected = expected
        self._carry = bytes(initial)
        self._block_size = block_size
        self._out = b""
        self._pos = 0
        self._eof = False
        self.lines = 0
        self.malformed = 0
        self.truncated_last_line = False
        self.consumed = len(initial)

    def readable(self):
        return True

    def readinto(self, buffer):
        while self._pos >= len(self._out):
            if self._eof:
                return 0
            self._fill()
        count = min(len(buffer), len(self._out) - self._pos)
        buffer[:count] = self._out[self._pos:self._pos + count]
        self._pos += count
        return count

    def _fill(self):
        data = self._stream.read(self._block_size)
        self.consumed += len(data)
        if not data:
            self._eof = True
            data, self._carry = self._carry, b""
            cut = data.rfind(b"\n")
            complete, last = data[:cut + 1], data[cut + 1:]
            output = self._check(complete) if complete else b""
            last = last.rstrip(b"\r")
            if last.strip():
                self.lines += 1
                if last.count(bytes([self._separator])) == self.expected:
                    output += last + b"\n"
                else:
                    self.malformed += 1
                    self.truncated_last_line = True
            self._set_output(output)
            return
        data = self._carry + data
        cut = data.rfind(b"\n")
        if cut < 0:
            self._carry = data
            self._set_output(b"")
            return
        self._carry = data[cut + 1:]
        self._set_output(self._check(data[:cut + 1]))

    def _set_output(self, data):
        self._out = data
        self._pos = 0

    def _check(self, block):
        array = np.frombuffer(block, dtype=np.uint8)
        ends = np.flatnonzero(array == 10)
        starts = np.r_[0, ends[:-1] + 1]
        separators = np.flatnonzero(array == self._separator)
        counts = np.diff(np.r_[0, np.searchsorted(separators, ends)])
        length = ends - starts
        blank = (length == 0) | ((length == 1) & (array[starts] == 13))
        valid = counts == self.expected
        bad = ~valid & ~blank
        self.lines += int((~blank).sum())
        if not bad.any() and not blank.any():
            return block
        self.malformed += int(bad.sum())
        keep = np.repeat(valid, length + 1)
        return array[keep].tobytes()


# ------------------------------------------------------------------------------------------ départements, communes

#: Département codes accepted by the filters: metropolitan France, Corsica, the overseas départements and
#: collectivities with INSEE commune codes, and ``00`` (the fictional département of the embedded sample).
METROPOLITAN_DEPARTEMENTS = tuple(f"{n:02d}" for n in range(1, 96) if n != 20) + ("2A", "2B")
OVERSEAS_DEPARTEMENTS = ("971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988")
SAMPLE_DEPARTEMENT = "00"
DEPARTEMENTS = frozenset(METROPOLITAN_DEPARTEMENTS + OVERSEAS_DEPARTEMENTS + (SAMPLE_DEPARTEMENT,))


def parse_departements(value):
    """Département filter from user input -> sorted-as-given list of codes without duplicates, or ``None`` (all).

    Accepts ``"23, 53"``, ``"23;53"``, ``"23 53"``, ``["23", "2a"]``, ``[1, 23]`` (-> ``"01"``, ``"23"``),
    ``"20"`` (-> ``"2A", "2B"``). Raises ``ValueError`` naming the unknown codes, e.g. ``"999"``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        items = [item for item in re.split(r"[\s,;|/]+", value.strip()) if item]
    else:
        items = list(value)
    result, unknown = [], []
    for item in items:
        if isinstance(item, (int, np.integer)):
            text = f"{int(item):02d}"
        else:
            text = str(item).strip().upper()
            if text.isdigit() and len(text) == 1:
                text = "0" + text
        codes = ["2A", "2B"] if text == "20" else [text]
        for code in codes:
            if code not in DEPARTEMENTS:
                unknown.append(str(item))
            elif code not in result:
                result.append(code)
    if unknown:
        raise ValueError(f"unknown département code(s): {', '.join(repr(u) for u in unknown)}; expected 01-95, "
                         f"2A, 2B, 971-976 (or 00 for the sample)")
    return result or None


def departement_of_commune(codes):
    """Département of 5-character commune codes (Series of text): ``"2A004"`` -> ``"2A"``, ``"97411"`` -> ``"974"``."""
    codes = pd.Series(codes, dtype=object).fillna("").astype(str)
    two = codes.str[:2]
    return pd.Series(np.where(two.isin(["97", "98"]), codes.str[:3], two), index=codes.index, dtype=object)


def departement_of_postal_code(codes):
    """Département of postal codes: ``"23000"`` -> ``"23"``, ``"20000"`` -> ``"2A"``, ``"20200"`` -> ``"2B"``,
    ``"97400"`` -> ``"974"``; empty where unknown."""
    codes = pd.Series(codes, dtype=object).fillna("").astype(str).str.strip()
    two = codes.str[:2]
    corsica = two == "20"
    third = codes.str[2:3]
    result = np.where(two.isin(["97", "98"]), codes.str[:3], two)
    result = np.where(corsica & third.isin(["0", "1"]), "2A", result)
    result = np.where(corsica & ~third.isin(["0", "1"]), "2B", result)
    result = np.where(codes.str.len() >= 2, result, "")
    return pd.Series(result, index=codes.index, dtype=object)


#: Commune code of the arrondissements municipaux of Paris (75101-75120), Lyon (69381-69389) and
#: Marseille (13201-13216) -> code of the city.
ARRONDISSEMENT_CITY = {
    **{f"751{n:02d}": "75056" for n in range(1, 21)},
    **{f"6938{n}": "69123" for n in range(1, 10)},
    **{f"132{n:02d}": "13055" for n in range(1, 17)},
}


def city_of_arrondissement(codes):
    """Commune codes with the arrondissements of Paris, Lyon and Marseille replaced by the city code."""
    codes = pd.Series(codes, dtype=object)
    mapped = codes.map(ARRONDISSEMENT_CITY)
    return mapped.where(mapped.notna(), codes)


def clean_codes(values, width=None):
    """Text codes: stripped; with ``width``, purely numeric codes shorter than it are left-padded with zeros
    (``"1001"`` -> ``"01001"``: a code read as a number by a spreadsheet)."""
    values = pd.Series(values, dtype=object).fillna("").astype(str).str.strip()
    if width:
        numeric = values.str.fullmatch(r"\d+") & (values.str.len() < width) & (values.str.len() > 0)
        values = values.where(~numeric, values.str.zfill(width))
    return values


def sniff_separator(line, candidates=(";", ",", "\t", "|")):
    """The most frequent candidate separator in a header line."""
    counts = {sep: line.count(sep) for sep in candidates}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"
