# --- ntpc-policy serve (issue 18) ---------------------------------------------------
# The service runs from the test wheel with the `serve` extra's server (granian)
# and schemathesis from tests/serve/requirements.txt. serve-test starts it on a
# Unix socket and on loopback, runs 30 s of load at concurrency 32 from a second
# process, SIGTERM under load, slow clients, and schemathesis against its own
# /openapi.json (bounded to 150 s); about 3 minutes in all.
.PHONY: serve-tools serve-test

$(VENV)/.serve-1: tests/serve/requirements.txt $(VENV)/.tools-2
	$(PY) -m pip install -q -r tests/serve/requirements.txt
	touch $@

serve-tools: $(VENV)/.serve-1

serve-test: python-wheel serve-tools
	$(VENV)/bin/ruff check tests/serve
	$(VENV)/bin/ruff format --check tests/serve
	cd tests/serve && ../../$(PY) -m pytest -q -p no:cacheprovider
