"""The gateway shares a service's schemas and vocabulary, never its domain (issue 12, item 6):
loading the gateway loads no `services.<name>.domain` module. What both sides need (stages,
kinds, the payable-amount rule...) is in the service's `vocabulary.py`; the schemas name domain
classes for their types only."""

import json
import subprocess
import sys

LOADED_SERVICE_MODULES = """
import json, sys
import gateway.service
print(json.dumps(sorted(m for m in sys.modules if m.startswith("services."))))
"""


def test_the_gateway_loads_no_domain_module() -> None:
    run = subprocess.run(
        [sys.executable, "-c", LOADED_SERVICE_MODULES], capture_output=True, text=True, check=True
    )
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert any(module.startswith("services.households.schemas") for module in loaded)
    domain = [m for m in loaded if ".domain" in m]
    assert domain == []
