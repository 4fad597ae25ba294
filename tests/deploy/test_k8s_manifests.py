"""deploy/k8s renders offline and every manifest is valid: Kubernetes' own schemas for built-in
kinds, the operators' CRD schemas for custom resources. (checkov runs from `make k8s-check`.)"""

import jsonschema
import kubernetes_validate
import pytest

from tests.deploy.manifests import (
    KUSTOMIZATIONS,
    WITHOUT_CRD,
    crd_schemas,
    is_custom,
    render,
    rendered,
    unknown_fields,
)

KUBERNETES_VERSION = "1.33.0"  # the oldest release the operators' current versions support
RESOURCES = rendered()


def ident(item):
    name, doc = item
    return f"{name}:{doc['kind']}/{doc['metadata']['name']}"


@pytest.mark.parametrize("kustomization", KUSTOMIZATIONS)
def test_every_kustomization_renders(kustomization):
    assert len(render(kustomization)) >= 5


@pytest.mark.parametrize("item", [i for i in RESOURCES if not is_custom(i[1])], ids=ident)
def test_builtin_resources_match_the_kubernetes_schemas(item):
    kubernetes_validate.validate(item[1], KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("item", [i for i in RESOURCES if is_custom(i[1])], ids=ident)
def test_custom_resources_match_their_operators_crd(item):
    doc = item[1]
    key = (doc["apiVersion"], doc["kind"])
    if key in WITHOUT_CRD:
        assert doc["spec"]["configuration"]["destinationPath"].startswith("s3://")
        return
    schema = crd_schemas().get(key)
    assert schema is not None, f"no CRD in deploy/k8s/crds for {key}"
    jsonschema.validate(doc, schema)
    assert unknown_fields(doc, schema) == []


def test_a_wrong_custom_resource_is_caught():
    schema = crd_schemas()[("rabbitmq.com/v1beta1", "RabbitmqCluster")]
    wrong = {
        "apiVersion": "rabbitmq.com/v1beta1",
        "kind": "RabbitmqCluster",
        "metadata": {"name": "x"},
        "spec": {"replicas": "three", "replica": 3},
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, schema)
    assert unknown_fields(wrong, schema) == [".spec.replica"]
