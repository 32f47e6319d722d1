"""Word lists the analysis reads: data only, each list written once.

One module per domain, each a set of plain values (frozensets, tuples,
mappings of strings) with a comment saying what belongs in it and why; no
code beyond building those values. The analysis layers compile what they
need from them (tries, scanners) once, at first use:

- ``cues``: verbs and phrases of speech, stance and the broad reading of attribution;
- ``sources``: heads of source noun phrases: anonymous, crowd, role, institution,
  outlet nouns, titles, reasons for anonymity;
- ``names``: name particles, titles, transliteration folds;
- ``casualties`` and ``numbers``: casualty conditions, victim groups, number words;
- ``stories``: capitalised words that tie no story together, headline noise, weekdays, months.

Rules never import this package: they read what the analysis made of the text.
"""
