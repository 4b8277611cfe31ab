"""Signals other apps listen to. `certificate_issued` is sent after the transaction that issued a
certificate commits, once per certificate (kwarg `certificate_id`): the e-mail to the holder
hangs on it."""

from django.dispatch import Signal

# kwargs: certificate_id
certificate_issued = Signal()
