"""`make preview`: the built site/ served by nginx with the shipped deploy/nginx.conf.

The site as the intranet will serve it (its headers, 404 pages, caching, compression and
Content-Security-Policy) on 127.0.0.1, in a local nginx that needs no root and touches
nothing of the system's nginx: its own prefix, config, pid, logs and temp folders. The
browser tests serve the site through the same code (`nginx()`).
"""

from __future__ import annotations

import argparse
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's; its nginx.conf includes it too
PREFERRED_PORT = 8080


class Address(str):
    """The site's base URL; .process is the nginx serving it."""

    process: subprocess.Popen


class PreviewError(Exception):
    """A problem the person running `make preview` can fix; the message says how."""


def site_path(site_url: str) -> str:
    """The path the site is served under: '/' or '/handbuch/', from site_url."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def render(text: str, *, root: Path, port: int, path: str = "/") -> str:
    """The shipped server block for this instance: listen on 127.0.0.1:port, serve from
    root, and put the site under `path` (the lines marked '# path' get it as prefix)."""
    changes: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
        (r"^(\s*)listen\s+[^;]+;", rf"\g<1>listen 127.0.0.1:{port};"),
        (r"^(\s*)server_name\s+[^;]+;", r"\g<1>server_name 127.0.0.1;"),
        (r"^(\s*)root\s+[^;]+;", lambda m: f'{m.group(1)}root "{root}";'),
    ]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
        if count != 1:
            raise PreviewError(
                f"{SHIPPED}: no line matches {pattern!r}; keep one "
                "'listen', 'server_name' and 'root' line in the server block."
            )
    lines = text.splitlines(keepends=True)
    marked = [n for n, line in enumerate(lines) if re.search(r"#\s*path\s*$", line)]
    for n in marked:
        lines[n] = re.sub(r"(?<=[\s^])/", path, lines[n], count=1)  # after a space or ^
    if len(marked) != 4:
        raise PreviewError(
            f"{SHIPPED}: expected 4 lines marked '# path' (the location, and the 404 page's "
            f"default, folder pattern and folder page), found {len(marked)}."
        )
    return "".join(lines)


def _user_line() -> str:
    # nginx started as root runs its workers as 'nobody', who cannot read a site inside a
    # root-only folder (pytest's temp folders, /root). Root here is CI or a container: keep
    # the workers on the starting user; they serve 127.0.0.1 only.
    if os.geteuid() != 0:
        return ""
    return f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"


def write_instance(folder: Path, site: Path, port: int, path: str = "/") -> Path:
    """Write the instance's nginx.conf into folder (emptied first); return its path."""
    if not MIME_TYPES.is_file():
        raise PreviewError(
            f"{MIME_TYPES} is missing: install nginx (Debian: apt-get install nginx)."
        )
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "temp").mkdir(parents=True)
    docroot = site.resolve()
    if path != "/":  # the site under a sub-path: <docroot>/handbuch/ is site/
        docroot = folder / "docroot"
        (docroot / path.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        (docroot / path.strip("/")).symlink_to(site.resolve(), target_is_directory=True)
    server = folder / "handbook.conf"
    server.write_text(
        render(SHIPPED.read_text(encoding="utf-8"), root=docroot, port=port, path=path),
        encoding="utf-8",
    )
    temp = folder / "temp"
    conf = folder / "nginx.conf"
    conf.write_text(
        f"# Written by tools/preview.py for one local instance; the rules are {SHIPPED.name}'s.\n"
        f"{_user_line()}worker_processes 1;\n"
        f'pid "{folder}/nginx.pid";\n'
        f'error_log "{folder}/error.log" warn;\n'
        "events { worker_connections 64; }\n"
        "http {\n"
        f'    include "{MIME_TYPES}";\n'
        "    default_type application/octet-stream;\n"
        f'    access_log "{folder}/access.log";\n'
        + "".join(
            f'    {kind}_temp_path "{temp}/{kind}";\n'
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f'    include "{server}";\n'
        "}\n",
        encoding="utf-8",
    )
    return conf


def free_port(preferred: int = 0) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
        except OSError:
            probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if not found:
        raise PreviewError("nginx is not installed: install it (Debian: apt-get install nginx).")
    return found


def wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            raise PreviewError(
                f"nginx stopped at once (exit {process.returncode}):\n{text.strip()}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise PreviewError(f"nginx did not listen on 127.0.0.1:{port} within 15 s; see {log}")


@contextmanager
def nginx(site: Path, folder: Path, *, path: str = "/", port: int = 0):
    """Serve site/ through nginx with the shipped config; yields the site's base URL."""
    if not (site / "index.html").is_file():
        raise PreviewError(f"{site} holds no built site: run 'make site' first.")
    binary = _nginx_binary()
    port = free_port(port)
    conf = write_instance(folder, site, port, path)
    check = subprocess.run(
        [binary, "-t", "-q", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        raise PreviewError(f"nginx rejects the config ({conf}):\n{check.stderr.strip()}")
    process = subprocess.Popen(
        [
            binary,
            "-p",
            str(folder),
            "-e",
            str(folder / "error.log"),
            "-c",
            str(conf),
            "-g",
            "daemon off;",
        ]
    )
    try:
        wait_until_listening(process, port, folder / "error.log")
        address = Address(f"http://127.0.0.1:{port}{path}")
        address.process = process
        yield address
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT)  # graceful: finish requests, then stop
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument(
        "--port",
        type=int,
        default=PREFERRED_PORT,
        help=f"port on 127.0.0.1 (default {PREFERRED_PORT}, or a free one)",
    )
    args = parser.parse_args(argv)
    from tools.project import load_config

    site_url = os.environ.get("HANDBOOK_SITE_URL") or load_config()["site_url"]
    try:
        with nginx(args.site, ROOT / ".preview", path=site_path(site_url), port=args.port) as url:
            print(
                f"The handbook through nginx with deploy/nginx.conf: {url}\n"
                "Logs in .preview/. Ctrl-C stops it.",
                flush=True,
            )
            code = url.process.wait()
        print(f"nginx stopped (exit {code}); its log: .preview/error.log", file=sys.stderr)
        return 0 if code == 0 else 1
    except KeyboardInterrupt:
        print("\nnginx stopped.")
    except PreviewError as error:
        print(f"make preview: {error}", file=sys.stderr)
        return 1
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    # Ctrl-C and `kill` stop nginx too (set here: a shell may start a job with SIGINT ignored).
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    sys.exit(main())
