"""A non-editable install works: the wheel carries rules/ inside the package."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_rules_and_runs_from_anywhere(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path / "dist")], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("newsfacts-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {str(p.relative_to(ROOT)) for p in (ROOT / "rules").rglob("*") if p.is_file()}
    assert {f"newsfacts/{f}" for f in rule_files} <= names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import json, newsfacts, newsfacts.rules as r; "
            "print(json.dumps([newsfacts.__file__, str(r.builtin_dir()), "
            "newsfacts.extract('أسقطت الدفاعات أربعة صواريخ فوق منطقة بيلغورود.')['places'][0]['name']]))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True).stdout
    module, rules_dir, place = json.loads(out)
    assert module.startswith(str(target)) and rules_dir == str(target / "newsfacts" / "rules")
    assert place == "بيلغورود"
