"""Every string a person can read exists in every shipped language.

The catalogues are extracted again from the current source into a copy of the project, as
``make messages`` would; a string added or changed without a translation shows up there as
untranslated or fuzzy and fails this test. The committed .mo files must match the .po files.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
LANGUAGES = sorted(path.name for path in LOCALE.iterdir() if path.is_dir())
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "node_modules", "staticfiles", "media", "test-results", "__pycache__", "*.sqlite3", "tests"
)


def _need_gettext():
    if shutil.which("msgfmt") and shutil.which("xgettext"):
        return
    if os.environ.get("CI"):
        pytest.fail("GNU gettext (msgfmt, xgettext) is required to check the translations.")
    pytest.skip("GNU gettext is not installed; translations not checked.")


def _statistics(po: Path) -> dict:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po)], capture_output=True, text=True, check=True
    )
    figures = dict.fromkeys(("translated", "fuzzy", "untranslated"), 0)
    for count, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr):
        figures[kind] = int(count)
    return figures


def _untranslated(po: Path) -> list[str]:
    """The msgids left without a translation or marked fuzzy (for the failure message)."""
    result = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(po)], capture_output=True, text=True, check=False
    )
    fuzzy = re.findall(r'^msgid "(.+)"$', result.stdout, re.MULTILINE)
    result = subprocess.run(
        ["msgattrib", "--untranslated", "--no-wrap", str(po)], capture_output=True, text=True, check=False
    )
    return fuzzy + re.findall(r'^msgid "(.+)"$', result.stdout, re.MULTILINE)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The project's source with its catalogues re-extracted from the current code."""
    _need_gettext()
    copy = tmp_path_factory.mktemp("messages") / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import messages
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    messages.run(copy, LANGUAGES)
    return copy


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_string_is_translated(extracted, language, domain):
    po = extracted / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    figures = _statistics(po)
    assert figures["translated"] > 0
    left = _untranslated(po)
    assert figures["untranslated"] == 0 and figures["fuzzy"] == 0, (
        f"{figures['untranslated']} untranslated and {figures['fuzzy']} fuzzy strings in {language}/{domain}.po; "
        f"run `make messages`, translate them, then `make messages` again to compile. First ones: {left[:10]}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_committed_catalogue_is_complete_and_compiled(tmp_path, language, domain):
    _need_gettext()
    po = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    figures = _statistics(po)
    assert figures["untranslated"] == 0 and figures["fuzzy"] == 0
    compiled = tmp_path / f"{domain}.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(po)], check=True)
    assert compiled.read_bytes() == po.with_suffix(".mo").read_bytes(), "the .mo is stale: run `make messages`"
