## The locale itself (issue 16): read by the loader, not shown as page text.
## English: written by the developers alongside the Japanese; reviewed with each change.
locale-name = English
locale-dir = ltr
# Where a missing message is looked for before Japanese (space-separated tags).
locale-fallback = ja
