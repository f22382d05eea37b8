"""What the extractor reads from every text of ours, so that a refactoring can prove it changed no reading.

Texts: the training data (data/nlu), the NLU development sets (tests/nlu/dev.yml, tests/nlu/context_dev.yml), the
vignettes (tests/vignettes) and the development conversations (tests/dialogue_dev). Held-out and blind files are
never read. Each reading (findings, side, places, duration, flags) is written as one JSON line per text.

    .venv/bin/python scripts/extraction_snapshot.py write before.jsonl     # on the old code
    .venv/bin/python scripts/extraction_snapshot.py write after.jsonl      # on the new code
    .venv/bin/python scripts/extraction_snapshot.py diff before.jsonl after.jsonl

`diff` prints how many texts were compared and every text whose reading changed; it exits 1 when any did.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# One fixed "now" for texts that carry none, so that relative dates read the same on every run.
DEFAULT_NOW = datetime(2026, 11, 18, 12, 0)
ENTITY_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def training_texts() -> Iterator[tuple[str, datetime]]:
    for path in sorted((REPO_ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text()).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    text = ENTITY_ANNOTATION.sub(lambda m: m.group(1) or m.group(2) or "", line.strip()[2:])
                    yield text, DEFAULT_NOW


def development_set_texts() -> Iterator[tuple[str, datetime]]:
    for name in ("dev.yml", "context_dev.yml"):
        document = yaml.safe_load((REPO_ROOT / "tests" / "nlu" / name).read_text())
        default_now = datetime.fromisoformat(str(document.get("default_now", DEFAULT_NOW.isoformat())))
        for example in document["examples"]:
            now = example.get("now")
            yield str(example["text"]), datetime.fromisoformat(str(now)) if now else default_now


def conversation_texts() -> Iterator[tuple[str, datetime]]:
    paths = sorted((REPO_ROOT / "tests" / "vignettes").glob("*.yml"))
    paths += sorted((REPO_ROOT / "tests" / "dialogue_dev").glob("conversations*.yml"))
    for path in paths:
        for persona in yaml.safe_load(path.read_text()).get("personas", []):
            yield from ((text, DEFAULT_NOW) for text in strings_in(persona))


def strings_in(value: Any) -> Iterator[str]:
    """Every message of a persona: its opening, its answers, its stroke-screen answers and later messages."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "volunteered", "expected_level", "reasoning", "expected", "notes"):
                yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str) and value.strip():
        yield value


def all_texts() -> list[tuple[str, datetime]]:
    seen: set[tuple[str, datetime]] = set()
    texts = []
    for item in (*training_texts(), *development_set_texts(), *conversation_texts()):
        if item not in seen:
            seen.add(item)
            texts.append(item)
    return texts


def reading_of(text: str, now: datetime) -> dict[str, Any]:
    from bot.nlu.extraction import ClinicalExtractor

    extraction = ClinicalExtractor.shared().extract(text, now)
    return {
        "findings": {code: status.value for code, status in sorted(extraction.findings.items())},
        "face_side": extraction.face_side,
        "locations": list(extraction.locations),
        "duration_days": extraction.duration.days,
        "duration_vague": extraction.duration.vague,
        "duration_correction": extraction.duration.correction,
        "entities": sorted(
            [entity.entity, entity.value, entity.start, entity.end] for entity in extraction.entities
        ),
        "stroke_only_past_or_others": extraction.stroke_only_past_or_others,
        "declares_emergency": extraction.declares_emergency,
    }


def write(path: Path) -> None:
    with path.open("w") as out:
        for text, now in all_texts():
            record = {"text": text, "now": now.isoformat(), "reading": reading_of(text, now)}
            out.write(json.dumps(record, sort_keys=True) + "\n")


def diff(before: Path, after: Path) -> int:
    def load(path: Path) -> dict[tuple[str, str], Any]:
        records = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
        return {(record["text"], record["now"]): record["reading"] for record in records}

    old, new = load(before), load(after)
    shared = sorted(old.keys() & new.keys())
    changed = [key for key in shared if old[key] != new[key]]
    for key in changed:
        print(f"- {key[0]!r}\n    before: {old[key]}\n    after:  {new[key]}")
    print(
        f"{len(shared)} texts read by both, {len(changed)} readings changed; "
        f"{len(old.keys() - new.keys())} only before, {len(new.keys() - old.keys())} only after"
    )
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write_command = commands.add_parser("write", help="write the readings of every text to a JSON-lines file")
    write_command.add_argument("path", type=Path)
    diff_command = commands.add_parser("diff", help="compare two files written by `write`")
    diff_command.add_argument("before", type=Path)
    diff_command.add_argument("after", type=Path)
    arguments = parser.parse_args()
    if arguments.command == "write":
        write(arguments.path)
        return 0
    return diff(arguments.before, arguments.after)


if __name__ == "__main__":
    sys.exit(main())
