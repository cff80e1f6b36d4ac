# The two entry points the README opens with. Both install what is missing first.
.PHONY: nightly test build bench

nightly:
	./scripts/install-deps.sh
	swift build -c release --product crm
	.build/release/crm run pipelines/nightly.yml --out reports

# The unit suite, then the real nightly report rendered in headless Chromium and HTML-validated.
test:
	./scripts/install-deps.sh --test
	swift build --build-tests
	swift test --skip-build
	./scripts/render-check.sh

build:
	./scripts/install-deps.sh
	swift build -c release

bench:
	./scripts/install-deps.sh --test
	swift build -c release
	.build/release/crm-bench
