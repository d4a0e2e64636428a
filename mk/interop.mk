# Published clients for the interoperability tests (tests/interop/).
#
# openai and octoai 1.11.0 come with the bench extra. octoai-sdk 0.10.1, OctoAI's older SDK,
# ships the same top-level package `octoai` as octoai 1.11.0, so the two cannot share one
# environment: octoai-sdk and its dependencies go to a directory of their own, which only the
# tests' subprocesses put on PYTHONPATH.
#
# Its dependencies are locked too (requirements/octoai-sdk.lock.txt, refreshed by make lock from
# requirements/octoai-sdk.in), so a new release of one of them cannot change the tests.
PEER_SDK_VERSION := 0.10.1
PEER_SDK_IN      := requirements/octoai-sdk.in
PEER_SDK_LOCK    := requirements/octoai-sdk.lock.txt
PEER_SDK_DIR     := $(VENV)/peers/octoai-sdk-$(PEER_SDK_VERSION)
PEER_SDK_STAMP   := $(PEER_SDK_DIR)/.installed-stamp

.PHONY: interop-setup

# Order-only on the venv: a change of pyproject.toml does not reinstall it.
$(PEER_SDK_STAMP): mk/interop.mk $(PEER_SDK_LOCK) | $(STAMP)
	rm -rf $(PEER_SDK_DIR)
	$(UV) pip install --quiet --no-deps --compile-bytecode --python $(BIN)/python \
		--target $(PEER_SDK_DIR) -r $(PEER_SDK_LOCK)
	@touch $@

interop-setup: $(PEER_SDK_STAMP)
