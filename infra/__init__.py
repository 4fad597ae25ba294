"""Shared infrastructure for the services and the gateway. Holds no domain rules."""

import warnings

# nameko 2.14 is built on eventlet, now in bugfix-only maintenance; its import-time banner says so
# on every process start. Known and noted in the README; not repeated in every log.
warnings.filterwarnings("ignore", message="\nEventlet is deprecated")
