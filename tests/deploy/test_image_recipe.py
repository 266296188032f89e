"""The Dockerfile's recipe, run here without Docker: build the wheel, install it clean, run CMD and HEALTHCHECK.

No Docker engine runs on these machines, so these tests read the Dockerfile and compose file and
perform the same steps in a fresh virtualenv: what the image would run is what runs here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
import venv

import yaml

from tests.support.processes import ROOT, free_port, wait_for_http


def dockerfile_final_stage() -> list[str]:
    """Instructions of the last stage, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text()
    joined = re.sub(r"\\\n\s*", " ", text)
    lines = [ln.strip() for ln in joined.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    last_from = max(i for i, ln in enumerate(lines) if ln.startswith("FROM "))
    return lines[last_from:]


def stages() -> dict[str, list[str]]:
    """Each named stage's instructions (``FROM … AS name``), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    froms = [i for i, ln in enumerate(lines) if ln.startswith("FROM ")] + [len(lines)]
    named = {}
    for start, end in zip(froms, froms[1:]):
        words = lines[start].split()
        if len(words) == 4 and words[2].upper() == "AS":
            named[words[3]] = lines[start + 1:end]
    return named


DOCKERIGNORED = shutil.ignore_patterns("node_modules", "dist", "__pycache__")  # .dockerignore: built here, not sources


def run_stage(stage: list[str], workdir, context, built: dict) -> None:
    """A build stage, without Docker: its COPY lines copy from the context (or an earlier stage's
    directory), its RUN lines run in ``workdir`` (its WORKDIR)."""
    for line in stage:
        words = line.split()
        if words[0] == "COPY":
            source_root = context
            if words[1].startswith("--from="):
                source_root, words = built[words[1].removeprefix("--from=")], words[1:]
            *names, target = words[1:]
            for name in names:
                src = source_root / name.removeprefix("/src/")
                # Docker: a directory's contents go to the target; into a target ending in / a file keeps its name
                dest = workdir / target / (src.name if target.endswith("/") and src.is_file() else "")
                dest.parent.mkdir(parents=True, exist_ok=True)
                if src.is_dir():
                    shutil.copytree(src, dest, ignore=DOCKERIGNORED, dirs_exist_ok=True)
                else:
                    shutil.copy(src, dest)
        elif words[0] == "RUN" and "pip wheel" not in line:  # the wheel is built by the test itself
            subprocess.run(line[4:], shell=True, cwd=workdir, check=True, stdout=subprocess.DEVNULL)


def image_env(stage: list[str]) -> dict[str, str]:
    env: dict[str, str] = {}
    for line in stage:
        if line.startswith("ENV "):
            for key, value in re.findall(r"(\w+)=(\S+)", line[4:]):
                env[key] = value
    return env


def exec_form(stage: list[str], instruction: str) -> list[str]:
    line = next(ln for ln in stage if ln.startswith(instruction + " "))
    return json.loads(line[line.index("["):])


def test_image_stage_is_slim_non_root_and_checks_health():
    """The final stage runs as a non-root user, from a slim base, with a healthcheck on /readyz."""
    stage = dockerfile_final_stage()
    assert stage[0].startswith("FROM python:3.11-slim")
    assert any(ln.startswith("USER ") and "root" not in ln for ln in stage)
    assert "/readyz" in next(ln for ln in stage if ln.startswith("HEALTHCHECK "))
    assert not any("[test]" in ln for ln in stage)  # no test extras in the image


def test_the_image_recipe_installs_and_serves(tmp_path):
    """Wheel -> clean venv -> the image's ENV and CMD serve the client, and the HEALTHCHECK passes."""
    stage = dockerfile_final_stage()
    wheels = tmp_path / "wheels"
    # The stages, as Docker would run them: the client stage builds the bundle (npm ci and the
    # build), the build stage copies exactly what its COPY lines name (no stale build/ or dist/ of
    # the work tree) and the bundle from the client stage.
    named = stages()
    built = {}
    for name in ("client", "build"):
        built[name] = tmp_path / name
        built[name].mkdir()
        run_stage(named[name], built[name], ROOT, built)
    src = built["build"]
    assert (src / "client/dist/manifest.json").is_file(), "the image carries no bundle"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels),
                    str(src)], check=True)
    venv.create(tmp_path / "image", with_pip=True)
    pip = tmp_path / "image/bin/pip"
    subprocess.run([str(pip), "install", "--quiet", *map(str, wheels.glob("*.whl"))], check=True)
    # The client is in the wheel: nothing is copied beside it, no SAMENSPEL_STATIC_DIR.
    app = tmp_path / "app"
    app.mkdir()
    env = image_env(stage)
    assert "SAMENSPEL_STATIC_DIR" not in env
    port = free_port()
    env.update(SAMENSPEL_PORT=str(port), SAMENSPEL_HOST="127.0.0.1", SAMENSPEL_DATA_DIR=str(tmp_path / "data"))
    run_env = {"PATH": f"{tmp_path / 'image/bin'}:{os.environ['PATH']}", **env}
    cmd = exec_form(stage, "CMD")
    server = subprocess.Popen(cmd, cwd=app, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/healthz", proc=server)
        healthcheck = exec_form(stage, "HEALTHCHECK")  # HEALTHCHECK ... CMD [...]
        assert subprocess.run(healthcheck, env=run_env, cwd=app, timeout=10).returncode == 0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as page:
            document = page.read().lower()
            assert b"<html" in document
            assert b'<script type="module" src="/static/dist/main-' in document  # the bundle, fresh
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/vendor/msgpack.min.js") as lib:
            assert lib.status == 200
        # Every file of the client is in the wheel, those in subdirectories (board/, i18n/, …) too.
        for path in sorted(p for p in (src / "client").rglob("*") if p.is_file()):
            rel = path.relative_to(src / "client").as_posix()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/{rel}") as served:
                assert served.read() == path.read_bytes(), rel
    finally:
        server.terminate()
        server.wait(10)


def test_compose_runs_redis_with_aof_two_replicas_and_a_websocket_proxy():
    """The compose file keeps Redis on a volume with AOF, runs at least two app replicas behind nginx."""
    spec = yaml.safe_load((ROOT / "deploy/compose.yaml").read_text())
    services = spec["services"]
    redis_cmd = " ".join(services["redis"]["command"])
    assert "--appendonly yes" in redis_cmd
    assert any(v.endswith(":/data") for v in services["redis"]["volumes"])
    assert services["app"]["deploy"]["replicas"] >= 2
    assert services["app"]["environment"]["SAMENSPEL_REDIS_URL"].startswith("redis://redis:")
    assert "ports" not in services["app"]  # only the proxy is exposed
    nginx = (ROOT / "deploy/nginx.conf").read_text()
    assert "proxy_set_header Upgrade $http_upgrade" in nginx
    assert "server app:8000" in nginx
    directives = [ln.split("#")[0] for ln in nginx.splitlines()]
    assert not any("sticky" in d or "ip_hash" in d or "hash " in d for d in directives)


def test_forwarded_for_from_client_is_not_trusted_by_the_shipped_proxy_setup():
    """The app believes X-Forwarded-For from the proxy's own address only, and nginx writes the
    address it saw instead of appending to what the client sent."""
    spec = yaml.safe_load((ROOT / "deploy/compose.yaml").read_text())
    services = spec["services"]
    env = services["app"]["environment"]
    assert "FORWARDED_ALLOW_IPS" not in env
    trusted = env["SAMENSPEL_TRUSTED_PROXIES"]
    proxy_ip = services["proxy"]["networks"]["internal"]["ipv4_address"]
    assert trusted == proxy_ip
    nginx = [ln.split("#")[0].strip() for ln in (ROOT / "deploy/nginx.conf").read_text().splitlines()]
    forwarded = [d for d in nginx if d.startswith("proxy_set_header X-Forwarded-For")]
    assert forwarded and all(d == "proxy_set_header X-Forwarded-For $remote_addr;" for d in forwarded)


def test_every_package_is_in_the_wheel_list():
    """pyproject lists its packages by hand (for the client's package-dir): none may be forgotten."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {str(p.parent.relative_to(ROOT)).replace("/", ".") for top in ("server", "boards")
             for p in (ROOT / top).rglob("__init__.py")}
    assert found <= listed
    assert "samenspel_client" in listed
