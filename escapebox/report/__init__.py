"""Reports for the trainer's debrief: one printable file for all groups of a leerfestival.

``sources`` finds the sessions (local store or exported JSON) and rebuilds each
scenario from the snapshot saved with the session, so a report also works on
another laptop; ``compare`` lines the groups up; ``html``, ``markdown`` and
``csv_out`` write the file.  Nothing here loads from the network or writes
reflection text anywhere but the report the trainer asked for.
"""
