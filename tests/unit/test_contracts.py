"""Consumer-driven contracts: every event a service consumes is checked against its producer's
example.

Producers list their contracts in `services/<name>/events.py` (`PUBLISHED`); consumers list what
they read in `services/<name>/subscriptions.py` (`SUBSCRIPTIONS`). A consumer schema that cannot
read the producer's example, or a subscription to an event nobody publishes, fails here, before the
bus does.
"""

import importlib

import pytest
from marshmallow import EXCLUDE

from infra.config import load_config

SERVICES = list(load_config()["SERVICES"])


def optional_module(name):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        return None


def published():
    contracts = {}
    for service in SERVICES:
        module = optional_module(f"services.{service}.events")
        for contract in getattr(module, "PUBLISHED", []):
            contracts[(service, contract.event_type, contract.version)] = contract
    return contracts


def subscriptions():
    consumers = {service: f"services.{service}.subscriptions" for service in SERVICES}
    for service, module_name in {**consumers, "gateway": "gateway.subscriptions"}.items():
        module = optional_module(module_name)
        for (source, event_type), versions in getattr(module, "SUBSCRIPTIONS", {}).items():
            for version, schema in versions.items():
                yield pytest.param(
                    service,
                    source,
                    event_type,
                    version,
                    schema,
                    id=f"{source}.{event_type}.v{version}->{service}",
                )


def test_every_producer_example_satisfies_its_own_schema():
    for contract in published().values():
        assert contract.schema().validate(contract.example) == {}, contract.event_type


@pytest.mark.parametrize("consumer, source, event_type, version, schema", list(subscriptions()))
def test_consumers_can_read_what_producers_publish(consumer, source, event_type, version, schema):
    contract = published().get((source, event_type, version))
    assert contract is not None, (
        f"{consumer} reads {source}.{event_type} v{version}: nobody publishes it"
    )
    assert schema(unknown=EXCLUDE).validate(contract.example) == {}
