"""Command line: `python -m assistant.intent train [--fast] [--check] [--out PATH]` and `train-escalation`."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Train the intent head and write it into the package (or check that a rerun reproduces it)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from .head import DEFAULT_PATH, IntentArtifact

    parser = argparse.ArgumentParser(prog="python -m assistant.intent", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    tr = sub.add_parser("train", help="train on the public data and the project-written sessions")
    tr.add_argument("--fast", action="store_true", help="200 WebShop rows only; for checking the pipeline")
    tr.add_argument("--check", action="store_true", help="retrain and compare with the shipped head; write nothing")
    tr.add_argument("--out", type=Path, default=DEFAULT_PATH, help=f"where to write (default: the packaged {DEFAULT_PATH.name})")
    esc = sub.add_parser("train-escalation", help="train the English escalation head")
    esc.add_argument("--out", type=Path, default=None, help="where to write (default: the packaged escalation_head.json)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    if args.command == "train-escalation":
        from .escalation_model import DEFAULT_PATH as ESC_PATH
        from .escalation_model import train_escalation

        doc = train_escalation()
        out = args.out or ESC_PATH
        out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
        print(json.dumps(doc["training"], indent=1))
        return 0

    from .train import fingerprint, train

    artifact = train(fast=args.fast)
    if not args.fast:
        artifact.training["fast_fingerprint"] = fingerprint(train(fast=True, evaluate_sets=False))
    if args.check:
        shipped = IntentArtifact.load(args.out)
        new = IntentArtifact.load_text(artifact.to_json())
        diff = max(abs(a - b) for a, b in zip(shipped.head.coef, new.head.coef))
        same_bytes = artifact.to_json() == args.out.read_text(encoding="utf-8")
        print(json.dumps({"max_coef_diff": diff, "identical_file": same_bytes}, indent=1))
        return 0 if diff <= 1e-4 else 1
    artifact.save(args.out)
    print(f"wrote {args.out}")
    print(json.dumps(artifact.training.get("held_out", {}), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
