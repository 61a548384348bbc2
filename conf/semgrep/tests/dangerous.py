# ruff: noqa
import ast
import json
import os
import pickle
import subprocess

import yaml


def load(data, text, path):
    # ruleid: emalu-unsafe-deserialisation
    a = pickle.loads(data)
    # ruleid: emalu-unsafe-deserialisation
    b = yaml.load(text)
    # ruleid: emalu-unsafe-deserialisation
    c = yaml.load(text, Loader=yaml.Loader)
    # ok: emalu-unsafe-deserialisation
    d = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: emalu-unsafe-deserialisation
    e = yaml.safe_load(text)
    # ok: emalu-unsafe-deserialisation
    f = json.loads(text)
    # ruleid: emalu-eval-exec
    g = eval(text)
    # ruleid: emalu-eval-exec
    exec(text)
    # ok: emalu-eval-exec
    h = ast.literal_eval(text)
    # ruleid: emalu-shell-true
    subprocess.run(f"pg_dump {path}", shell=True)
    # ruleid: emalu-shell-true
    os.system("ls " + path)
    # ok: emalu-shell-true
    subprocess.run(["pg_dump", path], check=True)
