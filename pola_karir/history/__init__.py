"""What changed in the data between two git revisions, and when each file last changed.

``git`` reads the data folder as it was at a revision (:mod:`.git`), the existing loader turns
it into a model (:mod:`.snapshot`), and :mod:`.compare` lists what differs between two models,
field by field, as facts (:class:`.compare.Change`); :mod:`.wording` says them in the
regulation's words. :mod:`.timeline` walks the history of the data folder once for the site's
*Riwayat perubahan* page and the "data last changed" line of every page. Nothing here knows
MkDocs: the plugin and the CLI pass a folder path.
"""
