"""The benchmark measures the same corpus on every run: its copies of the articles do not depend on Python's hash
seed (figures measured on two runs must be of one corpus to be compared)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITE = """
import hashlib, sys, tempfile
from pathlib import Path
from bench.bench import templates, write_corpus
with tempfile.TemporaryDirectory() as tmp:
    write_corpus(Path(tmp) / "corpus", 40, templates())
    digest = hashlib.sha256()
    for path in sorted((Path(tmp) / "corpus").iterdir()):
        digest.update(path.name.encode() + path.read_bytes())
    print(digest.hexdigest())
"""


def _corpus_digest(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", WRITE], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_benchmark_corpus_is_the_same_under_any_hash_seed():
    assert _corpus_digest("1") == _corpus_digest("2")
