"""Every user-facing string has a French translation with the same {placeholders}."""

from scripts.translations import TS_FILES, problems, source_strings


def test_there_is_a_french_translation_file():
    assert [path.name for path in TS_FILES] == ["medical_deserts_fr.ts"]


def test_every_string_is_translated():
    assert len(source_strings()) > 50
    for path in TS_FILES:
        assert problems(path) == []
