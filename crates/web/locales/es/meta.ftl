## The locale itself (issue 16): read by the loader, not shown as page text.
## Machine-assisted; awaits review by a native speaker (see main.ftl's header).
locale-name = Español
locale-dir = ltr
# Where a missing message is looked for before Japanese (space-separated tags).
locale-fallback = en
