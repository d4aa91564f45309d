# English messages for this résumé. Any text of resume.toml, and any
# built-in label, can be given or overridden here by its message id:
#
#   project-search-platform-name = Search platform
#   section-projects = Selected work
#
# `resume i18n extract --lang en` prints the ids of texts that still lack
# an English version.
