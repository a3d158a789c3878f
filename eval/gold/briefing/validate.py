"""Check the briefing gold against its source texts (read from ../shared, never copied).

Usage (from the project root):  python eval/gold/briefing/validate.py [story.json ...]
Checks: documents exist; every quote's text occurs (after normalising case, quote marks and
punctuation) in each document it cites; date expressions and entity aliases occur in a cited
document; every fact's "newsrooms" equals the number of distinct newsroom keys among its documents.
Set NEWSFUSE_SHARED to the shared folder if it is not at ../shared.
"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
SHARED = os.environ.get('NEWSFUSE_SHARED') or os.path.join(ROOT, '..', 'shared')
ECB = os.path.join(SHARED, 'eval', 'clustering', 'ecbplus-dev.jsonl')
MN = os.path.join(SHARED, 'eval', 'summarization', 'multinews-val.jsonl')


def load():
    ecb = {r['id']: r for r in map(json.loads, open(ECB, encoding='utf-8'))}
    mn = [json.loads(l) for l in open(MN, encoding='utf-8')]
    return ecb, mn


def text(doc, ecb, mn):
    if doc.startswith('mn:'):
        _, i, j = doc.split(':')
        a = mn[int(i)]['articles'][int(j)]
        return a['title'] + '\n' + a['text']
    return ecb[doc]['title'] + '\n' + ecb[doc]['text']


def norm(s):
    for a, b in (('’', "'"), ('‘', "'"), ('“', '"'), ('”', '"')):
        s = s.replace(a, b)
    return ' '.join(re.sub(r'[^\w]+', ' ', s.lower()).split())


def check(path, ecb, mn):
    g = json.load(open(path, encoding='utf-8'))
    errs, docs = [], g['documents']
    try:
        T = {d: norm(text(d, ecb, mn)) for d in docs}
    except (KeyError, IndexError, ValueError) as e:
        return [f'unknown document {e}']
    if set(g['newsrooms']) != set(docs):
        errs.append('newsrooms keys differ from documents')
    for q in g['quotes']:
        for d in q['documents']:
            if d not in T:
                errs.append(f'quote cites unknown doc {d}')
            elif norm(q['text']) not in T[d]:
                errs.append(f'quote not found in {d}: {q["text"][:60]}')
    for f in g['facts']:
        cp = f.get('copies', {})
        n = len({cp.get(d, g['newsrooms'][d]) for d in f['documents']})
        if f.get('newsrooms') != n:
            errs.append(f'fact newsroom count {f.get("newsrooms")} != {n}: {f["text"][:50]}')
    for x in g['dates']:
        if x.get('expression') and not any(norm(x['expression']) in T.get(d, '') for d in x['documents']):
            errs.append('date expression not found: ' + x['expression'])
    for e in g['entities']:
        for a in e['aliases']:
            if not any(norm(a) in T.get(d, '') for d in e['documents']):
                errs.append(f'alias not found: {a}')
    return errs


def main(argv):
    ecb, mn = load()
    paths = argv or sorted(glob.glob(os.path.join(HERE, 'stories', '*.json')))
    bad = 0
    for p in paths:
        errs = check(p, ecb, mn)
        bad += bool(errs)
        print(('FAIL ' if errs else 'ok   ') + os.path.basename(p))
        for e in errs:
            print('     ', e)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
