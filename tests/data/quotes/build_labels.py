import json, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from spec import SPEC
gt = json.load(open(sys.argv[2] if len(sys.argv) > 2 else '../shared/eval/scrapinghub-dev/ground-truth.json'))
CLOSERS = ['”', '"', '»', '“']
out = []
for prefix, items in SPEC.items():
    ids = [k for k in gt if k.startswith(prefix)]
    assert len(ids) == 1, prefix
    k = ids[0]
    paras = gt[k]['articleBody'].split('\n\n')
    quotes = []
    for it in items:
        para, start, speaker = it[:3]
        p = paras[para]
        s = p.find(start)
        assert s >= 0, (prefix, para, start)
        if len(it) > 3:
            e = p.index(it[3], s) + len(it[3])
        else:
            ends = [p.find(c, s) for c in CLOSERS]
            ends = [e for e in ends if e >= 0]
            e = min(ends) if ends else len(p)
        text = p[s:e].strip()
        assert len(text.split()) >= 4, (prefix, text)
        quotes.append({'text': text, 'speaker': speaker})
    out.append({'id': k, 'url': gt[k]['url'], 'quotes': quotes})
json.dump(out, open(sys.argv[1], 'w'), ensure_ascii=False, indent=1)
print(len(out), 'pages', sum(len(p['quotes']) for p in out), 'quotes')
