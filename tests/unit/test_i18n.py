"""The interface's two languages (client/i18n/): Dutch, in every page's bundle, and English, fetched
only when someone chooses it (client/i18n.js, decision 74). Every string and error has both, with
the same placeholders; every file of strings is merged into its language's whole (dutch.js,
english.js), so a new file cannot be left out of one of them; no key is defined in two files (the
later one would silently win). Checked in Node on the modules the browser runs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.golden.js import ROOT

SCRIPT = r"""
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
const dir = resolve('client/i18n');
const load = (f) => import(pathToFileURL(resolve(dir, f)).href);
const out = { whole: {}, files: {} };
for (const [lang, whole] of [['nl', 'dutch.js'], ['en', 'english.js']]) {
  const m = await load(whole);
  out.whole[lang] = { strings: m.strings, errors: m.errors };
  out.files[lang] = {};
  for (const f of readdirSync(dir).filter((f) => f === `${lang}.js` || f.endsWith(`-${lang}.js`)).sort()) {
    const part = await load(f);
    out.files[lang][f] = { strings: part.strings, errors: part.errors };
  }
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def dictionaries() -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to read the client's strings (Node 20)")
    done = subprocess.run([node, "--input-type=module", "-e", SCRIPT], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{\w+\}", text))


@pytest.mark.parametrize("part", ["strings", "errors"])
def test_dutch_and_english_have_the_same_keys_and_placeholders(dictionaries, part):
    nl, en = dictionaries["whole"]["nl"][part], dictionaries["whole"]["en"][part]
    assert sorted(set(nl) - set(en)) == [], "in Dutch only"
    assert sorted(set(en) - set(nl)) == [], "in English only"
    differ = {k: (nl[k], en[k]) for k in nl if placeholders(nl[k]) != placeholders(en[k])}
    assert differ == {}


def test_every_file_of_strings_is_merged_into_its_language_once(dictionaries):
    for lang in ("nl", "en"):
        files = dictionaries["files"][lang]
        assert len(files) >= 4, files.keys()  # nl.js, live-, runsheet-, contract-…
        twin = {f.replace(f"{lang}.js", "nl.js" if lang == "en" else "en.js") for f in files}
        assert twin == set(dictionaries["files"]["en" if lang == "nl" else "nl"]), "a file without its twin"
        whole = dictionaries["whole"][lang]
        for part in ("strings", "errors"):
            where: dict[str, str] = {}
            for name, content in files.items():
                for key, text in content[part].items():
                    assert key not in where, f"{part}.{key} in {where.get(key)} and {name}"
                    where[key] = name
                    assert whole[part].get(key) == text, f"{name}'s {part}.{key} is not in its language's whole"
            assert set(whole[part]) == set(where)
