"""Zip archives and text lines from outside: damaged, encrypted, Deflate64 and bomb zips refused with a message
naming the archive and the member, by every reader and by ``verify_archive``; a line over the limit refused with
the file and the line number, in bounded memory."""

import io
import re
import tracemalloc
import zipfile

import pytest

from medical_deserts_plugin.core.sources.anct import read_zoning
from medical_deserts_plugin.core.sources.common import (
    ArchiveError,
    LineGuard,
    LineTooLong,
    check_expansion,
    open_binary,
    verify_archive,
    zip_members,
)
from medical_deserts_plugin.core.sources.finess import read_finess
from medical_deserts_plugin.core.sources.insee import read_population
from medical_deserts_plugin.core.sources.rpps import read_rpps
from medical_deserts_plugin.sample import write_sample
from tests.zips import (DAMAGES, bomb, damaged, with_declared_sizes, with_flag_or_method, write_bombs,
                        zip_bytes)

#: reader, sample file, member name in the zip
READERS = {
    "rpps": (read_rpps, "rpps", "PS_LibreAcces_Personne_activite_202611240000.txt"),
    "finess": (read_finess, "finess", "etalab-cs1100507-stock-20261124.csv"),
    "population": (read_population, "population", "population_communes.csv"),
    "anct": (read_zoning, "anct", "zonage_frr.csv"),
}
#: What the message says, per damage; {member} is the member's name.
MESSAGES = {
    "bad_crc": r"member “{member}” is damaged \(Bad CRC-32",
    "truncated": r"is a damaged zip archive: its table of contents is missing",
    "zero_padded": r"is a damaged zip archive: its table of contents is missing",
    "zeroed_member": r"member “{member}” is damaged",
    "encrypted": r"member “{member}” is encrypted \(password-protected\)",
    "deflate64": r"member “{member}” is compressed with method 9 \(Deflate64\), which cannot be read here",
    "bomb": r"member “{member}” would expand from [\d,]+ to 100,663,296 bytes .*zip bomb",
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return write_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    """The bomb of each reader."""
    return write_bombs(tmp_path_factory.mktemp("bombs"), {name: member for name, (_, _, member) in READERS.items()})


def damaged_file(kind, reader, sample, bombs, folder):
    if kind == "bomb":
        return bombs[reader]
    _, key, member = READERS[reader]
    path = folder / f"{reader}_{kind}.zip"
    path.write_bytes(damaged(kind, member, open(sample[key], "rb").read()))
    return path


@pytest.mark.parametrize("reader", READERS)
def test_the_good_zip_is_read(reader, sample, tmp_path):
    read, key, member = READERS[reader]
    archive = tmp_path / "good.zip"
    archive.write_bytes(zip_bytes([(member, open(sample[key], "rb").read())]))
    assert verify_archive(archive) == [member]
    from_zip, _ = read(archive)
    plain, _ = read(sample[key])
    assert from_zip.equals(plain) and len(plain) > 0


@pytest.mark.parametrize("kind", DAMAGES)
@pytest.mark.parametrize("reader", READERS)
def test_damaged_zip_refused_with_archive_and_member(kind, reader, sample, bombs, tmp_path):
    read, _, member = READERS[reader]
    path = damaged_file(kind, reader, sample, bombs, tmp_path)
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match=MESSAGES[kind].format(member=re.escape(member))) as error:
        read(path)
    assert isinstance(error.value, ValueError) and str(path) in str(error.value)
    with pytest.raises(ArchiveError, match=MESSAGES[kind].format(member=re.escape(member))):
        verify_archive(path)
    assert path.read_bytes() == before


def test_damage_of_bytes_and_streams_is_refused_too(sample):
    _, key, member = READERS["population"]
    data = damaged("bad_crc", member, open(sample[key], "rb").read())
    for source in (data, io.BytesIO(data)):
        with pytest.raises(ArchiveError, match=r"<zip>: member “population_communes.csv” is damaged"):
            read_population(source)
    cut = damaged("truncated", member, open(sample[key], "rb").read())
    with pytest.raises(ArchiveError, match="table of contents is missing"):
        zip_members(io.BytesIO(cut))


def test_expansion_limit():
    """Refused beyond 200 times and 64 MiB; a small very repetitive member passes."""
    check_expansion(64 << 20, 1, "small")  # 64 MiB exactly: not checked
    check_expansion(200 << 20, 1 << 20, "ratio 200")
    with pytest.raises(ArchiveError, match=r"x would expand from 1,048,576 to 210,763,776 bytes \(201 times"):
        check_expansion(201 << 20, 1 << 20, "x")
    with pytest.raises(ArchiveError, match=r"many.zip \(all members\) would expand .* zip bomb"):
        verify_archive(_many_small_bombs(), "many.zip")


def test_a_bomb_lying_about_its_size_is_read_only_to_the_declared_size():
    """96 MB of zeros declared as 1 MB: read up to 1 MB, then the CRC does not match: damaged, memory bounded."""
    liar = with_declared_sizes(bomb("population.csv", zip64=False), size=1 << 20)
    tracemalloc.start()
    try:
        with pytest.raises(ArchiveError, match=r"liar.zip: member “population.csv” is damaged \(Bad CRC-32"):
            verify_archive(liar, "liar.zip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_a_bomb_lying_about_its_compressed_size_is_refused_as_a_whole():
    """Compressed size declared equal to the 96 MB: the member looks stored-like, the archive is 1,000 times too
    small for it."""
    liar = with_declared_sizes(bomb("population.csv", zip64=False), compressed=96 << 20)
    with pytest.raises(ArchiveError, match=r"liar.zip \(all members\) would expand from [\d,]+ to 100,663,296"):
        verify_archive(liar, "liar.zip")


def _many_small_bombs():
    """Eight members of 16 MiB of zeros: each under the member limit, 128 MiB together."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(8):
            archive.writestr(f"part{index}.txt", bytes(16 << 20))
    return buffer.getvalue()


def test_encrypted_archive_of_several_members():
    """The first encrypted member is named."""
    good = zip_bytes([("a.txt", b"x;y\n1;2\n"), ("b.csv", b"p;q\n3;4\n")])
    encrypted = with_flag_or_method(good, encrypted=True)
    with pytest.raises(ArchiveError, match=r"a\.txt” is encrypted"):
        verify_archive(encrypted, "both.zip")


# ------------------------------------------------------------------------------------------------------ long lines


def guarded_read(data, limit, block):
    guard = LineGuard(io.BytesIO(data), "table.csv", max_line_bytes=limit)
    while guard.read(block):
        pass


@pytest.mark.parametrize("block", [1, 3, 7, 64, 1 << 20])
def test_line_guard_line_numbers(block):
    """Lines of 10 bytes pass a 10-byte limit whatever the read size; an 11-byte line is named by its number."""
    ten = b"0123456789\n"
    guarded_read(ten * 5 + b"0123456789", 10, block)
    with pytest.raises(LineTooLong, match=r"table.csv: line 4 is longer than 10 bytes"):
        guarded_read(ten * 3 + b"0123456789A\n" + ten, 10, block)
    with pytest.raises(LineTooLong, match=r"line 3 is longer than 10 bytes"):
        guarded_read(ten * 2 + b"x" * 50, 10, block)  # last line, no newline
    with pytest.raises(LineTooLong, match=r"line 1 "):
        guarded_read(b"x" * 11, 10, block)


def test_line_guard_passes_the_bytes_unchanged():
    data = b"a;b\r\n" + "é;ü\n".encode("latin-1") * 1000 + b"no newline at the end"
    with open_binary(data) as (stream, name, size):
        assert stream.read() == data and name == "<bytes>" and size == len(data)
    with open_binary(zip_bytes([("t.csv", data)])) as (stream, name, size):
        assert stream.readline() == b"a;b\r\n" and stream.read() == data[5:] and name == "<zip>!t.csv"


LONG_LINE = 40 << 20


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("in_zip", [False, True], ids=["plain", "zip"])
def test_a_long_line_is_refused_in_bounded_memory(reader, in_zip, sample, tmp_path):
    """40 MB without a newline after the first line (the header): refused naming line 2 while holding a few MB,
    not the file."""
    read, key, member = READERS[reader]
    header = open(sample[key], "rb").readline()
    data = header + b"x" * LONG_LINE
    path = tmp_path / ("long.zip" if in_zip else "long.csv")
    path.write_bytes(zip_bytes([(member, data)]) if in_zip else data)
    tracemalloc.start()
    try:
        with pytest.raises(LineTooLong, match=r"line 2 is longer than 1,048,576 bytes") as error:
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(path) in str(error.value) and (member in str(error.value)) == in_zip
    assert peak < 16 << 20, f"peak {peak / 2 ** 20:.0f} MB"


def test_finess_quote_left_open_names_the_line():
    """csv's field limit (128 KB) stops a quote left open; the message names the file and the line it opened on."""
    data = (b"finess;etalab;98;2026-11-24\nstructureet;010000024;\"open quote;x\n"
            + b"structureet;010000032;name;x\n" * 20000)
    with pytest.raises(ValueError, match=r"<bytes>: line 2: field larger than field limit .* quote is left open"):
        read_finess(data)


def test_anct_field_over_the_csv_limit_names_the_line():
    data = b"Zonage FRR\nCODGEO;FRR\n" + b"x" * (200 << 10) + b";FRR\n23096;FRR\n"
    with pytest.raises(ValueError, match=r"<bytes>: line 3: field larger than field limit .* not a ZRR/FRR zoning"):
        read_zoning(data)
