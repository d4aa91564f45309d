# Korean messages for this résumé. Any text of resume.toml, and any
# built-in label, can be given or overridden here by its message id:
#
#   project-search-platform-name = 검색 플랫폼
#   section-projects = 주요 프로젝트
#
# `resume i18n extract --lang ko` prints the ids of texts that still lack
# a Korean version.
