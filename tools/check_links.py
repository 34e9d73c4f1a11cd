"""`make links`: every link and anchor of the built site, checked by LinkChecker.

Serves the site folder on 127.0.0.1 (anchors are checked only over HTTP) and runs
LinkChecker on it with ./linkcheckerrc. Exit 0 when every internal link and anchor
resolves; otherwise LinkChecker's findings, each naming the page, line and target.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "linkcheckerrc"
LINKCHECKER = [sys.executable, str(ROOT / "tools" / "run_linkchecker.py")]


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")  # lifts LinkChecker's rate limit
        super().end_headers()

    def log_message(self, format, *args) -> None:  # quiet: LinkChecker reports
        pass


def check(site: Path, start: str = "", verbose: bool = False) -> tuple[bool, str]:
    """(True, report) when nothing is broken; the report is LinkChecker's output. It starts
    at the home page, or at `start` (a page's path below the site). verbose: the report
    lists every link checked, not only the broken ones."""
    handler = functools.partial(_Handler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        result = subprocess.run(
            [
                *LINKCHECKER,
                "--config",
                str(CONFIG),
                "--no-status",
                "--no-robots",
                "--output",
                "text",
                *(["--verbose"] if verbose else []),
                url + start,
            ],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        server.shutdown()
    report = result.stdout
    found = report[report.find("Start checking") :] if "Start checking" in report else report
    clean = result.returncode == 0 and " 0 warnings found" in found and " 0 errors found" in found
    return clean, found + result.stderr * (not clean)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    options = parser.parse_args(argv)
    if not (options.site / "index.html").is_file():
        print(
            f"check-links: no built site in {options.site}; run 'make site' first", file=sys.stderr
        )
        return 2
    clean, report = check(options.site)
    if clean:
        print(f"check-links: every link and anchor in {options.site} resolves")
        return 0
    print(report)
    print(
        "check-links: broken links above. 'Parent URL' is the page with the link, 'URL' "
        "the link as written: fix it in that page's Markdown file in docs/ (German x.md, "
        "English x.en.md), then run 'make site links' again.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
