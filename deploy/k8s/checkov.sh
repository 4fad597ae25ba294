#!/usr/bin/env bash
# checkov on what deploy/k8s renders (every kustomization), offline. Exit 1 on any failed check;
# the checks skipped on purpose say why in the manifests' checkov.io/skip annotations.
set -euo pipefail
cd "$(dirname "$0")"
CHECKOV=${CHECKOV:-../../.venv-checkov/bin/checkov}
rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
for kustomization in base base/migrate overlays/production overlays/production/migrate; do
    kubectl kustomize "$kustomization" > "$rendered/${kustomization//\//_}.yaml"
done
"$CHECKOV" --directory "$rendered" --framework kubernetes --compact --quiet --skip-download
