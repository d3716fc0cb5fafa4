"""The leerfestival in the UI: the group's side (:mod:`.link`) and the trainer's wall (:mod:`.wall`)."""
