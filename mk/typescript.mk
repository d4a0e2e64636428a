# TypeScript client targets (filled in by the TypeScript client work).
.PHONY: ts-setup ts-generate ts-check-generated ts-test
ts-setup:
ts-generate:
ts-check-generated:
ts-test:
