"""Regenerate index.json from stories/*.json (run after editing a story)."""
import collections, glob, json, os

D = os.path.dirname(os.path.abspath(__file__))


def main():
    rows = []
    for p in sorted(glob.glob(os.path.join(D, 'stories', '*.json'))):
        g = json.load(open(p, encoding='utf-8'))
        nn = g.get('non_news_documents', [])
        rows.append({
            'id': g['id'], 'file': 'stories/' + os.path.basename(p), 'source': g['source'],
            'split': g['split'], 'kind': g.get('kind'), 'documents': len(g['documents']),
            'newsrooms': len(set(g['newsrooms'].values())),
            'news_newsrooms': len({g['newsrooms'][d] for d in g['documents'] if d not in nn}),
            'non_news_documents': nn,
            'quotes': len(g['quotes']), 'facts': len(g['facts']), 'dates': len(g['dates']),
            'entities': len(g['entities']), 'disagreements': len(g['disagreements']),
            'updates': sum(1 for x in g['disagreements'] if x['kind'] == 'update'),
        })
    tot, by = collections.Counter(), collections.Counter()
    for r in rows:
        by[(r['source'], r['split'])] += 1
        for k in ('quotes', 'facts', 'disagreements', 'updates', 'entities', 'dates'):
            tot[k] += r[k]
        tot['stories_without_disagreement'] += r['disagreements'] == 0
    out = {'version': 1, 'stories': rows, 'totals': dict(tot),
           'per_source_split': {f'{a}/{b}': n for (a, b), n in sorted(by.items())}}
    json.dump(out, open(os.path.join(D, 'index.json'), 'w', encoding='utf-8'), indent=1)
    print(len(rows), 'stories', out['per_source_split'], dict(tot))


if __name__ == '__main__':
    main()
