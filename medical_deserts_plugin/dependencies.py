"""Check, before anything imports them, that the scientific libraries the plugin needs are there."""

from importlib import import_module

#: (module, minimum version, Debian package, pip requirement)
REQUIREMENTS = (
    ("numpy", "1.21", "python3-numpy", "numpy<2"),
    ("scipy", "1.9", "python3-scipy", "scipy>=1.9"),
    ("pandas", "1.3", "python3-pandas", "pandas"),
    ("shapely", "2.0", None, "shapely>=2.0,<2.1 --no-deps"),
)


def version_tuple(text):
    """``"1.10.1"`` -> ``(1, 10, 1)``; non-numeric tails are ignored."""
    parts = []
    for piece in str(text).split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) != len(piece):
            break
    return tuple(parts)


def missing_dependencies():
    """List of (module, found version or None, minimum, how to install) for each requirement not met."""
    missing = []
    for module, minimum, debian, pip in REQUIREMENTS:
        try:
            found = getattr(import_module(module), "__version__", "0")
        except ImportError:
            found = None
        if found is None or version_tuple(found) < version_tuple(minimum):
            how = f"pip install \"{pip.split(' ')[0]}\"" + (" --no-deps" if "--no-deps" in pip else "")
            if debian:
                how = f"apt install {debian}  (or {how})"
            missing.append((module, found, minimum, how))
    return missing
