# Published clients for the interoperability tests (tests/interop/).
#
# openai and octoai 1.11.0 come with the bench extra. octoai-sdk 0.10.1, OctoAI's older SDK,
# ships the same top-level package `octoai` as octoai 1.11.0, so the two cannot share one
# environment: octoai-sdk and its dependencies go to a directory of their own, which only the
# tests' subprocesses put on PYTHONPATH.
PEER_SDK_VERSION := 0.10.1
PEER_SDK_DIR     := $(VENV)/peers/octoai-sdk-$(PEER_SDK_VERSION)
PEER_SDK_STAMP   := $(PEER_SDK_DIR)/.installed-stamp

.PHONY: interop-setup

# Order-only on the venv: a change of pyproject.toml does not reinstall it.
$(PEER_SDK_STAMP): mk/interop.mk | $(STAMP)
	rm -rf $(PEER_SDK_DIR)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		--target $(PEER_SDK_DIR) 'octoai-sdk==$(PEER_SDK_VERSION)'
	@touch $@

interop-setup: $(PEER_SDK_STAMP)
