#!/bin/sh
# Builds the seed corpora of the fuzz targets from ../samples (never from
# the evaluation sets). Run from fuzz/: sh seed.sh
set -eu
samples=../samples
mkdir -p corpus/html corpus/text corpus/warc corpus/jsonl
for f in "$samples"/*.html; do cp "$f" corpus/html/; done
gunzip -c "$samples/gzipped-page.html.gz" > corpus/html/gzipped-page.html
cp "$samples"/*.txt corpus/text/
# Text dumps look like pages with their tags gone: seed with the HTML too.
for f in "$samples"/*.html; do cp "$f" "corpus/text/$(basename "$f" .html).txt"; done
gunzip -c "$samples/crawl.warc.gz" > corpus/warc/crawl.warc
cp "$samples/pages.jsonl" corpus/jsonl/
# One-line seeds: each JSONL line alone.
split -l 1 "$samples/pages.jsonl" corpus/jsonl/line-
