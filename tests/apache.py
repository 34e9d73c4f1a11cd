"""A local Apache with deploy/apache.conf as the site's .htaccess and deploy/apache-vhost.conf
in its server config, for tests/test_deploy.py.

Debian's apache2-bin, its own config, pid, logs and lock files, on a loopback port. Apache
refuses to serve as root, so as root its workers run as 'nobody': it serves a world-readable
copy of the site in its own temporary folder, not the test's root-only one.
"""

from __future__ import annotations

import grp
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tools.preview import PreviewError, free_port, wait_until_listening

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "deploy" / "apache.conf"
VHOST = ROOT / "deploy" / "apache-vhost.conf"  # the rules a .htaccess cannot hold
BINARY = "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
# What deploy/apache.conf says it needs, plus the event MPM and Require.
NEEDED = (
    "mpm_event",
    "authz_core",
    "dir",
    "mime",
    "headers",
    "filter",
    "deflate",
    "alias",
    "setenvif",
)


def _config(folder: Path, docroot: Path, port: int) -> str:
    user = ""
    if os.geteuid() == 0:
        group = next(name for name in ("nogroup", "nobody") if _group_exists(name))
        user = f"User nobody\nGroup {group}\n"
    modules = "".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so\n" for name in NEEDED)
    return (
        f'ServerRoot "{folder}"\nServerName 127.0.0.1:{port}\nListen 127.0.0.1:{port}\n'
        f'PidFile "{folder}/apache.pid"\nErrorLog "{folder}/error.log"\n'
        f'DefaultRuntimeDir "{folder}"\nMutex file:{folder}\n{modules}{user}'
        "TypesConfig /etc/mime.types\n"
        f'DocumentRoot "{docroot}"\n'
        f'Include "{VHOST}"\n'
        '<Directory "/">\n    AllowOverride None\n    Require all denied\n</Directory>\n'
        f'<Directory "{docroot}">\n    AllowOverride FileInfo Indexes Options=Indexes\n'
        "    Require all granted\n</Directory>\n"
    )


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
    except KeyError:
        return False
    return True


@contextmanager
def apache(site: Path):
    """Serve a copy of site/ with deploy/apache.conf as its .htaccess; yields the base URL."""
    if not os.access(BINARY, os.X_OK):
        raise PreviewError(
            f"{BINARY} is missing: install apache2-bin (make test does: tools/system-packages)."
        )
    folder = Path(tempfile.mkdtemp(prefix="handbook-apache-"))
    try:
        folder.chmod(0o755)
        docroot = folder / "site"
        shutil.copytree(site, docroot)
        shutil.copy2(SHIPPED, docroot / ".htaccess")
        port = free_port()
        conf = folder / "httpd.conf"
        conf.write_text(_config(folder, docroot, port), encoding="utf-8")
        check = subprocess.run([BINARY, "-t", "-f", str(conf)], capture_output=True, text=True)
        if check.returncode != 0:
            raise PreviewError(f"apache2 rejects the config:\n{check.stderr.strip()}")
        process = subprocess.Popen([BINARY, "-f", str(conf), "-DFOREGROUND"])
        try:
            wait_until_listening(process, port, folder / "error.log")
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=15)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
