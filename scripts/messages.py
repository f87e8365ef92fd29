"""Extract every translatable string into locale/<lang>/LC_MESSAGES/{django,djangojs}.po.

    python scripts/messages.py            # update the catalogues in this checkout
    python scripts/messages.py --compile  # ...and compile them to .mo

New strings arrive untranslated; strings whose English changed come back "fuzzy". Both stay
so until a translator fills them in (``msgfmt --statistics`` counts them, and
tests/test_translations.py fails while any remain).
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

IGNORE = [".venv/*", "tests/*", "benchmarks/*", "staticfiles/*", "media/*", "test-results/*", "node_modules/*"]


def run(root: Path, languages: list[str], compile_mo: bool = False) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "innovation.settings.dev"}
    ignores = [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    locales = [arg for language in languages for arg in ("-l", language)]
    python = sys.executable
    for domain in ("django", "djangojs"):
        subprocess.run(  # noqa: S603 - fixed arguments, this interpreter
            [python, "manage.py", "makemessages", "-d", domain, *locales, *ignores, "--no-obsolete"],
            cwd=root,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if compile_mo:
        subprocess.run(  # noqa: S603 - fixed arguments, this interpreter
            [python, "manage.py", "compilemessages", "--ignore", ".venv"],
            cwd=root,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="also compile the .mo files")
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    languages = sorted(path.name for path in (root / "locale").iterdir() if path.is_dir())
    run(root, languages, compile_mo=args.compile)


if __name__ == "__main__":
    main()
