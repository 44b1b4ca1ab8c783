"""Rules: cross-file references (:mod:`.references`), national regulations (:mod:`.national`)
and career paths (:mod:`.paths`), over the assembled model; :mod:`.validate` runs them."""
