"""The summary every stage passes on: the format-1 model, country codes, what to review, follow-up fulfilment, people; pure."""
