"""Rendering deploy/k8s offline (`kubectl kustomize`, kustomize v5 built in) and the operators'
CRD schemas from deploy/k8s/crds."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from infra.config import PROJECT_ROOT

K8S = PROJECT_ROOT / "deploy" / "k8s"
KUSTOMIZATIONS = ["base", "base/migrate", "overlays/production", "overlays/production/migrate"]
# The barman-cloud plugin's CRD is not among the shared ones: that resource is checked by hand.
WITHOUT_CRD = {("barmancloud.cnpg.io/v1", "ObjectStore")}


@functools.cache
def render(kustomization: str) -> list[dict[str, Any]]:
    kubectl = shutil.which("kubectl")
    assert kubectl, "kubectl (kustomize built in) is needed to render deploy/k8s"
    output = subprocess.run(
        [kubectl, "kustomize", str(K8S / kustomization)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    return [doc for doc in yaml.safe_load_all(output) if doc]


def rendered() -> list[tuple[str, dict[str, Any]]]:
    return [(name, doc) for name in KUSTOMIZATIONS for doc in render(name)]


@functools.cache
def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> openAPIV3Schema of every CRD copied into deploy/k8s/crds."""
    schemas = {}
    for path in sorted((K8S / "crds").glob("*.yaml")):
        crd = yaml.safe_load(path.read_text())
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            schemas[(f"{group}/{version['name']}", kind)] = version["schema"]["openAPIV3Schema"]
    return schemas


def is_custom(doc: dict[str, Any]) -> bool:
    group = doc["apiVersion"].rpartition("/")[0]
    return "." in group and not group.endswith(".k8s.io")


def unknown_fields(value: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Fields the API server would silently prune: not declared by the structural schema."""
    if schema.get("x-kubernetes-preserve-unknown-fields"):
        return []
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [
            field
            for index, item in enumerate(value)
            for field in unknown_fields(item, schema["items"], f"{path}[{index}]")
        ]
    if not isinstance(value, dict) or (
        "properties" not in schema and "additionalProperties" not in schema
    ):
        return []
    found = []
    for key, item in value.items():
        declared = schema.get("properties", {}).get(key, schema.get("additionalProperties"))
        if isinstance(declared, dict):
            found += unknown_fields(item, declared, f"{path}.{key}")
        elif declared is not True:
            found.append(f"{path}.{key}")
    return found


def shipped_config() -> str:
    return Path(PROJECT_ROOT / "config" / "smile.yaml").read_text()
