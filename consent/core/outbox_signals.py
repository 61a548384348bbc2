"""What the outbox's senders (delivery.py) tell the apps that queued the mail, each in the
transaction that decides it."""

from django.dispatch import Signal

# With the Message-IDs of the campaign mails just deleted unsent (`message_ids`) and the time
# (`at`), in that transaction: the campaign's record of who it was queued to says so.
campaign_mail_withheld = Signal()
# With the Message-IDs of the campaign mails the mail server refused for good (`message_ids`,
# `_refused_for_good`) and the time (`at`), in the transaction recording it: no campaign goes to
# that person again until they confirm an address anew (consent/marketing/returns.py).
campaign_mail_refused = Signal()
# With the names of the files (`names`) the mails just held back for a blocked person carried
# (`blocked_files`), in the claim's transaction: whoever made them learns they never went out.
files_mail_held_back = Signal()
