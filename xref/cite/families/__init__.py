"""The citation builder, one module per family of the grammar's start rules.

``base`` holds what every family uses (spans, ``make``, dates, page ranges, tree helpers);
``telegrams`` (telegrams, despatches, airgrams), ``crossrefs`` (documents, footnotes, FRUS
volumes), ``publications`` (pages, other publications), ``paths`` (archival paths) and
``ibid`` each add the methods for their rules. :mod:`xref.cite.transform` joins them into one
``Builder`` and maps each start rule to its method.
"""
