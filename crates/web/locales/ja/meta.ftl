## The locale itself (issue 16): read by the loader, not shown as page text.
## 日本語: the base language. Every message exists here; every other locale falls back to it.
locale-name = 日本語
locale-dir = ltr
# Where a missing message is looked for before Japanese (space-separated tags); none here.
locale-fallback = ja
