"""The vector document shape shared by the secops generators."""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "vectors"
ROOT = Path(__file__).resolve().parents[2]


class Doc:
    def __init__(self, rule, description):
        self.rule, self.description, self.cases = rule, description, []

    def ok(self, name, call, args, expect):
        self.cases.append({"name": name, "call": call, "args": args, "expect": expect})

    def err(self, name, call, args, code):
        self.cases.append({"name": name, "call": call, "args": args, "error": code})

    def write(self, minimum=30):
        assert len(self.cases) >= minimum, (self.rule, len(self.cases))
        names = [c["name"] for c in self.cases]
        assert len(names) == len(set(names)), "duplicate case names"
        doc = {"rule": self.rule, "description": self.description, "cases": self.cases}
        (OUT / f"{self.rule}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(self.rule, len(self.cases), "cases")
