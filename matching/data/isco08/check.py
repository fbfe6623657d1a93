#!/usr/bin/env python3
"""Check the ISCO-08 unit group files: python3 matching/data/isco08/check.py

Each <lang>.jsonl must hold valid JSON per line, sorted by code, with the same
436 distinct four-digit codes in every file, a non-empty title, and (outside
English) at least 3 words per group except the armed forces groups.
Prints groups and words per language; exits non-zero on any problem.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ["de", "en", "uk", "ru", "ar", "fa", "tr", "ku"]
ARMED = {"0110", "0210", "0310"}
EXPECTED = 436
# characters that must not appear in a language's file (wrong script/letters)
FORBIDDEN = {
    "uk": re.compile(r"[ыэъё]", re.I),
    "ru": re.compile(r"[іїєґ]", re.I),
    "fa": re.compile(r"[يك]"),
    "ar": re.compile(r"[یکگپچژ]"),
    "ku": re.compile(r"[ıöüğİÖÜĞ]"),  # Turkish letters that Kurmanji (Hawar) does not use
}
LATIN = re.compile(r"[A-Za-z]")
NATIVE_SCRIPT = {"uk", "ru", "ar", "fa"}


def check(lang: str, problems: list[str]) -> tuple[set[str], int, int] | None:
    """Check one language's file; (codes, groups, words), or None when it is missing."""
    path = HERE / f"{lang}.jsonl"
    if not path.exists():
        problems.append(f"{lang}: missing file")
        return None
    codes: list[str] = []
    nwords = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{lang}.jsonl:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: invalid JSON ({e})")
            continue
        code = row.get("isco08")
        if not isinstance(code, str) or not re.fullmatch(r"\d{4}", code):
            problems.append(f"{where}: bad code {code!r}")
            continue
        codes.append(code)
        title = row.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where}: empty title")
            title = ""
        words = row.get("words")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(f"{where}: words must be a list of non-empty strings")
            words = []
        if len(set(words)) != len(words):
            problems.append(f"{where}: duplicate words")
        nwords += len(words)
        if lang != "en" and code not in ARMED and len(words) < 3:
            problems.append(f"{where}: {code} has {len(words)} words (< 3)")
        if lang != "en" and code in ARMED and not words:
            problems.append(f"{where}: {code} has no words")
        for text in [title] + words:
            bad = FORBIDDEN.get(lang)
            if bad and bad.search(text):
                problems.append(f"{where}: wrong letters in {text!r}")
            if lang in NATIVE_SCRIPT and LATIN.search(text):
                problems.append(f"{where}: Latin letters in {text!r}")
    if len(set(codes)) != len(codes):
        problems.append(f"{lang}: duplicate codes")
    if codes != sorted(codes):
        problems.append(f"{lang}: not sorted by code")
    if len(set(codes)) != EXPECTED:
        problems.append(f"{lang}: {len(set(codes))} codes, expected {EXPECTED}")
    return set(codes), len(codes), nwords


def main() -> int:
    """Check every language, print the coverage; 1 when there are problems."""
    problems: list[str] = []
    results: dict[str, tuple[set[str], int, int]] = {}
    for lang in LANGS:
        r = check(lang, problems)
        if r:
            results[lang] = r
    reference = results["en"][0] if "en" in results else None
    print(f"{'lang':<5}{'groups':>7}{'words':>7}")
    for lang, (codes, ngroups, nwords) in results.items():
        print(f"{lang:<5}{ngroups:>7}{nwords:>7}")
        if reference is not None and codes != reference:
            diff = sorted(codes ^ reference)
            problems.append(f"{lang}: codes differ from en: {' '.join(diff[:20])}")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
