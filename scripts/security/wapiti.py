# Runs Debian's wapiti with its exclusion patterns fixed when they are broken. wapiti 3.0.4 (Debian 12)
# compiles each --exclude URL as `<pattern>\Z(?ms)`, which Python 3.11 refuses ("global flags not at the
# start of the expression"), so any -x crashes the scan. The same pattern with the flags in front is
# what it meant; newer wapiti versions are left alone.
import re
import sys

from wapitiCore.net import crawler

try:
    crawler.wildcard_translate("x")
except re.error:
    def wildcard_translate(pattern):
        return re.compile("(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")

    crawler.wildcard_translate = wildcard_translate

from wapitiCore.main.wapiti import wapiti_main  # noqa: E402

sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
