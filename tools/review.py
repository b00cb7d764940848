#!/usr/bin/env python3
"""Read an article the way a newsreader would: for every sentence, what is
written, what suara says (its spoken form) and the phonemes espeak-ng
speaks, side by side, with the tokens that need a human look flagged.

usage: tools/review.py [--suara ./suara] [--flags-only] ARTICLE.txt...

Flags, after each sentence (one line per flagged token):
  DIGIT    a token with digits (numbers, dates, codes, money)
  CAPS     a token with a capital inside or all capitals (acronyms, names)
  SYMBOL   a token with a symbol other than sentence punctuation
  UNKNOWN  a word in neither Indonesian (hunspell-id, and suara's own
           voices/id/roots.tsv) nor English (hunspell-en-us) dictionary
  ENGLISH  a word English knows and Indonesian does not (read by Indonesian
           rules: check it)

The three views come from `suara --segment`, `--normalize` and
`--phonemes` on the same text, so they line up sentence by sentence. The
dictionaries are read from Debian's hunspell-id and hunspell-en-us
(`apt-get install hunspell-id hunspell-en-us`); without them the word flags
are left out. Counts of each flag close the report, to compare two runs.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def stems(path):
    words = set()
    try:
        with open(path, encoding='latin-1') as f:
            next(f, None)
            for line in f:
                w = line.split('/')[0].strip()
                if w:
                    words.add(w.lower())
    except OSError:
        return None
    return words


def roots(path):
    words = set()
    try:
        for line in open(path, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            w = line.split('\t')[0].strip()
            words.add(w.replace('é', 'e').replace('è', 'e').replace('ë', 'e'))
    except OSError:
        pass
    return words


def show(suara, mode, text):
    r = subprocess.run([suara, '--' + mode, '-'], input=text.encode(), capture_output=True)
    if r.returncode != 0:
        sys.exit('review: suara --%s failed: %s' % (mode, r.stderr.decode(errors='replace')))
    return [l for l in r.stdout.decode('utf-8', 'replace').split('\n')]


PREFIXES = ['memper', 'diper', 'keber', 'ketidak', 'menge', 'meng', 'meny', 'mem', 'men', 'me',
            'penge', 'peng', 'peny', 'pem', 'pen', 'pe', 'ber', 'be', 'bel', 'per', 'pel', 'ter',
            'te', 'di', 'ke', 'se', '']
RESTORE = {'meng': 'k', 'peng': 'k', 'mem': 'p', 'pem': 'p', 'men': 't', 'pen': 't', 'meny': 's',
           'peny': 's'}
SUFFIXES = ['kannya', 'annya', 'inya', 'kan', 'an', 'i', 'nya', 'lah', 'kah', 'pun', 'ku', 'mu', '']


def indonesian(word, idw):
    """A word, or affixes around a stem of the dictionary (rough, for flags
    only: suara's own grammar is src/pron/morph.c)."""
    if word in idw:
        return True
    for suf in SUFFIXES:
        if suf and not word.endswith(suf):
            continue
        body = word[:len(word) - len(suf)] if suf else word
        for pre in PREFIXES:
            if not body.startswith(pre) or len(body) - len(pre) < 2:
                continue
            stem = body[len(pre):]
            if stem in idw or (pre in RESTORE and RESTORE[pre] + stem in idw):
                return True
    return False


def flags(sentence, idw, enw):
    out = []
    for tok in sentence.split():
        core = tok.strip('()[]{}"\'“”‘’«».,;:!?…')
        if not core:
            continue
        if re.search(r'\d', core):
            out.append(('DIGIT', core))
        elif re.search(r'[A-Z]', core[1:]) or (len(core) > 1 and core.isupper()):
            out.append(('CAPS', core))
        if re.search(r'[^\w\-\'’.,]', core, re.UNICODE):
            out.append(('SYMBOL', core))
        if idw is None or not re.fullmatch(r'[A-Za-z]+', core):
            continue
        w = core.lower()
        known_id = indonesian(w, idw)
        if not known_id and enw is not None and w in enw:
            out.append(('ENGLISH', core))
        elif not known_id and core[0].islower():
            out.append(('UNKNOWN', core))
    return out


def main():
    a = sys.argv[1:]
    suara = os.path.join(ROOT, 'suara')
    only_flags = False
    if '--suara' in a:
        i = a.index('--suara')
        suara = a[i + 1]
        del a[i:i + 2]
    if '--flags-only' in a:
        a.remove('--flags-only')
        only_flags = True
    if not a:
        sys.exit(__doc__)
    idw = stems('/usr/share/hunspell/id_ID.dic')
    if idw is not None:
        idw |= roots(os.path.join(ROOT, 'voices', 'id', 'roots.tsv'))
    enw = stems('/usr/share/hunspell/en_US.dic')
    totals = {}
    for path in a:
        text = open(path, encoding='utf-8').read()
        seg, spoken, phon = (show(suara, m, text) for m in ('segment', 'normalize', 'phonemes'))
        print('=' * 78)
        print(path)
        for w, s, p in zip(seg, spoken, phon):
            if not w.strip():
                continue
            fl = flags(w, idw, enw)
            for k, _ in fl:
                totals[k] = totals.get(k, 0) + 1
            if only_flags and not fl:
                continue
            print()
            print('  written  ' + w)
            print('  spoken   ' + s)
            print('  phonemes ' + p)
            for k, t in fl:
                print('    %-8s %s' % (k, t))
    print()
    print('flags: ' + ', '.join('%s %d' % (k, totals[k]) for k in sorted(totals)))


if __name__ == '__main__':
    main()
