"""README, Deploying, step 9 (each later release) and the deploy files: the units and nginx run
the copies made at steps 6 and 7. Step 9 said to update the code, release and reload, and
nothing of docs/deploy/: a release that changed nginx.conf (the 413 page over HTTP/2) or a unit
changed nothing on a host that followed it, and nothing said so."""

import re
import subprocess

from tests.live import ROOT


def step_9() -> str:
    steps = (ROOT / "README.md").read_text().split("## Deploying", 1)[1]
    return re.search(r"\n9\. Each later release(.*?)\nAdding a host", steps, re.S)[1]


def test_each_release_puts_the_changed_deploy_files_in_place():
    step = " ".join(step_9().split())
    assert "docs/deploy/" in step
    assert "/etc/systemd/system" in step and "systemctl daemon-reload" in step
    assert "/etc/nginx/sites-enabled/emalu" in step and "nginx -t && systemctl reload nginx" in step


def test_the_command_it_gives_lists_what_a_release_changed_there(tmp_path):
    """The command, as written, in a repository whose release changed nginx.conf alone."""
    command = re.search(r"`(git diff --stat OLD HEAD -- docs/deploy/)`", " ".join(step_9().split()))
    assert command, "step 9 gives the command that lists the changed deploy files"

    def git(*args):
        return subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True,
                              check=True).stdout  # fmt: skip

    git("init", "-q")
    git("config", "user.email", "ops@example.kz")
    git("config", "user.name", "ops")
    (tmp_path / "docs" / "deploy").mkdir(parents=True)
    for name in ("nginx.conf", "emalu.service"):
        (tmp_path / "docs" / "deploy" / name).write_bytes(
            (ROOT / "docs/deploy" / name).read_bytes()
        )
    (tmp_path / "README.md").write_text("old\n")
    git("add", "-A")
    git("commit", "-qm", "the release the host ran")
    old = git("rev-parse", "HEAD").strip()
    with open(tmp_path / "docs" / "deploy" / "nginx.conf", "a") as site:
        site.write("# changed\n")
    (tmp_path / "README.md").write_text("new\n")
    git("commit", "-qam", "the next release")
    listed = subprocess.run(["sh", "-c", command[1].replace("OLD", old)], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "docs/deploy/nginx.conf" in listed
    assert "emalu.service" not in listed and "README" not in listed
