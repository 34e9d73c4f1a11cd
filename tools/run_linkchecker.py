"""LinkChecker's own command, except that it keeps the user it was started as.

Started as root (as in CI), LinkChecker switches its effective user to 'nobody' once it has
read its config. Where Python lives in a folder only root may read (a checkout below /root),
it then cannot load its anchor plugin and silently checks no anchors. It reads only our own
site from 127.0.0.1 (tools/check_links.py), so it may keep the caller's user.
"""

import sys

from linkcheck.command import linkchecker as command

command.drop_privileges = lambda: None  # looked up by name when linkchecker() runs
sys.exit(command.linkchecker())
